package dk.articlesummarizer.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dk.articlesummarizer.support.FakeTranslator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The benchmark's fake OpenAI provider: answers chat completions like {@link FakeTranslator} after a fixed delay
 * and records how long it held each request, from the whole request read to the answer handed to the socket.
 * Built on Vert.x rather than WireMock because WireMock's own request handling (milliseconds, and outside its
 * recorded timing) would be counted as the service's overhead on a miss.
 */
final class BenchProvider implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpServer server;
    private final AtomicInteger chatCalls = new AtomicInteger();
    private final AtomicInteger answeredCalls = new AtomicInteger();
    private final AtomicLong heldNanos = new AtomicLong();
    private volatile int delayMillis;
    private volatile long lastReceivedNanos;
    private volatile long lastAnsweredNanos;

    BenchProvider(int port) throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(port).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    void delay(int millis) {
        delayMillis = millis;
    }

    /** Starts a new count of calls and held time. */
    void reset() {
        chatCalls.set(0);
        answeredCalls.set(0);
        heldNanos.set(0);
    }

    int chatCalls() {
        return chatCalls.get();
    }

    /** When the provider had read the last request whole ({@link System#nanoTime}, shared by processes here). */
    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /** When the provider handed its last answer to the socket. */
    long lastAnsweredNanos() {
        return lastAnsweredNanos;
    }

    /** Time the provider held the calls since the last reset, once every answer is written. */
    double heldMillis() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (answeredCalls.get() < chatCalls.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the provider did not finish writing its answers");
            }
            Thread.onSpinWait();
        }
        return heldNanos.get() / 1e6;
    }

    private void handle(HttpServerRequest request) {
        if (request.path().endsWith("/models")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"data\":[]}");
            return;
        }
        request.body().onSuccess(body -> {
            long received = System.nanoTime();
            lastReceivedNanos = received;
            chatCalls.incrementAndGet();
            // Computed on the event loop (a fraction of a millisecond): one thread hand-off less in every timing.
            String answer = FakeTranslator.completionFor(body.toString());
            long remaining = delayMillis - (System.nanoTime() - received) / 1_000_000;
            Runnable respond = () -> {
                // Timed as the answer is handed to the socket, not when the write completes: a pause of this JVM
                // before that callback ran (5 ms once, after the client already had the answer) counted as
                // provider time and hid that much of the service's.
                long answered = System.nanoTime();
                lastAnsweredNanos = answered;
                heldNanos.addAndGet(answered - received);
                request.response().putHeader("Content-Type", "application/json").end(answer)
                        .onComplete(done -> answeredCalls.incrementAndGet());
            };
            if (remaining >= 1) {
                vertx.setTimer(remaining, timer -> respond.run());
            } else {
                respond.run();
            }
        });
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
