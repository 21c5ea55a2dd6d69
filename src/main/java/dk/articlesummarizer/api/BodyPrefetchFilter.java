package dk.articlesummarizer.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Reads a request body with a known Content-Length straight from Vert.x into one array of that size, and hands
 * it to Quarkus REST as the entity stream. Quarkus REST's input handler would copy every chunk out of its Vert.x
 * buffer, gather the copies into another array and hand that over as a stream for the body reader to copy once
 * more: three copies of the body per request, and on a cache hit of a long article reading the body is most of
 * the work (docs/benchmarks.md). Runs after the access checks, so a refused request is not read. Bodies without
 * a usable length (chunked, HTTP/2, where the length is only advisory), over the limit, or waiting for a
 * 100-continue are left to Quarkus REST.
 */
public class BodyPrefetchFilter {

    private final long maxBodyBytes;

    public BodyPrefetchFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    @PrefetchBody
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Uni<Void> prefetch(ContainerRequestContext request, HttpServerRequest http) {
        int length = prefetchableLength(http);
        if (length < 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> WholeBody.read(http, length, body -> {
            request.setEntityStream(new PrefetchedBody(body));
            emitter.complete(null);
        }, emitter::fail));
    }

    private int prefetchableLength(HttpServerRequest http) {
        if (http.version() == HttpVersion.HTTP_2 || http.isEnded() || http.headers().contains(HttpHeaders.EXPECT)) {
            return -1;
        }
        long length = ContentLength.parse(http.getHeader(HttpHeaders.CONTENT_LENGTH));
        return length > maxBodyBytes ? -1 : (int) length;
    }
}
