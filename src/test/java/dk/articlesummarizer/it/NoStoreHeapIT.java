package dk.articlesummarizer.it;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.PackagedService;

/**
 * A no-store article leaves no trace in memory: after a {@code Cache-Control: no-store} request and three ordinary
 * ones, a heap dump of the packaged service (live objects only, taken again for a few seconds until the request's
 * last work has settled) holds no copy of the article's marker, which the article, the prompt and the model's
 * answer all carry, in any of the encodings a Java heap keeps text in; a dump does hold the marker of a cached
 * article (in its cached answer), which shows that the search finds one.
 */
class NoStoreHeapIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aNoStoreArticleIsNotInAHeapDumpWhileACachedOneIs() throws Exception {
        WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeTranslator()));
        provider.start();
        provider.stubFor(OpenAiStubs.chatCompletion().atPriority(5)
                .willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
        String cachedMarker = "cachedmarkerQX" + System.nanoTime();
        String noStoreMarker = "nostoremarkerZV" + System.nanoTime();
        // The model's answers carry the markers, as a translation carries an article's names and numbers. (An update
        // of the cached article, which the ordinary ones are, shows its marker in the previous bullets: the fake
        // translator answers those.)
        for (String marker : new String[] { cachedMarker, noStoreMarker }) {
            provider.stubFor(OpenAiStubs.chatCompletion().atPriority(1)
                    .withRequestBody(WireMock.containing(marker)).withRequestBody(WireMock.containing("<<<ARTICLE"))
                    .willReturn(OpenAiStubs.answering(OpenAiStubs.sampleAnswer(marker))));
        }
        Path dump = Path.of("target/no-store.hprof").toAbsolutePath();
        try (PackagedService packaged = new PackagedService(18_382, provider.baseUrl(),
                Path.of("target/no-store-heap.log"), Map.of())) {
            String base = packaged.base();
            assertEquals(200, summarize(base, cachedMarker, null));
            assertEquals(200, summarize(base, noStoreMarker, "no-store"));
            for (int i = 0; i < 3; i++) {
                assertEquals(200, summarize(base, "ordinarymarker" + i + "x" + System.nanoTime(), null));
            }

            assertTrue(contains(heapDump(packaged, dump), cachedMarker), "the dump finds a cached article's marker");
            // Once the answered request's last work has settled (a second or two on a loaded machine), for good.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> !contains(heapDump(packaged, dump), noStoreMarker));
            assertFalse(contains(heapDump(packaged, dump), noStoreMarker), "no trace of the no-store article");
        } finally {
            provider.stop();
            Files.deleteIfExists(dump);
        }
    }

    /** A heap dump of the service's live objects (jcmd runs a full collection first). */
    private static byte[] heapDump(PackagedService packaged, Path dump) throws Exception {
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

    private static int summarize(String base, String marker, String cacheControl) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("text",
                Articles.uniqueDanish(Articles.SHORT_DANISH, marker)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/summarize"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cacheControl != null) {
            request.header("Cache-Control", cacheControl);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
