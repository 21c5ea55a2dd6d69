package dk.articlesummarizer.web;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.cache.SummaryCache;
import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.ConcurrentPosts;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Identical requests that arrive together share one LLM call and its outcome. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class ConcurrencyTest {

    private static final int CALLERS = 20;

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    SummaryCache cache;

    @ConfigProperty(name = "llm.max-attempts")
    int maxAttempts;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        cache.invalidateAll();
    }

    @Test
    void twentyIdenticalConcurrentRequestsMakeOneLlmCall() throws Exception {
        // The delay keeps the one call in flight while the others arrive.
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("shared")).withFixedDelay(1_000)));

        List<Response> responses = postConcurrently(Articles.uniqueDanish(Articles.MEDIUM_DANISH, "concurrent-1"));

        assertEquals(1, chatRequests(openAi).size());
        responses.forEach(response -> assertEquals(200, response.statusCode(), response.asString()));
        assertEquals(1, responses.stream().filter(r -> "MISS".equals(r.header("X-Cache"))).count());
        assertEquals(CALLERS - 1, responses.stream().filter(r -> "HIT".equals(r.header("X-Cache"))).count());
        assertEquals(1, responses.stream().map(r -> r.jsonPath().getString("translation")).distinct().count());
    }

    @Test
    void waitersShareTheFailureAndNothingIsCached() throws Exception {
        openAi.stubFor(chatCompletion().willReturn(providerError(500).withFixedDelay(1_000)));
        String article = Articles.uniqueDanish(Articles.MEDIUM_DANISH, "concurrent-2");

        List<Response> responses = postConcurrently(article);

        responses.forEach(response -> assertEquals(502, response.statusCode(), response.asString()));
        assertEquals(maxAttempts, chatRequests(openAi).size(), "one shared call, with its retries");
        assertEquals(0, cache.estimatedSize());
    }

    private static List<Response> postConcurrently(String article) throws Exception {
        return ConcurrentPosts.post(Collections.nCopies(CALLERS, article));
    }
}
