package dk.articlesummarizer.pipeline;

import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Long articles are answered when every worker thread holds one: an article's thread translates its passages
 * itself rather than waiting for passages queued behind it on the same pool.
 */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
@TestProfile(LongArticlesOnABusyPoolTest.FourWorkers.class)
class LongArticlesOnABusyPoolTest {

    static final int WORKERS = 4;

    public static class FourWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", String.valueOf(WORKERS),
                    "quarkus.thread-pool.core-threads", "1",
                    "llm.max-concurrency", "8",
                    "summarizer.request-timeout", "20s");
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Test
    void asManyLongArticlesAsWorkerThreadsAreAllAnswered() {
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)
                .withFixedDelay(100)));

        List<CompletableFuture<Integer>> answers = IntStream.range(0, WORKERS)
                .mapToObj(seed -> CompletableFuture.supplyAsync(() -> given().contentType(ContentType.TEXT)
                        .body(LongArticles.generate(30_000, 100 + seed)).post("/summarize").statusCode()))
                .toList();

        assertEquals(List.of(200, 200, 200, 200), answers.stream().map(CompletableFuture::join).toList());
    }
}
