package dk.articlesummarizer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/** Against a real Vert.x HTTP server, fed by a socket that sends the body in pieces, as a slow client would. */
class WholeBodyTest {

    private static final byte[] BODY = ("{\"text\":\"Kommunen bruger 4,2 mio. kr. på cykelstier, oplyser"
            + " borgmester Jens Holm: \\\"Det er et løft.\\\"\"}").getBytes(StandardCharsets.UTF_8);

    private final CompletableFuture<byte[]> received = new CompletableFuture<>();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            request.pause(); // as Quarkus hands requests on
            int length = Integer.parseInt(request.getHeader("Content-Length"));
            WholeBody.read(request, length, body -> {
                received.complete(body);
                request.response().end();
            }, received::completeExceptionally);
        }).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void gathersABodySentInPiecesIntoOneArray() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(BODY.length));
            out.flush();
            for (int from = 0; from < BODY.length; from += 7) {
                out.write(Arrays.copyOfRange(BODY, from, Math.min(BODY.length, from + 7)));
                out.flush();
            }
            assertArrayEquals(BODY, received.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aConnectionClosedMidBodyFailsWithAnIOException() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(BODY.length));
            out.write(BODY, 0, BODY.length / 2);
            out.flush();
        }
        ExecutionException failed = assertThrows(ExecutionException.class, () -> received.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failed.getCause());
    }

    private static byte[] headers(int contentLength) {
        return ("POST /summarize HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
