package dk.articlesummarizer.web;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.Management;
import dk.articlesummarizer.support.OpenAiStubs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Slow and vanishing uploads: a body that trickles in is answered 408 at the body deadline and its connection
 * closed; while many trickle, they hold no worker thread (the pool is made small here), so other requests are
 * answered; an upload the client abandons is counted, not logged as an error, and one answered 408 is not counted
 * as abandoned.
 */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
@TestProfile(SlowClientTest.FewWorkers.class)
class SlowClientTest {

    static final int WORKERS = 4;

    public static class FewWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.body-timeout", "1500ms", "quarkus.thread-pool.max-threads",
                    String.valueOf(WORKERS));
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aBodyThatTricklesIsAnswered408AndItsConnectionClosed() throws Exception {
        try (Socket upload = startUpload()) {
            String answer = new String(upload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("body-timeout") && answer.contains("SUMMARIZER_BODY_TIMEOUT"), answer);
        }
    }

    @Test
    void slowUploadsHoldNoWorkerWhileOtherRequestsAreAnswered() throws Exception {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("slow uploads"))));
        List<Socket> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 5 * WORKERS; i++) {
                uploads.add(startUpload());
            }
            // A miss needs a worker thread: with every slow body holding one, there would be none.
            given().contentType(ContentType.JSON).body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH,
                    "beside-slow-uploads"))).post("/summarize").then().statusCode(200);
            Management.given().get("/q/health/ready").then().statusCode(200);
        } finally {
            for (Socket upload : uploads) {
                upload.close();
            }
        }
    }

    @Test
    void anUploadTheClientAbandonsIsCountedNotLoggedAsAnError() throws Exception {
        double before = metrics.counter("summarizer.requests.abandoned", "stage", "body").count();
        try (CapturedLogs logs = CapturedLogs.install()) {
            startUpload().close();

            await().atMost(Duration.ofSeconds(5)).until(() -> metrics.counter("summarizer.requests.abandoned",
                    "stage", "body").count() > before);
            assertEquals("", logs.textAtOrAbove(Level.SEVERE));
        }
    }

    @Test
    void aBodyAnswered408IsATimeoutNotAnAbandonedUpload() throws Exception {
        double abandonedBefore = steady(this::abandoned);
        double timeoutsBefore = timeouts();
        try (Socket upload = startUpload()) {
            String answer = new String(upload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        }

        assertEquals(timeoutsBefore + 1, timeouts());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> abandoned() == abandonedBefore);
    }

    private double abandoned() {
        return metrics.counter("summarizer.requests.abandoned", "stage", "body").count();
    }

    private double timeouts() {
        return metrics.counter("summarizer.requests.body.timeouts").count();
    }

    /** A counter's value once uploads that other tests closed have all been counted. */
    private static double steady(java.util.function.DoubleSupplier counter) {
        double[] last = { counter.getAsDouble() };
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> {
            double now = counter.getAsDouble();
            boolean same = now == last[0];
            last[0] = now;
            return same;
        });
        return last[0];
    }

    /** A POST whose headers promise 5,000 bytes, of which a few are sent. */
    private Socket startUpload() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /summarize HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000\r\n\r\n{\"text\": \"Hej").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
