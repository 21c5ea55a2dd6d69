package dk.articlesummarizer.summary;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dk.articlesummarizer.common.DaemonThreads;
import dk.articlesummarizer.common.Durations;
import dk.articlesummarizer.common.LogContext;
import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The hard limit on the LLM work of one request, whatever retries, backoff and queueing would add: the caller gets
 * its 504 at the deadline. The work runs on a thread of its own, so that the caller does not wait for a provider
 * call that ignores the interrupt; when the deadline passes, that thread is interrupted, which ends its retries (an
 * interrupted call is not retried) and abandons the call in flight.
 */
@ApplicationScoped
public class RequestDeadline {

    private final Duration limit;
    private final ExecutorService work;
    private final Counter exceeded;

    public RequestDeadline(SummarizerConfig config, LlmConfig llm, MeterRegistry metrics) {
        this.exceeded = metrics.counter("summarizer.request.deadline.exceeded");
        this.limit = config.requestTimeout()
                .orElse(llm.timeout().multipliedBy(2).plus(llm.maxBackoff().multipliedBy(2)));
        this.work = Executors.newCachedThreadPool(new DaemonThreads("llm-work"));
    }

    @PreDestroy
    void stop() {
        work.shutdownNow();
    }

    public Summary within(Supplier<Summary> task) {
        return withinRounds(1, task);
    }

    /**
     * For work done in {@code rounds} successive rounds of LLM calls (a long article's passages, a batch per free
     * slot, then its digest): the deadline is one request deadline per round.
     */
    public Summary withinRounds(int rounds, Supplier<Summary> task) {
        Duration deadline = limit.multipliedBy(Math.max(1, rounds));
        Future<Summary> running = work.submit(LogContext.carried(task::get));
        try {
            return running.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            exceeded.increment();
            throw new ProblemException(ProblemType.LLM_TIMEOUT, "The LLM provider did not produce an answer within "
                    + Durations.human(deadline) + " (SUMMARIZER_REQUEST_TIMEOUT), retries"
                    + " included. Retrying later may help.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("The LLM work failed", e.getCause());
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for the LLM");
        }
    }
}
