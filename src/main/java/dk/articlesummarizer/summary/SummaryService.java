package dk.articlesummarizer.summary;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.cache.CacheKey;
import dk.articlesummarizer.cache.CachedAnswer;
import dk.articlesummarizer.cache.CoalescingCache;
import dk.articlesummarizer.cache.RequestBodyIndex;
import dk.articlesummarizer.cache.SummaryCache;
import dk.articlesummarizer.language.LanguageGate;
import dk.articlesummarizer.llm.ArticleLlmClient;
import dk.articlesummarizer.llm.ContextBudget;
import dk.articlesummarizer.llm.Prompts;
import dk.articlesummarizer.llm.TranslatedArticle;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/**
 * Checks an article, then answers it from the cache or through the LLM. Split in two steps so that the caller can
 * answer cache hits at once ({@link #prepare} and {@link #cached} are cheap and never block) and move only misses
 * ({@link #answer}) to a worker thread.
 */
@ApplicationScoped
public class SummaryService {

    private final SummarizerConfig config;
    private final LanguageGate languageGate;
    private final SummaryCache cache;
    private final ArticleLlmClient llm;
    private final RequestDeadline deadline;
    private final LongArticleSummarizer longArticles;
    private final ObjectMapper json;
    private final RequestBodyIndex bodies;
    private final ContextBudget budget;

    public SummaryService(SummarizerConfig config, LanguageGate languageGate, SummaryCache cache,
            ArticleLlmClient llm, RequestDeadline deadline, LongArticleSummarizer longArticles, ObjectMapper json,
            RequestBodyIndex bodies, ContextBudget budget) {
        this.bodies = bodies;
        this.budget = budget;
        this.config = config;
        this.languageGate = languageGate;
        this.cache = cache;
        this.llm = llm;
        this.deadline = deadline;
        this.longArticles = longArticles;
        this.json = json;
    }

    /** An article checked against the limits, normalized and keyed. */
    public record Prepared(ArticleText text, String title, CacheKey key, CachePolicy policy) {
    }

    /** An answer: the bytes of a cached one, or a fresh summary. */
    public record Answer(Summary fresh, byte[] cachedJson) {

        public boolean cached() {
            return cachedJson != null;
        }
    }

    public Prepared prepare(String rawText, String rawTitle, CachePolicy policy) {
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
        return new Prepared(text, title, CacheKey.of(text.value(), title, llm.model(), Prompts.VERSION), policy);
    }

    /**
     * A ready cached answer, if the policy allows one. A cached text passed the language gate when it was first
     * answered, so detection (the costliest step of a hit) is skipped.
     */
    public Optional<byte[]> cached(Prepared article) {
        if (article.policy() != CachePolicy.NORMAL) {
            return Optional.empty();
        }
        return cache.getIfReady(article.key()).map(CachedAnswer::json);
    }

    /** The cached answer for a request body seen before, if its answer is still cached and the policy allows. */
    public Optional<byte[]> cachedForBody(String mediaType, byte[] body, CachePolicy policy) {
        if (policy != CachePolicy.NORMAL) {
            return Optional.empty();
        }
        return bodies.answerKeyFor(mediaType, body).flatMap(cache::getIfReady).map(CachedAnswer::json);
    }

    /** Notes which answer a request body stands for, so that the next identical body skips decoding. */
    public void rememberBody(String mediaType, byte[] body, Prepared article) {
        bodies.remember(mediaType, body, article.key());
    }

    /**
     * Blocks: checks the language and calls the LLM, unless an identical request's call can be shared. A text is
     * refused before the call; which accepted language it is may still be being weighed during the call.
     */
    public Answer answer(Prepared article) {
        CompletableFuture<String> language = languageGate.admit(article.text().value());
        return switch (article.policy()) {
            case NORMAL -> {
                Summary[] fresh = new Summary[1];
                CoalescingCache.Lookup<CachedAnswer> lookup = cache.getOrLoad(article.key(), () -> {
                    fresh[0] = callLlm(article, language);
                    return cachedForm(fresh[0]);
                });
                yield lookup.hit() ? new Answer(null, lookup.value().json()) : new Answer(fresh[0], null);
            }
            case REFRESH -> {
                Summary fresh = callLlm(article, language);
                cache.put(article.key(), cachedForm(fresh));
                yield new Answer(fresh, null);
            }
            case BYPASS -> new Answer(callLlm(article, language), null);
        };
    }

    private CachedAnswer cachedForm(Summary summary) {
        try {
            return new CachedAnswer(json.writeValueAsBytes(SummarizeResponse.of(summary, true)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer record always serializes", e);
        }
    }

    private Summary callLlm(Prepared article, CompletableFuture<String> language) {
        ArticleText text = article.text();
        if (text.value().length() > budget.passageChars()) {
            return longArticles.summarize(text, article.title(), language.join());
        }
        return deadline.within(() -> {
            ArticleLlmClient.Translated<TranslatedArticle> answer = llm.translate(article.title(), text.value());
            return new Summary(answer.value().title(), answer.value().translation(), answer.value().summary(),
                    language.join(), llm.model(), answer.usage(), 1);
        });
    }
}
