package dk.articlesummarizer.resilience;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.CountingProvider;
import dk.articlesummarizer.support.LeavingClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every way in (a request, a batch, a job, a stream) takes its turn at the one admission point: never more calls in
 * flight than the limit, no call started for a caller whose deadline has passed, and a stream whose client leaves
 * gives its turn back at once (long before the provider's stream would end). The provider counts what it sees.
 */
@QuarkusTest
@WithTestResource(CountingProvider.class)
@TestProfile(AdmissionTest.OneCallAtATime.class)
class AdmissionTest {

    public static class OneCallAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.max-concurrency", "1", "llm.queue-size", "8", "llm.max-attempts", "1",
                    "llm.timeout", "10s", "summarizer.request-timeout", "1500ms", "summarizer.jobs.max-waiting", "2");
        }
    }

    @CountingProvider.Inject
    CountingProvider.Calls provider;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** A stream whose client left is still read to its end by the provider's side (see ArticleLlmClient.stream). */
    @BeforeEach
    void providerIdle() {
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.inFlight() == 0);
    }

    @Test
    void noCallStartsForARequestAfterItsDeadlinePassed() {
        provider.reset(Duration.ofMillis(1000));
        List<String> markers = IntStream.range(0, 4).mapToObj(i -> "deadline-queue-" + i).toList();
        ExecutorService callers = Executors.newFixedThreadPool(markers.size());

        List<CompletableFuture<Long>> timedOutAt = markers.stream().map(marker -> CompletableFuture.supplyAsync(() -> {
            int status = given().contentType(ContentType.JSON)
                    .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, marker))).post("/summarize")
                    .statusCode();
            assertTrue(status == 200 || status == 504, "answered or timed out: " + status);
            return status == 504 ? System.nanoTime() : Long.MAX_VALUE;
        }, callers)).toList();
        timedOutAt.forEach(CompletableFuture::join);
        callers.shutdown();

        // Four one-second calls, one at a time, 1.5 s deadlines: some requests time out while they wait.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(6))
                .until(() -> provider.inFlight() == 0);
        // A call aborted at its request's 504 frees its turn at once, so the next may still start within its own
        // deadline; none starts after it. (This fake provider sleeps on after an abort: its count of calls in
        // flight is no measure here.)
        for (int i = 0; i < markers.size(); i++) {
            long answered504 = timedOutAt.get(i).join();
            Optional<Long> started = provider.startOf(markers.get(i));
            assertTrue(started.isEmpty() || started.get() < answered504, markers.get(i) + " started after its 504");
        }
    }

    @Test
    void batchArticlesTakeTheirTurnsAtTheSameLimit() {
        provider.reset(Duration.ofMillis(200));
        List<Map<String, String>> articles = IntStream.range(0, 4)
                .mapToObj(i -> Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "batch-turn-" + i)))
                .toList();

        given().contentType(ContentType.JSON).body(Map.of("articles", articles)).post("/summarize/batch")
                .then().statusCode(200).body("results.status", equalTo(List.of(200, 200, 200, 200)));

        assertEquals(4, provider.started());
        assertEquals(1, provider.mostInFlight());
    }

    @Test
    void jobsWaitWithoutStartingBeyondTheLimitAndAreRefusedBeyondTheWaitingLimit() {
        provider.reset(Duration.ofMillis(600));
        List<String> locations = IntStream.range(0, 3).mapToObj(i -> job("job-turn-" + i).then().statusCode(202)
                .extract().header("Location")).toList();

        job("job-turn-refused").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:jobs-full"))
                .header("Retry-After", equalTo("10"));

        for (String location : locations) {
            await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(given().get(location).then()
                    .extract().path("status")));
        }
        assertEquals(3, provider.started());
        assertEquals(1, provider.mostInFlight());
    }

    @Test
    void aStreamWhoseClientLeavesGivesBackItsTurnAtOnce() throws Exception {
        provider.reset(Duration.ofMillis(4000));
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "stream-leaves");

        try (CapturedLogs logs = CapturedLogs.install()) {
            try (LeavingClient client = LeavingClient.stream(port, article, Map.of())) {
                assertTrue(client.awaitEvent("translation"), "a first translation event came");
            }

            await().atMost(Duration.ofSeconds(3)).until(() -> metrics.get("summarizer.llm.in.flight").gauge().value()
                    == 0);
            provider.reset(Duration.ofMillis(100));
            given().contentType(ContentType.JSON)
                    .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "after-the-stream")))
                    .post("/summarize").then().statusCode(200);
            assertEquals("", logs.textAtOrAbove(Level.SEVERE), "a client that leaves is not an error");
        }
    }

    @Test
    void aStreamWhoseClientLeavesWhileQueuedNeverHoldsATurn() throws Exception {
        provider.reset(Duration.ofMillis(700));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "holds-the-turn")))
                .post("/summarize").statusCode());
        await().atMost(Duration.ofSeconds(3)).until(() -> provider.inFlight() == 1);

        try (LeavingClient client = LeavingClient.stream(port,
                Articles.uniqueDanish(Articles.SHORT_DANISH, "stream-leaves-queued"), Map.of())) {
            await().atMost(Duration.ofSeconds(2)).until(() -> waiting() == 1);
        }

        assertEquals(200, first.join());
        await().atMost(Duration.ofSeconds(3)).until(() -> waiting() == 0 && inFlight() == 0);
        provider.reset(Duration.ofMillis(50));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "after-the-queued-stream")))
                .post("/summarize").then().statusCode(200);
        assertTrue(provider.startOf("stream-leaves-queued").isEmpty(), "the stream never reached the provider");
    }

    @Test
    void aJobAcceptedWhileTheQueueIsFullWaitsForItsTurn() {
        provider.reset(Duration.ofMillis(1000));
        ExecutorService callers = Executors.newFixedThreadPool(9);
        List<CompletableFuture<Integer>> requests = IntStream.range(0, 9)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "fills-the-queue-" + i)))
                        .post("/summarize").statusCode(), callers))
                .toList();
        await().atMost(Duration.ofSeconds(5)).until(() -> waiting() == 8);

        String location = job("job-while-full").then().statusCode(202).extract().header("Location");

        await().atMost(Duration.ofSeconds(15)).until(() -> !"running".equals(status(location))
                && !"queued".equals(status(location)));
        assertEquals("done", status(location));
        requests.forEach(CompletableFuture::join);
        callers.shutdown();
    }

    @Test
    void callersOfASharedCallGetTheirAnswerWhenTheFirstCallerLeaves() throws Exception {
        provider.reset(Duration.ofMillis(400));
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "keeps-the-turn")))
                .post("/summarize").statusCode());
        await().atMost(Duration.ofSeconds(3)).until(() -> provider.inFlight() == 1);
        String shared = Articles.uniqueDanish(Articles.SHORT_DANISH, "shared-after-leaving");
        double sharedBefore = sharedLookups();

        CompletableFuture<Integer> second;
        try (LeavingClient first = LeavingClient.post(port, shared, Map.of())) {
            await().atMost(Duration.ofSeconds(2)).until(() -> waiting() == 1);
            second = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("text", shared)).post("/summarize").statusCode());
            await().atMost(Duration.ofSeconds(2)).until(() -> sharedLookups() > sharedBefore);
        }

        assertEquals(200, second.join(), "the second caller got the shared answer");
        assertEquals(200, other.join());
    }

    private double sharedLookups() {
        return metrics.get("summarizer.cache.lookups").tag("cache", "summaries").tag("result", "shared").counter()
                .count();
    }

    private static String status(String location) {
        return given().get(location).then().extract().path("status");
    }

    private double waiting() {
        return metrics.get("summarizer.llm.waiting").gauge().value();
    }

    private double inFlight() {
        return metrics.get("summarizer.llm.in.flight").gauge().value();
    }

    private static Response job(String marker) {
        return given().contentType(ContentType.JSON).header("Prefer", "respond-async")
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, marker))).post("/summarize");
    }
}
