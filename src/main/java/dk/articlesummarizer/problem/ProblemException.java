package dk.articlesummarizer.problem;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

/**
 * An error that reaches the caller as problem+json. Its message is the problem's detail, written for the
 * caller: it never contains article text, prompts, completions or secrets, so it may be logged.
 */
public class ProblemException extends RuntimeException {

    private static final Logger LOG = Logger.getLogger(ProblemException.class);

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

    /**
     * A failure as its problem: a ProblemException as it is; anything else is a failure nobody foresaw, logged at
     * ERROR under a fresh error id that the detail names (the stack trace may hold fragments of the request, so it
     * stays at DEBUG).
     */
    public static ProblemException unexpected(Throwable failure) {
        if (failure instanceof ProblemException known) {
            return known;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Unexpected error %s; the stack trace is logged at DEBUG", errorId);
        LOG.debugf(failure, "Unexpected error %s", errorId);
        return new ProblemException(ProblemType.INTERNAL_ERROR,
                "The service failed unexpectedly (error id " + errorId + "). Retrying may help.");
    }

    public Problem toProblem(String requestId) {
        return Problem.of(type, getMessage(), requestId);
    }
}
