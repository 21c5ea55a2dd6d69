package dk.articlesummarizer.support;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake OpenAI-compatible provider over real HTTP on loopback that answers every chat completion with
 * {@link OpenAiStubs#sampleAnswer} after a delay, and counts what a provider would see: calls, calls in flight and
 * the most at once. Streams are sent event by event with the delay spread between them, as a model writes.
 */
public class CountingProvider implements QuarkusTestResourceLifecycleManager {

    /** The marker {@code Articles.uniqueDanish} appends to an article. */
    private static final Pattern MARKER = Pattern.compile("journalnummer ([^ .\\\\\"]+)\\.");

    private HttpServer server;
    private ExecutorService threads;
    private final Calls calls = new Calls();

    /** What the provider has seen; tests set the delay. */
    public static final class Calls {

        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostInFlight = new AtomicInteger();
        private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
        private volatile Duration delay = Duration.ofMillis(200);

        public void reset(Duration delay) {
            this.delay = delay;
            started.set(0);
            mostInFlight.set(inFlight.get());
            startedAt.clear();
        }

        public int started() {
            return started.get();
        }

        public int inFlight() {
            return inFlight.get();
        }

        public int mostInFlight() {
            return mostInFlight.get();
        }

        /** When ({@link System#nanoTime}) the call for the article with this journal-number marker started. */
        public Optional<Long> startOf(String marker) {
            return Optional.ofNullable(startedAt.get(marker));
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new IllegalStateException("No loopback port for the fake provider", e);
        }
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return Map.of("llm.base-url", base, "llm.api-key", FakeOpenAi.API_KEY, "llm.model", FakeOpenAi.MODEL);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.started.incrementAndGet();
        Matcher marker = MARKER.matcher(request);
        if (marker.find()) {
            calls.startedAt.putIfAbsent(marker.group(1), System.nanoTime());
        }
        calls.mostInFlight.accumulateAndGet(calls.inFlight.incrementAndGet(), Math::max);
        try {
            OpenAiStubs.FakeAnswer answer = OpenAiStubs.sampleAnswer("the counted call");
            if (request.replace(" ", "").contains("\"stream\":true")) {
                stream(exchange, OpenAiStubs.streamedBody(answer.asJson(), 40, 321, 123));
            } else {
                pause(calls.delay);
                send(exchange, "application/json", OpenAiStubs.completionJson(answer.asJson(), "stop", 321, 123)
                        .getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            calls.inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private void stream(HttpExchange exchange, String body) throws IOException {
        String[] events = body.split("(?<=\n\n)");
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        long pause = calls.delay.toMillis() / events.length;
        try (OutputStream out = exchange.getResponseBody()) {
            for (String event : events) {
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                pause(Duration.ofMillis(pause));
            }
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(calls, new TestInjector.AnnotatedAndMatchesType(Inject.class, Calls.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }
}
