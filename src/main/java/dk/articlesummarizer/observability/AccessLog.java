package dk.articlesummarizer.observability;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One line per API request at INFO: method, path, status, duration and cache status (the request id is in every
 * line's context), so that a caller's {@code X-Request-Id} finds its request. Never the body, the query or a header
 * value. Refusals (no key, rate limit, a busy or paused LLM, a full job queue) and health and metrics scrapes are
 * logged at DEBUG only, so that abuse and probes do not flood the log; metrics count them. Written here because
 * Quarkus's access log ({@code quarkus.http.access-log}) logs every request at one level.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class);
    /** Right after the request id is assigned, so that every request is seen, refused ones included. */
    private static final int ROUTE_ORDER = -9;
    private static final Set<Integer> REFUSALS = Set.of(401, 429, 503);

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::watch);
    }

    private void watch(RoutingContext context) {
        long started = System.nanoTime();
        String requestId = RequestIds.current();
        context.addEndHandler(ended -> log(context, started, requestId));
        context.next();
    }

    private static void log(RoutingContext context, long started, String requestId) {
        int status = context.response().getStatusCode();
        String path = context.normalizedPath();
        boolean quiet = REFUSALS.contains(status) || path.startsWith("/q/") || !path.startsWith("/summarize")
                && !path.startsWith("/jobs");
        Logger.Level level = quiet ? Logger.Level.DEBUG : Logger.Level.INFO;
        if (!LOG.isEnabled(level)) {
            return;
        }
        String cache = context.response().headers().get("X-Cache");
        // Concatenated rather than formatted: a printf format costs more than the rest of a cache hit's line.
        double millis = Math.round((System.nanoTime() - started) / 1e5) / 10.0;
        LOG.log(level, context.request().method().name() + " " + path + " " + status + " " + millis + " ms"
                + (cache == null ? "" : " cache=" + cache) + " [" + requestId + "]");
    }
}
