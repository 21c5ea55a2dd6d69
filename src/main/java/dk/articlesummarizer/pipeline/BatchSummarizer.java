package dk.articlesummarizer.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dk.articlesummarizer.llm.Deadline;
import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.problem.Problem;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Answers a batch of articles, each exactly as {@code POST /summarize} would (cache, single-flight, admission,
 * errors), as many at once as the LLM's concurrency limit, within the batch's deadline, and in the order they
 * came. One article's problem is its own: the others are answered anyway.
 */
@ApplicationScoped
public class BatchSummarizer {

    private final SummaryService summaries;
    private final SummarizerConfig config;
    private final Deadlines deadlines;
    private final int parallelism;

    public BatchSummarizer(SummaryService summaries, SummarizerConfig config, Deadlines deadlines, LlmConfig llm) {
        this.summaries = summaries;
        this.config = config;
        this.deadlines = deadlines;
        this.parallelism = Math.max(1, llm.maxConcurrency());
    }

    /** @param caller the caller id of the API key, or "" when keys are off: whose budget pays */
    public Uni<List<BatchOutcome>> summarize(List<ArticleInput> articles, CachePolicy policy, String caller,
            String requestId) {
        if (articles == null || articles.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The body must be {\"articles\": [{\"text\":"
                    + " \"...\", \"title\": \"...\"}, ...]} with at least one article.");
        }
        int most = config.batch().maxArticles();
        if (articles.size() > most) {
            throw new ProblemException(ProblemType.TOO_MANY_ARTICLES, "The batch has " + articles.size()
                    + " articles; the limit is " + most + " (SUMMARIZER_BATCH_MAX_ARTICLES).");
        }
        Deadline wholeBatch = deadlines.forBatch();
        List<BatchOutcome> outcomes = new ArrayList<>(Collections.nCopies(articles.size(), null));
        return Multi.createFrom().range(0, articles.size())
                .onItem().transformToUni(index -> one(articles.get(index), policy, wholeBatch, caller, requestId)
                        .invoke(outcome -> outcomes.set(index, outcome)))
                .merge(parallelism)
                .collect().last()
                .map(last -> outcomes)
                .onCancellation().invoke(wholeBatch::cancel);
    }

    private Uni<BatchOutcome> one(ArticleInput article, CachePolicy policy, Deadline wholeBatch, String caller,
            String requestId) {
        if (article == null) {
            return Uni.createFrom().item(BatchOutcome.failed(Problem.of(ProblemType.INVALID_REQUEST, "The article is"
                    + " null; send {\"text\": \"...\"}.", requestId)));
        }
        return Uni.createFrom()
                .deferred(() -> summaries.summarize(article, policy, Optional.of(wholeBatch), caller))
                .map(answer -> BatchOutcome.answered(answer.json()))
                .onFailure().recoverWithItem(e -> BatchOutcome.failed(ProblemException.unexpected(e)
                        .toProblem(requestId)));
    }
}
