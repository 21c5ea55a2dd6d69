package dk.articlesummarizer.llm;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dk.articlesummarizer.common.Durations;
import dk.articlesummarizer.llm.ProviderFault.Kind;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/**
 * Classifies what the LLM client threw, and turns what is left after retries into a problem the caller can act
 * on: which model of the chain failed, and whether and when to retry. Provider messages are never copied into a
 * detail (they can echo the prompt), nor is the provider's URL (it names the network behind the service); operators
 * find the URL in the log: the WARN line of the same request id, and the start-up line.
 */
public final class ProviderFailures {

    /** Said when a 503 has no better estimate: long enough for a queue or a rate window to drain a little. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    /** The model as callers know it: {@code gpt-4o-mini (primary)}. */
    private final String model;
    private final String settings;
    private final Duration timeout;
    private final int attempts;
    private final Duration breakerDelay;

    /** @param settings the prefix of the model's environment variables, named in details */
    ProviderFailures(String model, String label, String settings, Duration timeout, int attempts,
            Duration breakerDelay) {
        this.model = model + " (" + label + ")";
        this.settings = settings;
        this.timeout = timeout;
        this.attempts = attempts;
        this.breakerDelay = breakerDelay;
    }

    ProviderFault classify(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return new ProviderFault(Kind.ABANDONED, failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderFault fault) {
                return fault;
            }
            Kind kind = kindOf(cause);
            if (kind != null) {
                return new ProviderFault(kind, httpStatus(cause), null, cause);
            }
        }
        return new ProviderFault(Kind.SERVER_ERROR, failure);
    }

    /** What one cause of a failure says about it, if anything. */
    private static Kind kindOf(Throwable cause) {
        int status = httpStatus(cause);
        if (cause instanceof InterruptedException || cause instanceof CancellationException) {
            return Kind.ABANDONED;
        }
        if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof SocketTimeoutException
                || cause instanceof dev.langchain4j.exception.TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout")) {
            return Kind.TIMEOUT;
        }
        if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
            return Kind.UNREACHABLE;
        }
        if (status == 401 || status == 403 || cause instanceof AuthenticationException) {
            return Kind.CREDENTIALS_REJECTED;
        }
        if (status == 429 || cause instanceof RateLimitException) {
            return Kind.RATE_LIMITED;
        }
        if (status >= 500) {
            return Kind.SERVER_ERROR;
        }
        return status >= 400 ? Kind.REQUEST_REJECTED : null;
    }

    /** The problem for a failure that survived the whole policy (retries, breaker, deadline). */
    ProblemException toProblem(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new ProblemException(ProblemType.LLM_CIRCUIT_OPEN, "Calls to the LLM " + model + " are paused"
                    + " after repeated failures. Retry after the indicated delay.", breakerDelay, null);
        }
        ProviderFault fault = classify(failure);
        return switch (fault.kind()) {
            case ABANDONED -> new ProblemException(ProblemType.LLM_TIMEOUT, "The request's deadline passed before"
                    + " the LLM " + model + " answered (SUMMARIZER_REQUEST_TIMEOUT). Retrying later may help.");
            case TIMEOUT -> new ProblemException(ProblemType.LLM_TIMEOUT, "The LLM " + model + " did not answer"
                    + " within " + Durations.human(timeout) + " (" + settings + "TIMEOUT) in " + attempts
                    + " attempt(s). Retrying later may help.");
            case UNREACHABLE -> new ProblemException(ProblemType.LLM_UNREACHABLE, "The service cannot connect to"
                    + " its LLM " + model + ". Retry after the indicated delay; if this lasts, the operator must"
                    + " check that the provider runs and that " + settings + "BASE_URL points at it.",
                    DEFAULT_RETRY_AFTER, null);
            case SERVER_ERROR -> new ProblemException(ProblemType.LLM_FAILED, "The LLM " + model
                    + (fault.httpStatus() > 0 ? " answered HTTP " + fault.httpStatus() : " dropped the connection")
                    + " in " + attempts + " attempt(s). Retrying later may help.");
            case RATE_LIMITED -> new ProblemException(ProblemType.LLM_RATE_LIMITED, "The provider of the LLM "
                    + model + " is rate limiting this service. Retry after the indicated delay.",
                    fault.retryAfter().orElse(DEFAULT_RETRY_AFTER), null);
            case CREDENTIALS_REJECTED -> new ProblemException(ProblemType.LLM_CREDENTIALS_REJECTED, "The provider"
                    + " of the LLM " + model + " rejected this service's credentials. Retrying will not help until"
                    + " the operator fixes " + settings + "API_KEY.");
            case REQUEST_REJECTED -> new ProblemException(ProblemType.LLM_FAILED, "The provider of the LLM " + model
                    + " refused the request (HTTP " + fault.httpStatus() + "). Retrying will not help until the"
                    + " operator checks " + settings + "MODEL and " + settings + "BASE_URL.");
            case UNUSABLE_ANSWER -> new ProblemException(ProblemType.LLM_UNUSABLE_ANSWER, "The LLM " + model
                    + " did not produce a usable translation and summary, even when asked again. Retrying may"
                    + " help.");
        };
    }

    static int httpStatus(Throwable cause) {
        if (cause instanceof WebApplicationException web && web.getResponse() != null) {
            return web.getResponse().getStatus();
        }
        if (cause instanceof HttpException http) {
            return http.statusCode();
        }
        return -1;
    }
}
