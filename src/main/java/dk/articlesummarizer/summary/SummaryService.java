package dk.articlesummarizer.summary;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dk.articlesummarizer.cache.CacheKey;
import dk.articlesummarizer.cache.CoalescingCache;
import dk.articlesummarizer.cache.SummaryCache;
import dk.articlesummarizer.language.LanguageGate;
import dk.articlesummarizer.llm.ArticleLlmClient;
import dk.articlesummarizer.llm.LlmAnswer;
import dk.articlesummarizer.llm.Prompts;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/** Checks an article, then answers it from the cache or through one LLM call. */
@ApplicationScoped
public class SummaryService {

    private final SummarizerConfig config;
    private final LanguageGate languageGate;
    private final SummaryCache cache;
    private final ArticleLlmClient llm;
    private final RequestDeadline deadline;
    private final LongArticleSummarizer longArticles;

    public SummaryService(SummarizerConfig config, LanguageGate languageGate, SummaryCache cache,
            ArticleLlmClient llm, RequestDeadline deadline, LongArticleSummarizer longArticles) {
        this.deadline = deadline;
        this.longArticles = longArticles;
        this.config = config;
        this.languageGate = languageGate;
        this.cache = cache;
        this.llm = llm;
    }

    public Answer summarize(String rawText, String rawTitle, CachePolicy policy) {
        ArticleText text = ArticleText.normalize(rawText == null ? "" : rawText);
        if (text.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The article text is empty.");
        }
        if (text.characterCount() > config.maxTextChars()) {
            throw new ProblemException(ProblemType.TEXT_TOO_LONG, "The article has " + text.characterCount()
                    + " characters; the limit is " + config.maxTextChars() + " (SUMMARIZER_MAX_TEXT_CHARS).");
        }
        String title = rawTitle == null ? "" : ArticleText.normalize(rawTitle).value();
        if (title.codePointCount(0, title.length()) > config.maxTitleChars()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "The title is longer than " + config.maxTitleChars() + " characters.");
        }
        CacheKey key = CacheKey.of(text.value(), title, llm.model(), Prompts.VERSION);
        if (policy == CachePolicy.NORMAL) {
            // A cached text passed the language gate when it was first answered; detection is the costliest
            // step of a hit, so it is skipped.
            Optional<Summary> ready = cache.getIfReady(key);
            if (ready.isPresent()) {
                return new Answer(ready.get(), true);
            }
        }
        String language = languageGate.requireAccepted(text.value());
        return switch (policy) {
            case NORMAL -> {
                CoalescingCache.Lookup<Summary> lookup = cache.getOrLoad(key, () -> callLlm(title, text, language));
                yield new Answer(lookup.value(), lookup.hit());
            }
            case REFRESH -> {
                Summary fresh = callLlm(title, text, language);
                cache.put(key, fresh);
                yield new Answer(fresh, false);
            }
            case BYPASS -> new Answer(callLlm(title, text, language), false);
        };
    }

    private Summary callLlm(String title, ArticleText text, String language) {
        if (text.value().length() > config.chunkChars()) {
            return longArticles.summarize(text, title, language);
        }
        return deadline.within(() -> {
            LlmAnswer answer = llm.translate(title, text.value());
            return new Summary(answer.article().title(), answer.article().translation(), answer.article().summary(),
                    language, llm.model(), answer.usage(), 1);
        });
    }

    /** An answer, and whether it came from the cache. */
    public record Answer(Summary summary, boolean cached) {
    }
}
