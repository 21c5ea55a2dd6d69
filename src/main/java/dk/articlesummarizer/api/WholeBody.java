package dk.articlesummarizer.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Collects an HTTP/1.1 request body of a declared length and copies it once into an array of that length when it
 * has all arrived (Vert.x's own {@code body()} appends the chunks to a buffer that grows by copying, and
 * {@code getBytes()} copies that again). The chunks are kept until then rather than copied into an array
 * allocated up front, so a client that declares a large body and sends little of it holds no more memory than it
 * has sent. The HTTP/1.1 decoder ends a body with a Content-Length after exactly that many bytes, and a
 * connection that closes before then fails the request instead of ending it.
 */
final class WholeBody {

    private final int length;
    private final List<Buffer> chunks = new ArrayList<>();

    private WholeBody(int length) {
        this.length = length;
    }

    static void read(HttpServerRequest http, int length, Handler<byte[]> onBody, Handler<IOException> onFailure) {
        WholeBody whole = new WholeBody(length);
        http.handler(whole.chunks::add)
                .exceptionHandler(cause -> onFailure.handle(new IOException("The request body could not be read",
                        cause)))
                .endHandler(ended -> onBody.handle(whole.join()));
        http.resume();
    }

    private byte[] join() {
        byte[] body = new byte[length];
        int filled = 0;
        for (Buffer chunk : chunks) {
            chunk.getBytes(0, chunk.length(), body, filled);
            filled += chunk.length();
        }
        return body;
    }
}
