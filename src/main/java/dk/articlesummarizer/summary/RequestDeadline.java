package dk.articlesummarizer.summary;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.smallrye.faulttolerance.api.Guard;

/** The hard limit on the LLM work of one request, whatever retries, backoff and queueing would add. */
@ApplicationScoped
public class RequestDeadline {

    private final Duration limit;
    private final Guard guard;

    public RequestDeadline(SummarizerConfig config, LlmConfig llm) {
        this.limit = config.requestTimeout()
                .orElse(llm.timeout().multipliedBy(2).plus(llm.maxBackoff().multipliedBy(2)));
        this.guard = Guard.create()
                .withDescription("request-deadline")
                .withTimeout().duration(limit.toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }

    public Summary within(Supplier<Summary> work) {
        return run(guard, limit, work);
    }

    /**
     * For work done in {@code rounds} successive rounds of LLM calls (a long article's passages, a batch per free
     * slot, then its digest): the deadline is one request deadline per round.
     */
    public Summary withinRounds(int rounds, Supplier<Summary> work) {
        Duration scaled = limit.multipliedBy(Math.max(1, rounds));
        Guard scaledGuard = Guard.create()
                .withDescription("request-deadline")
                .withTimeout().duration(scaled.toMillis(), ChronoUnit.MILLIS).done()
                .build();
        return run(scaledGuard, scaled, work);
    }

    private static Summary run(Guard guard, Duration limit, Supplier<Summary> work) {
        try {
            return guard.get(work, Summary.class);
        } catch (TimeoutException e) {
            throw new ProblemException(ProblemType.LLM_TIMEOUT, "The LLM provider did not produce an answer within "
                    + limit.toString().substring(2).toLowerCase() + " (SUMMARIZER_REQUEST_TIMEOUT), retries included."
                    + " Retrying later may help.");
        }
    }
}
