package dk.articlesummarizer.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dk.articlesummarizer.common.Durations;
import dk.articlesummarizer.llm.Deadline;
import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The deadlines of LLM work, and the one way it runs for a caller that waits: on a worker thread of Quarkus's pool,
 * answered at the deadline with 504 whatever the work is doing. Past the deadline, or once the caller has left,
 * the work starts no further LLM call; a call already in flight keeps its turn at the provider until it ends.
 */
@ApplicationScoped
public class Deadlines {

    static final String REQUEST_SETTING = "SUMMARIZER_REQUEST_TIMEOUT";
    static final String BATCH_SETTING = "SUMMARIZER_BATCH_TIMEOUT";

    private final Duration request;
    private final Duration batch;
    private final Counter exceeded;

    public Deadlines(SummarizerConfig config, LlmConfig llm, MeterRegistry metrics) {
        this.request = config.requestTimeout()
                .orElse(llm.timeout().multipliedBy(2).plus(llm.maxBackoff().multipliedBy(2)));
        this.batch = config.batch().timeout();
        this.exceeded = metrics.counter("summarizer.request.deadline.exceeded");
    }

    /** One article's: a request deadline for each round of LLM calls it needs (a long article has several). */
    public Deadline forArticle(int rounds) {
        return Deadline.after(request.multipliedBy(Math.max(1, rounds)), REQUEST_SETTING);
    }

    /** A batch article's: its own, but never past the batch's. */
    public Deadline forBatchArticle(int rounds, Deadline wholeBatch) {
        Duration own = request.multipliedBy(Math.max(1, rounds));
        Duration left = wholeBatch.remaining();
        return own.compareTo(left) <= 0 ? Deadline.after(own, REQUEST_SETTING) : Deadline.after(left, BATCH_SETTING);
    }

    public Deadline forBatch() {
        return Deadline.after(batch, BATCH_SETTING);
    }

    /** Blocking LLM work for a waiting caller: its answer, or 504 at the deadline; a caller that leaves cancels it. */
    public <T> Uni<T> onWorker(Deadline deadline, Supplier<T> work) {
        Duration left = deadline.remaining();
        if (left.isZero() || deadline.cancelled()) { // a batch article whose batch is out of time
            return Uni.createFrom().failure(passed(deadline, new AtomicBoolean()));
        }
        AtomicBoolean answered = new AtomicBoolean();
        return Uni.createFrom().item(work)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                // Work that failed because its deadline was cancelled (its time ran out, or its caller left) is the
                // caller's 504, whichever of the two noticed first; a caller that left gets nothing either way.
                .onFailure(failure -> failure instanceof RuntimeException && deadline.cancelled())
                .recoverWithUni(failure -> {
                    ProblemException timedOut = passed(deadline, answered);
                    return timedOut == null ? Uni.createFrom().nullItem() : Uni.createFrom().failure(timedOut);
                })
                .ifNoItem().after(left).failWith(() -> Objects.requireNonNullElseGet(passed(deadline, answered),
                        () -> passed(deadline)))
                .onCancellation().invoke(() -> {
                    answered.set(true); // the caller left: nobody to answer
                    deadline.cancel();
                });
    }

    /**
     * The caller's 504, once per caller (null when it was answered already, or left); counted as a deadline
     * exceeded only when its time is up.
     */
    private ProblemException passed(Deadline deadline, AtomicBoolean answered) {
        deadline.cancel();
        if (!answered.compareAndSet(false, true)) {
            return null;
        }
        if (deadline.remaining().isZero()) {
            exceeded.increment();
        }
        return passed(deadline);
    }

    private ProblemException passed(Deadline deadline) {
        return new ProblemException(ProblemType.LLM_TIMEOUT, "The LLM provider did not produce an answer within "
                + Durations.human(deadline.limit()) + " (" + deadline.setting() + "), retries included. Retrying"
                + " later may help.");
    }
}
