package dk.articlesummarizer.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.OpenAiStubs;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The benchmark's fake OpenAI provider, run as a process of its own (as a real provider would be): answers chat
 * completions like {@link FakeTranslator} after a delay, and counts calls, the time it held them and the prompt
 * characters it was sent. Controlled over HTTP: {@code POST /control/delay?ms=N}, {@code POST /control/reset},
 * {@code GET /control/stats}. A request with {@code "stream": true} is answered as OpenAI streams. Built on
 * Vert.x rather than WireMock, whose own request handling (milliseconds) would be counted as the service's
 * overhead on a miss.
 */
public final class BenchProvider {

    private static final long STREAM_EVENT_MILLIS = 15;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong heldNanos = new AtomicLong();
    private final AtomicLong promptChars = new AtomicLong();
    private volatile int delayMillis;

    public static void main(String[] args) throws Exception {
        BenchProvider provider = new BenchProvider();
        provider.vertx.createHttpServer().requestHandler(provider::handle).listen(Integer.parseInt(args[0]))
                .toCompletionStage().toCompletableFuture().get();
        System.out.println("bench provider listening on " + args[0]);
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.endsWith("/models")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"object\":\"list\",\"data\":[]}");
        } else if (path.equals("/control/delay")) {
            delayMillis = Integer.parseInt(request.getParam("ms"));
            request.response().end();
        } else if (path.equals("/control/reset")) {
            calls.set(0);
            heldNanos.set(0);
            promptChars.set(0);
            request.response().end();
        } else if (path.equals("/control/stats")) {
            request.response().putHeader("Content-Type", "application/json").end(String.format(
                    "{\"calls\":%d,\"heldMillis\":%.3f,\"promptChars\":%d}", calls.get(), heldNanos.get() / 1e6,
                    promptChars.get()));
        } else {
            request.body().onSuccess(body -> answer(request, body.toString()));
        }
    }

    private void answer(HttpServerRequest request, String body) {
        long received = System.nanoTime();
        calls.incrementAndGet();
        JsonNode chat = OpenAiStubs.read(body);
        long chars = chat.path("response_format").toString().length();
        for (JsonNode message : chat.path("messages")) {
            chars += message.path("content").asText().length();
        }
        promptChars.addAndGet(chars);
        String completion = FakeTranslator.completionFor(body);
        boolean stream = chat.path("stream").asBoolean();
        String answer = !stream ? completion : OpenAiStubs.streamedBody(OpenAiStubs.read(completion)
                .path("choices").path(0).path("message").path("content").asText(), 12, 100, 100);
        long remaining = delayMillis - (System.nanoTime() - received) / 1_000_000;
        Runnable respond = () -> {
            heldNanos.addAndGet(System.nanoTime() - received);
            if (stream) {
                dribble(request, answer.split("(?<=\n\n)"), 0);
            } else {
                request.response().putHeader("Content-Type", "application/json").end(answer);
            }
        };
        if (remaining >= 1) {
            vertx.setTimer(remaining, timer -> respond.run());
        } else {
            respond.run();
        }
    }

    /** A streamed answer one event at a time, as a model writes it, so that a caller sees it arrive. */
    private void dribble(HttpServerRequest request, String[] events, int next) {
        if (next == 0) {
            request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        }
        if (next == events.length) {
            request.response().end();
            return;
        }
        request.response().write(events[next]);
        vertx.setTimer(STREAM_EVENT_MILLIS, timer -> dribble(request, events, next + 1));
    }
}
