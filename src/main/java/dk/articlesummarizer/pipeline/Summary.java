package dk.articlesummarizer.pipeline;

import java.util.List;

import dk.articlesummarizer.checks.Citations;
import dk.articlesummarizer.checks.NameForms;
import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.llm.Bullet;
import dk.articlesummarizer.llm.Usage;
import dk.articlesummarizer.text.ArticleFormat;
import dk.articlesummarizer.text.Chunker;
import dk.articlesummarizer.text.MarkedUpArticle;
import dk.articlesummarizer.text.Placeholders;

/**
 * A finished answer for one article (cached as its serialized response, see CachedAnswer).
 *
 * @param usage tokens of the LLM calls made to produce it
 * @param chunks passages the article was translated in (1 for an ordinary article)
 * @param format how the translation is written: as the article was
 * @param removed what sanitizing took out of an HTML or Markdown article, by kind
 * @param reused paragraphs whose translation was remembered from an earlier answer rather than asked for now
 * @param bullets the summary's bullets with the paragraphs each cites (none before {@link #cited})
 */
public record Summary(String title, String translation, List<String> summary, String sourceLanguage, String model,
        Usage usage, int chunks, int reused, ArticleFormat format, List<String> removed, List<Bullet> bullets) {

    public Summary {
        summary = List.copyOf(summary);
        removed = List.copyOf(removed);
        bullets = List.copyOf(bullets);
    }

    /** A plain-text answer, not yet cited. */
    public Summary(String title, String translation, List<String> summary, String sourceLanguage, String model,
            Usage usage, int chunks, int reused) {
        this(title, translation, summary, sourceLanguage, model, usage, chunks, reused, ArticleFormat.TEXT, List.of(),
                summary.stream().map(bullet -> new Bullet(bullet, List.of())).toList());
    }

    /**
     * This answer with each name in one form across translation, headline and bullets: an update's new paragraphs
     * or a long article's passages, asked for apart, may spell a name otherwise than the rest.
     */
    public Summary withOneFormPerName(Glossary glossary) {
        NameForms.Outcome named = NameForms.unify(glossary, translation, title, summary);
        return new Summary(named.title(), named.translation(), named.bullets(), sourceLanguage, model, usage, chunks,
                reused, format, removed, bullets);
    }

    /** This answer with its bullets tied to the paragraphs of {@code source} they rest on. */
    public Summary cited(String source) {
        return new Summary(title, translation, summary, sourceLanguage, model, usage, chunks, reused, format, removed,
                Citations.locate(Chunker.paragraphs(Placeholders.strip(source)),
                        Chunker.paragraphs(Placeholders.strip(translation)), summary));
    }

    /** This answer with its translation put back into the article's markup. */
    public Summary rendered(ArticleFormat articleFormat, MarkedUpArticle markup) {
        return new Summary(title, markup.render(Chunker.paragraphs(translation)), summary, sourceLanguage, model,
                usage, chunks, reused, articleFormat, markup.removed(), bullets);
    }
}
