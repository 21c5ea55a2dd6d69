package dk.articlesummarizer.llm;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.WebApplicationException;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.service.output.OutputParsingException;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/**
 * Turns whatever the LLM client threw into a problem the caller can act on. Provider messages are never
 * copied into the detail: they can echo the prompt.
 */
final class ProviderFailures {

    private final String endpoint;
    private final String timeout;

    ProviderFailures(LlmConfig config) {
        this.endpoint = withoutUserInfo(config.baseUrl());
        this.timeout = config.timeout().toString().substring(2).toLowerCase();
    }

    String endpoint() {
        return endpoint;
    }

    ProblemException toProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            ProblemException problem = fromCause(cause);
            if (problem != null) {
                return problem;
            }
        }
        return new ProblemException(ProblemType.LLM_FAILED,
                "The LLM provider at " + endpoint + " failed. Retrying later may help.", null, failure);
    }

    private ProblemException fromCause(Throwable cause) {
        if (cause instanceof ProblemException problem) {
            return problem;
        }
        if (isTimeout(cause)) {
            return new ProblemException(ProblemType.LLM_TIMEOUT, "The LLM provider at " + endpoint
                    + " did not answer within " + timeout + " (LLM_TIMEOUT). Retrying later may help.", null, cause);
        }
        if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
            return new ProblemException(ProblemType.LLM_UNREACHABLE, "Cannot connect to the LLM provider at "
                    + endpoint + ". Check that it runs, or point LLM_BASE_URL at a reachable OpenAI-compatible API.",
                    null, cause);
        }
        if (cause instanceof OutputParsingException) {
            return unusableAnswer(cause);
        }
        int status = httpStatus(cause);
        if (status == 401 || status == 403 || cause instanceof AuthenticationException) {
            return new ProblemException(ProblemType.LLM_CREDENTIALS_REJECTED, "The LLM provider at " + endpoint
                    + " rejected this service's credentials; the operator must fix LLM_API_KEY.", null, cause);
        }
        if (status == 429 || cause instanceof RateLimitException) {
            return new ProblemException(ProblemType.LLM_RATE_LIMITED, "The LLM provider at " + endpoint
                    + " is rate limiting this service. Retry later.", null, cause);
        }
        if (status == 404) {
            return new ProblemException(ProblemType.LLM_FAILED, "The LLM provider at " + endpoint
                    + " does not know the configured model or API path; check LLM_MODEL and LLM_BASE_URL.", null,
                    cause);
        }
        if (status > 0) {
            return new ProblemException(ProblemType.LLM_FAILED, "The LLM provider at " + endpoint
                    + " answered HTTP " + status + ". Retrying later may help.", null, cause);
        }
        return null;
    }

    ProblemException unusableAnswer(Throwable cause) {
        return new ProblemException(ProblemType.LLM_UNUSABLE_ANSWER, "The LLM at " + endpoint
                + " answered with something that is not the requested JSON. Retrying may help.", null, cause);
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException
                || cause instanceof dev.langchain4j.exception.TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout");
    }

    private static int httpStatus(Throwable cause) {
        if (cause instanceof WebApplicationException web && web.getResponse() != null) {
            return web.getResponse().getStatus();
        }
        if (cause instanceof HttpException http) {
            return http.statusCode();
        }
        return -1;
    }

    private static String withoutUserInfo(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getUserInfo() == null ? url
                    : new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (Exception e) {
            return "the configured LLM_BASE_URL";
        }
    }
}
