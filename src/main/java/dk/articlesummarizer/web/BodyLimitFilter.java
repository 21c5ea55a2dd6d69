package dk.articlesummarizer.web;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.common.Durations;
import dk.articlesummarizer.observability.RequestIds;
import dk.articlesummarizer.pipeline.SummarizerConfig;
import dk.articlesummarizer.problem.Problem;
import dk.articlesummarizer.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads every request body whole on the I/O thread before anything else sees it, with a size limit and a deadline:
 * a body over the limit gets a problem+json 413 (at once when its Content-Length says so), before Quarkus's own check
 * (route order -2) would answer an empty one; a body that has not arrived within {@code SUMMARIZER_BODY_TIMEOUT}
 * gets a problem+json 408 and its connection is closed. Vert.x Web's {@link BodyHandler} does the reading (Quarkus
 * REST then takes the body it read), so a slow upload holds no worker thread while it trickles in. A client that
 * leaves mid-upload is counted as abandoned (only such a client: a body answered 408 is counted as a timeout), not logged
 * as an error.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Runs before Quarkus's body limit route. */
    private static final int ROUTE_ORDER = -3;

    /** Runs once the body has been read (after Quarkus's own limit route, which has the same order). */
    private static final int AFTER_BODY_ORDER = -2;
    private static final String TIMER = BodyLimitFilter.class.getName() + ".timer";

    private final long articleBytes;
    private final long batchBytes;
    private final Duration bodyTimeout;
    private final ObjectMapper json;
    private final Counter abandoned;
    private final Counter timedOut;

    public BodyLimitFilter(SummarizerConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper json,
            MeterRegistry metrics) {
        this.batchBytes = maxBodySize.asLongValue();
        this.articleBytes = Math.min(batchBytes, BodyLimits.article(limits.maxTextChars(), limits.maxTitleChars()));
        this.bodyTimeout = limits.bodyTimeout();
        this.json = json;
        this.abandoned = metrics.counter("summarizer.requests.abandoned", "stage", "body");
        this.timedOut = metrics.counter("summarizer.requests.body.timeouts");
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
            } else if (hasBody(context, declared)) {
                long timer = context.vertx().setTimer(bodyTimeout.toMillis(), id -> tooSlow(context));
                context.put(TIMER, timer);
                (batch ? batchBody : articleBody).handle(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            stopTimer(context);
            if (context.response().ended()) {
                // Answered already (a 408 at the deadline): the connection closing now is ours, not the client's.
                return;
            }
            if (context.response().closed() || context.failure() instanceof HttpClosedException) {
                abandoned.increment(); // the client left mid-upload: nobody to answer
            } else if (context.statusCode() == ProblemType.BODY_TOO_LARGE.status()
                    && !context.response().headWritten()) {
                refuse(context);
            } else {
                context.next();
            }
        });
        router.route().order(AFTER_BODY_ORDER).handler(context -> {
            stopTimer(context);
            context.next();
        });
    }

    /**
     * An HTTP/1.x request with a body. HTTP/2 bodies are left to Quarkus REST, which reads them on the I/O thread
     * too but cannot take one already read (Vert.x refuses to pause an HTTP/2 request that has ended); HTTP/2's
     * own flow control and stream limits bound what a slow client holds.
     */
    private static boolean hasBody(RoutingContext context, String declared) {
        if (context.request().version() == HttpVersion.HTTP_2) {
            return false;
        }
        return declared != null ? !declared.strip().equals("0")
                : context.request().headers().contains("Transfer-Encoding");
    }

    private static void stopTimer(RoutingContext context) {
        Long timer = context.remove(TIMER);
        if (timer != null) {
            context.vertx().cancelTimer(timer);
        }
    }

    /** The body has not arrived in time: a 408, and the connection closed so that nothing more is read from it. */
    private void tooSlow(RoutingContext context) {
        context.remove(TIMER);
        if (context.response().headWritten()) {
            return;
        }
        timedOut.increment();
        send(context, ProblemType.BODY_TIMEOUT, "The request body did not arrive within "
                + Durations.human(bodyTimeout) + " (SUMMARIZER_BODY_TIMEOUT).");
        context.request().connection().close();
    }

    private static boolean isBatch(RoutingContext context) {
        return context.normalizedPath().startsWith("/summarize/batch");
    }

    private void refuse(RoutingContext context) {
        send(context, ProblemType.BODY_TOO_LARGE, detail(isBatch(context) ? batchBytes : articleBytes));
    }

    private void send(RoutingContext context, ProblemType type, String detail) {
        String problemJson;
        try {
            problemJson = json.writeValueAsString(Problem.of(type, detail, RequestIds.current()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record always serializes", e);
        }
        context.response()
                .setStatusCode(type.status())
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
