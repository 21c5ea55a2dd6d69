package dk.articlesummarizer.pipeline;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dk.articlesummarizer.checks.DigestCheck;
import dk.articlesummarizer.checks.PassageCheck;
import dk.articlesummarizer.checks.TranslationCheck;
import dk.articlesummarizer.checks.UpdateCheck;
import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.llm.ArticleDigest;
import dk.articlesummarizer.llm.ArticleUpdate;
import dk.articlesummarizer.llm.ChunkTranslation;
import dk.articlesummarizer.llm.Prompts;
import dk.articlesummarizer.llm.Question;
import dk.articlesummarizer.llm.TranslatedArticle;
import dk.articlesummarizer.llm.UpdatePrompt;

/**
 * The questions an answer is made of, each a prompt with the check that reads its answer, given as data what the
 * prompt was made from.
 */
@ApplicationScoped
class Questions {

    private final TranslationCheck translationCheck;
    private final PassageCheck passageCheck;
    private final DigestCheck digestCheck;
    private final UpdateCheck updateCheck;

    Questions(TranslationCheck translationCheck, PassageCheck passageCheck, DigestCheck digestCheck,
            UpdateCheck updateCheck) {
        this.translationCheck = translationCheck;
        this.passageCheck = passageCheck;
        this.digestCheck = digestCheck;
        this.updateCheck = updateCheck;
    }

    /**
     * An ordinary article: translation, headline and bullets in one call.
     *
     * @param markup whether the article's paragraphs carry placeholders for HTML or Markdown markup
     */
    Question<TranslatedArticle> translation(String title, String article, Glossary glossary, boolean markup) {
        return Question.of(Prompts.SYSTEM, Prompts.user(title, article, glossary, markup), TranslatedArticle.class,
                (answer, truncated) -> translationCheck.check(answer, truncated, article, title, glossary, markup));
    }

    /** One passage of a long article; {@code context} is the text before it, not to be translated. */
    Question<ChunkTranslation> passage(String context, String passage, int paragraphs, Glossary glossary,
            boolean markup) {
        return Question.of(Prompts.fill(Prompts.CHUNK_SYSTEM, Map.of("paragraphs", paragraphs)),
                Prompts.fill(Prompts.CHUNK_USER, Map.of("context", context, "passage", passage, "glossary",
                        glossary.block(), "format", Prompts.format(markup))),
                ChunkTranslation.class, (answer, truncated) -> passageCheck.check(answer, truncated, context,
                        passage, paragraphs, glossary, markup));
    }

    /** Headline and bullets of a long article from the key facts of its passages. */
    Question<ArticleDigest> digest(String title, String facts, Glossary glossary) {
        return Question.of(Prompts.DIGEST_SYSTEM, Prompts.fill(Prompts.DIGEST_USER, Map.of("title", title, "facts",
                facts, "glossary", glossary.block())), ArticleDigest.class,
                (answer, truncated) -> digestCheck.check(answer, truncated, title, facts, glossary));
    }

    /**
     * The changed paragraphs of an updated article and its fresh headline and bullets.
     *
     * @param before the previous English headline and bullets
     */
    Question<ArticleUpdate> update(String title, String before, List<UpdatePrompt.Change> changes,
            Glossary glossary, boolean markup) {
        return Question.of(Prompts.fill(Prompts.UPDATE_SYSTEM, Map.of("count", changes.size())),
                Prompts.fill(Prompts.UPDATE_USER, Map.of("title", title, "before", before, "changes",
                        UpdatePrompt.changes(changes), "glossary", glossary.block(), "format",
                        Prompts.format(markup))),
                ArticleUpdate.class, (answer, truncated) -> updateCheck.check(answer, truncated, title, before,
                        changes, glossary));
    }
}
