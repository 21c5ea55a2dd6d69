package dk.articlesummarizer.pipeline;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dk.articlesummarizer.access.Budgets;
import dk.articlesummarizer.cache.CacheKey;
import dk.articlesummarizer.cache.CachedAnswer;
import dk.articlesummarizer.cache.CoalescingCache;
import dk.articlesummarizer.cache.SummaryCache;
import dk.articlesummarizer.common.Sha256;
import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.glossary.HouseGlossary;
import dk.articlesummarizer.language.LanguageGate;
import dk.articlesummarizer.llm.ArticleLlmClient;
import dk.articlesummarizer.llm.Deadline;
import dk.articlesummarizer.llm.Prompts;
import dk.articlesummarizer.llm.TranslatedArticle;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import dk.articlesummarizer.text.ArticleFormat;
import dk.articlesummarizer.text.ArticleText;
import dk.articlesummarizer.text.MarkedUpArticle;
import dk.articlesummarizer.text.Placeholders;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Answers one article: checks it, then answers from the cache or through the LLM (one call, or passage by passage
 * for a long article), as the caller's cache policy allows. Every path (a request, a batch article, a job, a stream
 * whose answer failed its checks) reaches the LLM through {@link #answer}.
 */
@ApplicationScoped
public class SummaryService {

    private final SummarizerConfig config;
    private final LanguageGate languageGate;
    private final SummaryCache cache;
    private final ArticleLlmClient llm;
    private final Questions questions;
    private final Deadlines deadlines;
    private final LongArticleSummarizer longArticles;
    private final SummaryJson json;
    private final Budgets budgets;
    private final HouseGlossary glossaries;
    private final ArticleUpdates updates;
    private final Vertx vertx;

    public SummaryService(SummarizerConfig config, LanguageGate languageGate, SummaryCache cache,
            ArticleLlmClient llm, Deadlines deadlines, LongArticleSummarizer longArticles, SummaryJson json,
            Budgets budgets, HouseGlossary glossaries, ArticleUpdates updates, Vertx vertx, Questions questions) {
        this.questions = questions;
        this.vertx = vertx;
        this.updates = updates;
        this.budgets = budgets;
        this.glossaries = glossaries;
        this.config = config;
        this.languageGate = languageGate;
        this.cache = cache;
        this.llm = llm;
        this.deadlines = deadlines;
        this.longArticles = longArticles;
        this.json = json;
    }

    /** The answer's JSON, and whether it came from the cache (stored, or shared with an identical call in flight). */
    public record Answer(byte[] json, boolean cached) {
    }

    /**
     * An article checked against the limits, normalized and keyed.
     *
     * @param glossary the entries that occur in it (the house's and the request's)
     */
    record Article(ArticleText text, String title, Glossary glossary, ArticleFormat format, MarkedUpArticle markup,
            CacheKey key) {

        /** The words alone, without placeholders for markup: what the language check reads. */
        String words() {
            return markup == null ? text.value() : Placeholders.strip(text.value());
        }
    }

    /**
     * An article that passed every check (limits, language, the caller's budget) and may go to the LLM, with its
     * answer when the cache already has one; for work that answers later (a job, a stream), so that a bad article is
     * refused at once.
     *
     * @param caller the caller id of the API key, or "" when keys are off: whose budget pays
     */
    public record Admitted(Article article, String language, Optional<Answer> cached, String caller) {
    }

    /**
     * A caller's answer: a cached one at once, on the calling thread (the I/O thread for a request); otherwise the
     * LLM's, made on a worker thread within the article's deadline (or {@code outer}'s, a batch's, when sooner).
     */
    public Uni<Answer> summarize(ArticleInput input, CachePolicy policy, Optional<Deadline> outer, String caller) {
        Article article = check(input);
        Optional<Answer> hit = cached(article, policy);
        if (hit.isPresent()) {
            return Uni.createFrom().item(hit.get());
        }
        int rounds = longArticles.rounds(article.text());
        Deadline deadline = outer.map(batch -> deadlines.forBatchArticle(rounds, batch))
                .orElseGet(() -> deadlines.forArticle(rounds));
        return deadlines.onWorker(deadline, () -> answer(new Admitted(article,
                languageGate.admit(article.words()), Optional.empty(), caller), policy, deadline,
                Progress.NONE));
    }

    /** Checks an article for work that answers later; blocking (the language check, the budget). */
    public Admitted admit(ArticleInput input, CachePolicy policy, String caller) {
        Article article = check(input);
        Optional<Answer> hit = cached(article, policy);
        if (hit.isPresent()) {
            // A cached text passed the language check when it was first answered, and costs nothing.
            return new Admitted(article, null, hit, caller);
        }
        String language = languageGate.admit(article.words());
        try {
            budgets.refuseIfSpent(caller);
        } catch (ProblemException spent) {
            // Another replica's answer, in the shared tier, is a hit too: a hit is always served.
            Optional<Answer> stored = policy != CachePolicy.NORMAL ? Optional.empty()
                    : cache.getStored(article.key()).map(answer -> new Answer(answer.json(), true));
            return new Admitted(article, language, Optional.of(stored.orElseThrow(() -> spent)), caller);
        }
        return new Admitted(article, language, hit, caller);
    }

    /** The answer of an admitted article, reporting its LLM calls as they finish; blocking. */
    public Answer answer(Admitted admitted, CachePolicy policy, Deadline deadline, Progress progress) {
        if (admitted.cached().isPresent()) {
            return admitted.cached().get();
        }
        return answer(admitted.article(), admitted.language(), policy, deadline, progress, admitted.caller());
    }

    /**
     * Keeps a streamed answer as {@link #answer} keeps its own: in the cache and the paragraph memory, as the policy
     * allows.
     */
    public void keep(Admitted admitted, Summary streamed, CachePolicy policy) {
        if (policy != CachePolicy.BYPASS) {
            cache.put(admitted.article().key(), new CachedAnswer(json.bytes(streamed, true)));
        }
        remember(admitted.article(), streamed, policy);
    }

    /**
     * Whether an admitted article is an update of a story answered before, which a stream answers whole (as an
     * update, through {@link #answer}) rather than as the model writes it; blocking.
     */
    public boolean isUpdate(Admitted admitted, CachePolicy policy) {
        return policy == CachePolicy.NORMAL && admitted.cached().isEmpty()
                && updates.find(admitted.article()).isPresent();
    }

    private Optional<Answer> cached(Article article, CachePolicy policy) {
        return policy != CachePolicy.NORMAL ? Optional.empty()
                : cache.getIfReady(article.key()).map(hit -> new Answer(hit.json(), true));
    }

    /** The deadline of LLM work for this caller, charged to its budget. */
    public Deadline paidBy(Deadline deadline, String caller) {
        return deadline.paidBy(budgets.payer(caller));
    }

    private Answer answer(Article article, String language, CachePolicy policy, Deadline callersDeadline,
            Progress progress, String caller) {
        Deadline deadline = paidBy(callersDeadline, caller);
        // Cancelled when its time is up, on every path (a job's, a batch article's too): a call in flight then is
        // aborted rather than left to run for nobody.
        long expiry = vertx.setTimer(Math.max(1, deadline.remaining().toMillis()), id -> deadline.cancel());
        try {
            return answerWithin(article, language, policy, deadline, progress);
        } finally {
            vertx.cancelTimer(expiry);
        }
    }

    private Answer answerWithin(Article article, String language, CachePolicy policy, Deadline deadline,
            Progress progress) {
        return switch (policy) {
            case NORMAL -> {
                Summary[] fresh = new Summary[1];
                CoalescingCache.Lookup<CachedAnswer> lookup = cache.getOrLoad(article.key(), deadline, load -> {
                    fresh[0] = callLlm(article, language, policy, load, progress);
                    return new CachedAnswer(json.bytes(fresh[0], true));
                });
                yield lookup.hit() ? new Answer(lookup.value().json(), true)
                        : new Answer(json.bytes(fresh[0], false), false);
            }
            case REFRESH -> {
                Summary fresh = callLlm(article, language, policy, deadline, progress);
                cache.put(article.key(), new CachedAnswer(json.bytes(fresh, true)));
                yield new Answer(json.bytes(fresh, false), false);
            }
            case BYPASS -> new Answer(json.bytes(callLlm(article, language, policy, deadline, progress), false),
                    false);
        };
    }

    private Article check(ArticleInput input) {
        String rawText = input.text() == null ? "" : input.text();
        String rawTitle = input.title();
        ControlCharacters.refuseIn("text", rawText);
        ControlCharacters.refuseIn("title", rawTitle == null ? "" : rawTitle);
        MarkedUpArticle markup = input.format() == ArticleFormat.TEXT ? null
                : MarkedUpArticle.parse(input.format(), rawText);
        ArticleText text = ArticleText.normalize(markup == null ? rawText : String.join("\n\n", markup.paragraphs()));
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
        Glossary glossary = glossaries.forArticle(input.glossary(), text.value(), title);
        // The markup is part of the key: two pages with the same words may link elsewhere.
        List<String> extras = new ArrayList<>();
        glossary.fingerprint().ifPresent(extras::add);
        if (markup != null) {
            extras.add(input.format().json() + " " + HexFormat.of().formatHex(Sha256.of(rawText)));
        }
        return new Article(text, title, glossary, input.format(), markup, CacheKey.of(text.value(), title,
                llm.model(), Prompts.VERSION, extras.toArray(String[]::new)));
    }

    /**
     * The LLM's answer. Each call of it is charged to the deadline's payer when it takes its turn at a model
     * ({@code LlmGate}): an answer from the cache, another replica's or an identical request's in flight, is free.
     * <p>
     * A no-store request neither reads nor writes the passage cache or the paragraph memory, and a no-cache one
     * does not read them.
     */
    private Summary callLlm(Article article, String language, CachePolicy policy, Deadline deadline,
            Progress progress) {
        boolean store = policy != CachePolicy.BYPASS;
        boolean isLong = longArticles.isLong(article.text());
        Summary summary = (isLong ? longArticles.summarize(article.text(), article.title(), article.glossary(),
                article.markup() != null, language, store, deadline, progress)
                : callLlmOnce(article, language, policy, progress, deadline)).withOneFormPerName(article.glossary());
        if (!isLong) {
            remember(article, summary, policy);
        }
        return finished(article, summary);
    }

    /** An answer as callers get it: its bullets cited, its translation back in the article's markup. */
    static Summary finished(Article article, Summary summary) {
        Summary cited = summary.cited(article.text().value());
        return article.markup() == null ? cited : cited.rendered(article.format(), article.markup());
    }

    /** The paragraph memory learns an ordinary answer's paragraphs, unless the caller forbade storing. */
    private void remember(Article article, Summary summary, CachePolicy policy) {
        if (policy != CachePolicy.BYPASS) {
            updates.remember(article, summary);
        }
    }

    /** An ordinary article: an update of a story answered before, or the one-call answer. */
    private Summary callLlmOnce(Article article, String language, CachePolicy policy, Progress progress,
            Deadline deadline) {
        Optional<ArticleUpdates.Update> update = policy == CachePolicy.NORMAL ? updates.find(article)
                : Optional.empty();
        if (update.isPresent()) {
            try {
                return updates.answer(article, update.get(), language, deadline, progress);
            } catch (ProblemException unusable) {
                // The update is an optimisation: when its answer stays unusable, the whole article is asked for.
                if (unusable.type() != ProblemType.LLM_UNUSABLE_ANSWER || deadline.expired()) {
                    throw unusable;
                }
                updates.fellBack();
            }
        }
        progress.planned(1);
        ArticleLlmClient.Translated<TranslatedArticle> answer = llm.ask(deadline,
                questions.translation(article.title(), article.text().value(), article.glossary(),
                        article.markup() != null));
        progress.stepDone();
        return new Summary(answer.value().title(), answer.value().translation(), answer.value().summary(), language,
                answer.model(), answer.usage(), 1, 0);
    }
}
