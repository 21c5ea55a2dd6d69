package dk.articlesummarizer.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dk.articlesummarizer.common.DaemonThreads;
import dk.articlesummarizer.common.LogContext;
import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.problem.Problem;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/**
 * Answers a batch of articles, each exactly as {@code POST /summarize} would (cache, single-flight, deadline,
 * errors), concurrently up to the LLM's concurrency limit, and in the order they came. One article's problem is
 * its own: the others are answered anyway.
 */
@ApplicationScoped
public class BatchSummarizer {

    private final SummaryService summaries;
    private final SummarizerConfig config;
    private final int parallelism;
    private final ExecutorService work = Executors.newCachedThreadPool(new DaemonThreads("batch-article"));

    public BatchSummarizer(SummaryService summaries, SummarizerConfig config, LlmConfig llm) {
        this.summaries = summaries;
        this.config = config;
        this.parallelism = Math.max(1, llm.maxConcurrency());
    }

    @PreDestroy
    void stop() {
        work.shutdownNow();
    }

    /** An article of the batch, as sent. */
    public record Article(String text, String title) {
    }

    public List<BatchOutcome> summarize(List<Article> articles, CachePolicy policy, String requestId) {
        if (articles == null || articles.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The body must be {\"articles\": [{\"text\":"
                    + " \"...\", \"title\": \"...\"}, ...]} with at least one article.");
        }
        int most = config.batch().maxArticles();
        if (articles.size() > most) {
            throw new ProblemException(ProblemType.TOO_MANY_ARTICLES, "The batch has " + articles.size()
                    + " articles; the limit is " + most + " (SUMMARIZER_BATCH_MAX_ARTICLES).");
        }
        Semaphore slots = new Semaphore(parallelism);
        List<Future<BatchOutcome>> running = new ArrayList<>();
        for (Article article : articles) {
            running.add(work.submit(LogContext.carried(() -> {
                slots.acquire();
                try {
                    return one(article, policy, requestId);
                } finally {
                    slots.release();
                }
            })));
        }
        List<BatchOutcome> outcomes = new ArrayList<>();
        try {
            for (Future<BatchOutcome> outcome : running) {
                outcomes.add(outcome.get());
            }
        } catch (InterruptedException e) {
            running.forEach(outcome -> outcome.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while answering a batch");
        } catch (ExecutionException e) {
            throw new IllegalStateException("A batch article failed outside its own handling", e.getCause());
        }
        return outcomes;
    }

    private BatchOutcome one(Article article, CachePolicy policy, String requestId) {
        if (article == null) {
            return BatchOutcome.failed(Problem.of(ProblemType.INVALID_REQUEST, "The article is null; send"
                    + " {\"text\": \"...\"}.", requestId));
        }
        try {
            return BatchOutcome.answered(summaries.summarize(article.text(), article.title(), policy).json());
        } catch (RuntimeException e) {
            return BatchOutcome.failed(ProblemException.unexpected(e).toProblem(requestId));
        }
    }
}
