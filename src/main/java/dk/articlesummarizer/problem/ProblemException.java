package dk.articlesummarizer.problem;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An error that reaches the caller as problem+json. Its message is the problem's detail, written for the
 * caller: it never contains article text, prompts, completions or secrets, so it may be logged.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Duration retryAfter;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    public ProblemException(ProblemType type, String detail, Duration retryAfter, Throwable cause) {
        this(type, detail, retryAfter, cause, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Duration retryAfter, Throwable cause,
            Map<String, String> headers) {
        // No stack trace: these are expected outcomes, thrown often, and their trace helps nobody.
        super(detail, cause, false, false);
        this.type = type;
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    /** Further response headers, e.g. WWW-Authenticate or RateLimit-*. */
    public Map<String, String> headers() {
        return headers;
    }

    public ProblemType type() {
        return type;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Problem toProblem(String requestId) {
        return Problem.of(type, getMessage(), requestId);
    }
}
