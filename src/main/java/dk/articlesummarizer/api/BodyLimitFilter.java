package dk.articlesummarizer.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.observability.RequestIds;
import dk.articlesummarizer.problem.Problem;
import dk.articlesummarizer.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body whose declared Content-Length is over the limit with problem+json, before Quarkus's own check
 * (route order -2) answers with an empty 413. Chunked bodies are cut off while reading and reach the
 * exception mappers as a 413.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Runs before Quarkus's body limit route. */
    private static final int ROUTE_ORDER = -3;

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    static String detail(long maxBodyBytes) {
        return "The request body is larger than " + maxBodyBytes + " bytes, the most this service accepts"
                + " (derived from SUMMARIZER_MAX_TEXT_CHARS).";
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::refuseDeclaredOversizedBody);
    }

    private void refuseDeclaredOversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOver(declared)) {
            String problemJson;
            try {
                problemJson = json.writeValueAsString(Problem.of(ProblemType.BODY_TOO_LARGE, detail(maxBodyBytes),
                        RequestIds.current()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A problem record always serializes", e);
            }
            context.response()
                    .setStatusCode(ProblemType.BODY_TOO_LARGE.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(problemJson);
            return;
        }
        context.next();
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
