package dk.articlesummarizer.it;

import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * A rolling deploy: the packaged service gets SIGTERM while a slow LLM call is in flight; readiness turns DOWN at
 * once, the request in flight still gets its 200 before the process exits, a running job finishes, and a job that
 * had not started is failed at once as interrupted (to be resubmitted elsewhere) while new jobs are refused.
 */
class GracefulShutdownIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRequestInFlightAtSigtermStillGetsItsAnswer() throws Exception {
        WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeTranslator()));
        provider.start();
        provider.stubFor(OpenAiStubs.chatCompletion()
                .willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME).withFixedDelay(3_000)));
        try (PackagedService packaged = new PackagedService(18_380, provider.baseUrl(),
                Path.of("target/graceful-shutdown.log"), Map.of("SUMMARIZER_SHUTDOWN_DELAY", "2s"))) {
            Process service = packaged.process();
            String base = packaged.base();

            String body = new ObjectMapper().writeValueAsString(Map.of("text", Articles.load(Articles.MEDIUM_DANISH)));
            CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create(base + "/summarize")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(10)).until(() -> OpenAiStubs.chatRequests(provider).size(),
                    calls -> calls > 0);

            service.destroy(); // SIGTERM

            assertEquals(503, await().atMost(Duration.ofSeconds(2)).until(packaged::readiness,
                    code -> code == 503), "readiness turns DOWN first");
            HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the process exits after the request");
        } finally {
            provider.stop();
        }
    }

    @Test
    void onSigtermAWaitingJobFailsAsInterruptedNewJobsAreRefusedAndTheRunningJobFinishes() throws Exception {
        WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeTranslator()));
        provider.start();
        provider.stubFor(OpenAiStubs.chatCompletion()
                .willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME).withFixedDelay(3_000)));
        Path log = Path.of("target/graceful-shutdown-jobs.log");
        try (PackagedService packaged = new PackagedService(18_381, provider.baseUrl(), log,
                Map.of("SUMMARIZER_SHUTDOWN_DELAY", "2s", "LLM_MAX_CONCURRENCY", "1"))) {
            Process service = packaged.process();
            String base = packaged.base();
            HttpResponse<String> running = job(base, Articles.load(Articles.MEDIUM_DANISH));
            assertEquals(202, running.statusCode(), running.body());
            await().atMost(Duration.ofSeconds(10)).until(() -> OpenAiStubs.chatRequests(provider).size(),
                    calls -> calls > 0);
            HttpResponse<String> waiting = job(base, Articles.load(Articles.SHORT_DANISH));
            assertEquals(202, waiting.statusCode(), waiting.body());

            service.destroy(); // SIGTERM

            assertEquals(503, await().atMost(Duration.ofSeconds(2)).until(packaged::readiness,
                    code -> code == 503), "readiness turns DOWN first");
            String failed = HTTP.send(HttpRequest.newBuilder(URI.create(waiting.headers()
                    .firstValue("Location").orElseThrow())).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(failed.contains("\"failed\"") && failed.contains("job-interrupted"), failed);
            HttpResponse<String> refused = job(base, Articles.load(Articles.SHORT_DANISH) + " Igen.");
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("jobs-full"), refused.body());

            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the process exits after the running job");
            String written = Files.readString(log);
            assertTrue(written.contains("1 waiting and 0 running jobs failed as interrupted"), written);
            assertEquals(1, OpenAiStubs.chatRequests(provider).size(), "the waiting job never called the provider");
        } finally {
            provider.stop();
        }
    }

    private static HttpResponse<String> job(String base, String article) throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("text", article));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/summarize"))
                .header("Content-Type", "application/json").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
