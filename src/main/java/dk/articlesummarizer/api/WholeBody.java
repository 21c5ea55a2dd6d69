package dk.articlesummarizer.api;

import java.io.IOException;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Collects an HTTP/1.1 request body of a declared length into one array, copying each chunk once. The HTTP/1.1
 * decoder ends a body with a Content-Length after exactly that many bytes, and a connection that closes before
 * then fails the request instead of ending it.
 */
final class WholeBody implements Handler<Buffer> {

    private final byte[] body;
    private final UniEmitter<? super byte[]> emitter;
    private int filled;

    private WholeBody(int length, UniEmitter<? super byte[]> emitter) {
        this.body = new byte[length];
        this.emitter = emitter;
    }

    static Uni<byte[]> read(HttpServerRequest http, int length) {
        return Uni.createFrom().emitter(emitter -> {
            WholeBody whole = new WholeBody(length, emitter);
            http.handler(whole)
                    .exceptionHandler(whole::fail)
                    .endHandler(ended -> emitter.complete(whole.body));
            http.resume();
        });
    }

    @Override
    public void handle(Buffer chunk) {
        chunk.getBytes(0, chunk.length(), body, filled);
        filled += chunk.length();
    }

    private void fail(Throwable cause) {
        // An IOException reaches the mapper for unreadable bodies (400, logged at DEBUG).
        emitter.fail(new IOException("The request body could not be read", cause));
    }
}
