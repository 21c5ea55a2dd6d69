package dk.articlesummarizer.resilience;

import static dk.articlesummarizer.resilience.ProviderFaultTest.assertProblem;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** SUMMARIZER_REQUEST_TIMEOUT is a deadline: the 504 comes at it, and no attempt starts after it. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
@TestProfile(DeadlineTest.SlowProvider.class)
class DeadlineTest {

    public static class SlowProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.request-timeout", "3s", "llm.timeout", "20s", "llm.max-attempts", "3");
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Test
    void aProviderSlowerThanTheDeadlineGetsOneCallAndTheCallerItsAnswerAtTheDeadline() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("the deadline"))
                .withFixedDelay(20_000)));

        // The language models load in the background at start; the deadline counts from the LLM work only.
        given().contentType(ContentType.JSON).body(Map.of("text", Articles.load(Articles.ENGLISH)))
                .post("/summarize").then().statusCode(422);
        long start = System.nanoTime();
        assertProblem(ProviderFaultTest.summarize("deadline"), 504, "llm-timeout");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(waited.compareTo(Duration.ofSeconds(3)) >= 0 && waited.compareTo(Duration.ofSeconds(5)) < 0,
                "answered after " + waited.toMillis() + " ms");
        assertEquals(1, chatRequests(openAi).size(), "no attempt after the deadline");
        assertEquals(1, metrics.counter("summarizer.request.deadline.exceeded").count());
    }
}
