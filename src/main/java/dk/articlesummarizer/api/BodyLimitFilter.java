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
import dk.articlesummarizer.summary.SummarizerConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses a body over the HTTP limit with problem+json, before Quarkus's own check (route order -2) answers with an
 * empty 413: at once when its Content-Length says so, and while reading for a chunked body. A chunked body is read
 * by Vert.x Web's {@link BodyHandler}, which counts what arrives and fails the route with 413 past the limit (Quarkus
 * REST then takes the body it read); without it Quarkus REST would answer the 413 itself from deep inside its body
 * reading, empty, and log an ERROR.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Runs before Quarkus's body limit route. */
    private static final int ROUTE_ORDER = -3;

    private final long articleBytes;
    private final long batchBytes;
    private final ObjectMapper json;

    public BodyLimitFilter(SummarizerConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper json) {
        this.batchBytes = maxBodySize.asLongValue();
        this.articleBytes = Math.min(batchBytes, BodyLimits.article(limits.maxTextChars(), limits.maxTitleChars()));
        this.json = json;
    }

    static String detail(long maxBodyBytes) {
        return "The request body is larger than " + maxBodyBytes + " bytes, the most this service accepts"
                + " (derived from SUMMARIZER_MAX_TEXT_CHARS; for a batch also SUMMARIZER_BATCH_MAX_ARTICLES).";
    }

    void install(@Observes Router router) {
        BodyHandler articleBody = BodyHandler.create(false).setBodyLimit(articleBytes).setPreallocateBodyBuffer(false);
        BodyHandler batchBody = BodyHandler.create(false).setBodyLimit(batchBytes).setPreallocateBodyBuffer(false);
        router.route().order(ROUTE_ORDER).handler(context -> {
            boolean batch = isBatch(context);
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared, batch ? batchBytes : articleBytes)) {
                refuse(context);
            } else if (declared == null && context.request().headers().contains("Transfer-Encoding")) {
                (batch ? batchBody : articleBody).handle(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == ProblemType.BODY_TOO_LARGE.status() && !context.response().headWritten()) {
                refuse(context);
            } else {
                context.next();
            }
        });
    }

    private static boolean isBatch(RoutingContext context) {
        return context.normalizedPath().startsWith("/summarize/batch");
    }

    private void refuse(RoutingContext context) {
        long limit = isBatch(context) ? batchBytes : articleBytes;
        String problemJson;
        try {
            problemJson = json.writeValueAsString(Problem.of(ProblemType.BODY_TOO_LARGE, detail(limit),
                    RequestIds.current()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record always serializes", e);
        }
        context.response()
                .setStatusCode(ProblemType.BODY_TOO_LARGE.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(problemJson);
    }

    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
