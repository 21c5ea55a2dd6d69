package dk.articlesummarizer.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Reads a request body into a byte array with one copy when its Content-Length is known. Quarkus REST's own
 * byte[] reader calls {@code InputStream.readAllBytes()}, which reads 16 kB chunks and then copies them into the
 * result: 82.6 kB allocated to read a 33 kB body, on every request, and a cache hit does little else
 * (docs/benchmarks.md). A body {@link BodyPrefetchFilter} has already read (most /summarize bodies) is taken as
 * it is; this reader's own read is for the bodies the filter leaves to Quarkus REST, such as those sent with
 * {@code Expect: 100-continue}. Without a usable Content-Length (chunked, HTTP/2) it reads like Quarkus.
 */
@Provider
public class KnownLengthBodyReader implements ServerMessageBodyReader<byte[]> {

    private final long maxBodyBytes;

    public KnownLengthBodyReader(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo lazyMethod,
            MediaType mediaType) {
        return type == byte[].class;
    }

    @Override
    public byte[] readFrom(Class<byte[]> type, Type genericType, MediaType mediaType, ServerRequestContext context)
            throws IOException {
        // Straight from the HTTP request: getRequestHeaders() would first copy every header into a JAX-RS map.
        String contentLength = context instanceof ResteasyReactiveRequestContext request
                ? request.serverRequest().getRequestHeader(HttpHeaders.CONTENT_LENGTH)
                : context.getRequestHeaders().getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return read(context.getInputStream(), contentLength);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == byte[].class;
    }

    @Override
    public byte[] readFrom(Class<byte[]> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return read(entityStream, httpHeaders.getFirst(HttpHeaders.CONTENT_LENGTH));
    }

    private byte[] read(InputStream in, String contentLength) throws IOException {
        if (in instanceof PrefetchedBody prefetched) {
            return prefetched.bytes();
        }
        long length = ContentLength.parse(contentLength);
        if (length < 0 || length > maxBodyBytes) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) length];
        if (in.readNBytes(body, 0, body.length) < body.length) {
            throw new EOFException("The request body ended before its Content-Length of " + length + " bytes.");
        }
        return body;
    }
}
