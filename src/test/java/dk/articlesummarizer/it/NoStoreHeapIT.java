package dk.articlesummarizer.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.PackagedService;
import dk.articlesummarizer.support.ServerSentEvents;

/**
 * A no-store article leaves no trace in memory, whichever way it comes and whatever comes with it: sent as the
 * first request after the packaged service started, alone or while another request is in flight, a heap dump
 * (live objects only, taken again for a few seconds until the request's last work has settled) holds no copy of
 * its marker, which the article, the prompt and the model's answer all carry, in any of the encodings a Java heap
 * keeps text in. A dump does hold the marker of the ordinary article answered at the same time (in its cached
 * answer), which shows that the search finds one.
 * <p>
 * The first request matters: a worker thread keeps the task that made the pool start it for as long as it lives
 * (jboss-threads), so the pool is filled at start (application.properties).
 */
class NoStoreHeapIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than a settled request needs, shorter than the 30 s after which an idle worker thread ends. */
    private static final Duration SETTLED = Duration.ofSeconds(12);

    /** The ways an article comes in. */
    enum Way {
        PLAIN, JSON, BATCH, JOB, STREAM
    }

    private WireMockServer provider;
    private Path dump;
    /** Shared by every no-store marker of one test, so that one search finds any of them. */
    private String noStore;

    @BeforeEach
    void startTheProvider() {
        provider = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeTranslator()));
        provider.start();
        provider.stubFor(OpenAiStubs.chatCompletion().atPriority(5)
                .willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
        noStore = "nostoreQZ" + System.nanoTime() + "x";
        dump = Path.of("target/no-store-" + noStore + ".hprof").toAbsolutePath();
    }

    @AfterEach
    void stopTheProvider() throws Exception {
        provider.stop();
        Files.deleteIfExists(dump);
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void aNoStoreArticleSentFirstAndAloneLeavesNoTrace(Way way) throws Exception {
        String marker = marker(way);
        try (PackagedService packaged = new PackagedService(18_460 + way.ordinal(), provider.baseUrl(),
                Path.of("target/no-store-heap-" + way + ".log"), Map.of())) {
            send(packaged.base(), way, marker, true);

            assertNoTraceSettles(packaged);
        }
    }

    @Test
    void noStoreArticlesSentFirstWithAnotherRequestInFlightLeaveNoTrace() throws Exception {
        String cached = "cachedmarkerQX" + System.nanoTime();
        answerWith(cached);
        // The ordinary request is still in flight while every no-store one is answered.
        provider.stubFor(OpenAiStubs.chatCompletion().atPriority(1).withRequestBody(WireMock.containing(cached))
                .withRequestBody(WireMock.containing("<<<ARTICLE"))
                .willReturn(OpenAiStubs.answering(OpenAiStubs.sampleAnswer(cached)).withFixedDelay(12_000)));
        ExecutorService clients = Executors.newCachedThreadPool();
        try (PackagedService packaged = new PackagedService(18_466, provider.baseUrl(),
                Path.of("target/no-store-heap-concurrent.log"), Map.of())) {
            String base = packaged.base();
            List<CompletableFuture<Void>> noStores = new ArrayList<>();
            for (Way way : Way.values()) {
                String marker = marker(way);
                noStores.add(CompletableFuture.runAsync(() -> send(base, way, marker, true), clients));
            }
            CompletableFuture<Void> ordinary = CompletableFuture.runAsync(() -> send(base, Way.JSON, cached, false),
                    clients);
            CompletableFuture.allOf(noStores.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertFalse(ordinary.isDone(), "the ordinary request was in flight all along");
            ordinary.get(60, TimeUnit.SECONDS);

            assertTrue(contains(heapDump(packaged), cached), "the dump finds a cached article's marker");
            assertNoTraceSettles(packaged);
        } finally {
            clients.shutdownNow();
        }
    }

    private String marker(Way way) {
        String marker = noStore + way.name().toLowerCase();
        answerWith(marker);
        return marker;
    }

    /** The model's answers carry the marker, as a translation carries an article's names and numbers. */
    private void answerWith(String marker) {
        provider.stubFor(OpenAiStubs.chatCompletion().atPriority(2).withRequestBody(WireMock.containing(marker))
                .withRequestBody(WireMock.containing("<<<ARTICLE"))
                .willReturn(OpenAiStubs.answering(OpenAiStubs.sampleAnswer(marker))));
        provider.stubFor(OpenAiStubs.chatCompletion().atPriority(1).withRequestBody(WireMock.containing(marker))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(OpenAiStubs.streamed(OpenAiStubs.sampleAnswer(marker).asJson(), 40, 321, 123)));
    }

    private void assertNoTraceSettles(PackagedService packaged) {
        // Once the answered request's last work has settled (a second or two on a loaded machine), for good.
        await().atMost(SETTLED).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertFalse(contains(heapDump(packaged), noStore),
                        "no trace of a no-store article (" + noStore + ")"));
    }

    /** Sends the article one way and checks its answer (a job: until its outcome has been read). */
    private static void send(String base, Way way, String marker, boolean noStore) {
        try {
            String article = Articles.uniqueDanish(Articles.SHORT_DANISH, marker);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/summarize"));
            String body = JSON.writeValueAsString(Map.of("text", article));
            switch (way) {
                case PLAIN -> body = article;
                case BATCH -> {
                    request.uri(URI.create(base + "/summarize/batch"));
                    body = JSON.writeValueAsString(Map.of("articles", List.of(Map.of("text", article))));
                }
                case JOB -> request.header("Prefer", "respond-async");
                case STREAM -> request.header("Accept", "text/event-stream");
                default -> {
                }
            }
            request.header("Content-Type", way == Way.PLAIN ? "text/plain; charset=UTF-8" : "application/json");
            if (noStore) {
                request.header("Cache-Control", "no-store");
            }
            HttpResponse<String> answer = HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            switch (way) {
                case BATCH -> assertEquals(200, JSON.readTree(answer.body()).path("results").path(0).path("status")
                        .asInt(), answer.body());
                case JOB -> assertJobDone(base, answer);
                case STREAM -> {
                    List<ServerSentEvents.Event> events = ServerSentEvents.parse(answer.body());
                    assertEquals("answer", events.get(events.size() - 1).name(), answer.body());
                }
                default -> assertEquals(200, answer.statusCode(), answer.body());
            }
        } catch (Exception e) {
            throw new AssertionError(way + ": " + e, e);
        }
    }

    private static void assertJobDone(String base, HttpResponse<String> accepted) throws Exception {
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = JSON.readTree(accepted.body()).path("id").asText();
        JsonNode job = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + id)).build(),
                        HttpResponse.BodyHandlers.ofString()).body()), read -> !"running".equals(read.path("status")
                                .asText()));
        assertEquals("done", job.path("status").asText(), job.toString());
    }

    /** A heap dump of the service's live objects (jcmd runs a full collection first). */
    private byte[] heapDump(PackagedService packaged) throws Exception {
        Files.deleteIfExists(dump);
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(packaged.process().pid()), "GC.heap_dump", dump.toString()).redirectErrorStream(true)
                .start();
        String said = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS) && Files.size(dump) > 0, said);
        return Files.readAllBytes(dump);
    }

    /** The text as Latin-1 bytes (compact strings, byte buffers) or UTF-16 (char arrays, big-endian in a dump). */
    private static boolean contains(byte[] heap, String text) {
        return indexOf(heap, text.getBytes(StandardCharsets.ISO_8859_1)) >= 0
                || indexOf(heap, text.getBytes(StandardCharsets.UTF_16BE)) >= 0
                || indexOf(heap, text.getBytes(StandardCharsets.UTF_16LE)) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
