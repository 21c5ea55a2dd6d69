package dk.articlesummarizer.problem;

import java.time.Duration;
import java.util.Optional;

/**
 * An error that reaches the caller as problem+json. Its message is the problem's detail, written for the
 * caller: it never contains article text, prompts, completions or secrets, so it may be logged.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    public ProblemException(ProblemType type, String detail, Duration retryAfter, Throwable cause) {
        // No stack trace: these are expected outcomes, thrown often, and their trace helps nobody.
        super(detail, cause, false, false);
        this.type = type;
        this.retryAfter = retryAfter;
    }

    public ProblemType type() {
        return type;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Problem toProblem() {
        return Problem.of(type, getMessage());
    }
}
