package dk.articlesummarizer.access;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;

/**
 * Guards the API (JAX-RS resources only: health, metrics and OpenAPI stay open): an API key when keys are
 * configured, then the per-client rate limit. Cache hits count like any request.
 */
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    static final String DECISION = AccessFilter.class.getName() + ".decision";
    static final String CLIENT = AccessFilter.class.getName() + ".client";
    private static final String CALLER = AccessFilter.class.getName() + ".caller";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final RateLimiter limiter;

    public AccessFilter(ApiKeys keys, RateLimiter limiter) {
        this.keys = keys;
        this.limiter = limiter;
    }

    /**
     * Runs on the I/O thread for the API's non-blocking operations; a rate limit counted in Redis (a blocking call)
     * is then counted on a worker.
     */
    @ServerRequestFilter
    public Uni<Void> check(ContainerRequestContext request, HttpServerRequest connection) {
        String client = "address " + connection.remoteAddress().hostAddress();
        if (keys.enabled()) {
            Optional<String> caller = keys.authenticate(presentedKey(request));
            if (caller.isEmpty()) {
                LOG.debug("Refused a request without a valid API key");
                throw new ProblemException(ProblemType.UNAUTHORIZED, "Send a valid API key as 'Authorization: Bearer"
                        + " <key>' or 'X-API-Key: <key>'.", null, null,
                        Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"article-summarizer\""));
            }
            MDC.put("caller", caller.get());
            request.setProperty(CALLER, caller.get());
            client = "key " + caller.get();
        }
        // The limit counts articles: polling a job or asking OPTIONS sends none.
        if (limiter.enabled() && "POST".equals(request.getMethod())) {
            request.setProperty(CLIENT, client);
            String counted = client;
            if (limiter.shared() && Context.isOnEventLoopThread()) {
                return Uni.createFrom().item(() -> limiter.tryAcquire(counted))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(decision -> enforce(request, decision))
                        .replaceWithVoid();
            }
            enforce(request, limiter.tryAcquire(client));
        }
        return Uni.createFrom().voidItem();
    }

    /** The caller id of the request's API key (a hash), or "" when API keys are off. */
    public static String caller(ContainerRequestContext request) {
        return request.getProperty(CALLER) instanceof String caller ? caller : "";
    }

    /** Records the decision for the response headers, and refuses the request if it is over the limit. */
    static void enforce(ContainerRequestContext request, RateLimiter.Decision decision) {
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "More than " + decision.limit()
                    + " articles in a minute. Retry after the indicated delay.",
                    java.time.Duration.ofSeconds(decision.resetSeconds()), null, headers(decision));
        }
    }

    @ServerResponseFilter
    public void report(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision && decision.allowed()) {
            headers(decision).forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    /** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers). */
    private static Map<String, String> headers(RateLimiter.Decision decision) {
        return Map.of("RateLimit-Limit", String.valueOf(decision.limit()),
                "RateLimit-Remaining", String.valueOf(decision.remaining()),
                "RateLimit-Reset", String.valueOf(decision.resetSeconds()));
    }

    private static String presentedKey(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        String apiKey = request.getHeaderString("X-API-Key");
        return apiKey == null ? null : apiKey.strip();
    }
}
