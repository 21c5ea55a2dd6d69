package dk.articlesummarizer.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Provider faults: what is retried, how often, and what the caller finally gets. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class ProviderFaultTest {

    @Inject
    MeterRegistry metrics;

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @ConfigProperty(name = "llm.max-attempts")
    int maxAttempts;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    static ValidatableResponse summarize(String marker) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, marker)))
                .post("/summarize").then();
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:" + type))
                .body("status", equalTo(status))
                .body(not(containsString("Exception")))
                .body(not(containsString(FakeOpenAi.API_KEY)));
    }

    /** The first call fails as given, every later one answers. */
    private void failOnceThenAnswer(ResponseDefinitionBuilder failure) {
        openAi.stubFor(chatCompletion().inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(failure).willSetStateTo("recovered"));
        openAi.stubFor(chatCompletion().inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(answering(OpenAiStubs.sampleAnswer("recovery"))));
    }

    @Test
    void slowProviderIsRetriedThenA504() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("slow")).withFixedDelay(5_000)));

        assertProblem(summarize("timeout-1"), 504, "llm-timeout").body("detail", containsString("LLM_TIMEOUT"));
        assertEquals(maxAttempts, chatRequests(openAi).size());
    }

    @Test
    void serverErrorOnceThenSuccessIsA200() {
        failOnceThenAnswer(providerError(500));

        summarize("500-then-200").statusCode(200).body("title", equalTo("English headline about recovery"));
        assertEquals(2, chatRequests(openAi).size());
    }

    @Test
    void rateLimitHonoursRetryAfterThenSucceeds() {
        failOnceThenAnswer(providerError(429).withHeader("Retry-After", "1"));

        long started = System.nanoTime();
        summarize("429-then-200").statusCode(200);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(2, chatRequests(openAi).size());
        assertTrue(waitedMillis >= 950, "must wait the provider's Retry-After of 1 s, waited " + waitedMillis + " ms");
    }

    @Test
    void persistentServerErrorIsA502AfterAllAttempts() {
        openAi.stubFor(chatCompletion().willReturn(providerError(500)));

        assertProblem(summarize("500-always"), 502, "llm-failed")
                .body("detail", containsString("HTTP 500"))
                .body(not(containsString("fake provider error")));
        assertEquals(maxAttempts, chatRequests(openAi).size());
    }

    @Test
    void connectionResetIsRetriedThenA502() {
        openAi.stubFor(chatCompletion().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertProblem(summarize("reset-always"), 502, "llm-failed");
        assertEquals(maxAttempts, chatRequests(openAi).size());
    }

    @Test
    void persistentRateLimitIsA503WithRetryAfter() {
        openAi.stubFor(chatCompletion().willReturn(providerError(429).withHeader("Retry-After", "1")));

        assertProblem(summarize("429-always"), 503, "llm-rate-limited").header("Retry-After", "1");
        assertEquals(maxAttempts, chatRequests(openAi).size());
    }

    @Test
    void retryAfterBeyondTheCapIsNotWaitedForButPassedOn() {
        openAi.stubFor(chatCompletion().willReturn(providerError(429).withHeader("Retry-After", "120")));

        assertProblem(summarize("429-long"), 503, "llm-rate-limited").header("Retry-After", "120");
        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void rejectedCredentialsAreNotRetriedCountedAndLoggedAtMostOncePerIntervalWithoutTheKey() {
        openAi.stubFor(chatCompletion().willReturn(providerError(401)));
        double before = rejectedCredentials();

        try (CapturedLogs logs = CapturedLogs.install()) {
            assertProblem(summarize("401"), 502, "llm-credentials-rejected")
                    .body("detail", containsString("LLM_API_KEY"));
            assertProblem(summarize("401-again"), 502, "llm-credentials-rejected");

            String errors = logs.textAtOrAbove(Level.SEVERE);
            assertTrue(errors.lines().filter(line -> line.contains("credentials")).count() <= 1, errors);
            assertEquals(-1, logs.textAtOrAbove(Level.ALL).indexOf(FakeOpenAi.API_KEY));
        }
        assertEquals(before + 2, rejectedCredentials(), "every failure is counted");
        assertEquals(2, chatRequests(openAi).size());
    }

    private double rejectedCredentials() {
        return metrics.counter("summarizer.llm.failures", "model", FakeOpenAi.MODEL, "type", "llm-credentials-rejected")
                .count();
    }

    @Test
    void badRequestAndUnknownModelAreNotRetried() {
        openAi.stubFor(chatCompletion().willReturn(providerError(400)));
        assertProblem(summarize("400"), 502, "llm-failed").body("detail", containsString("LLM_MODEL"));
        openAi.stubFor(chatCompletion().willReturn(providerError(404)));
        assertProblem(summarize("404"), 502, "llm-failed");

        assertEquals(2, chatRequests(openAi).size());
    }

    @Test
    void failureIsNotCachedAndTheNextRequestCallsAgain() {
        openAi.stubFor(chatCompletion().willReturn(providerError(500)));
        assertProblem(summarize("not-cached"), 502, "llm-failed");

        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("recovered"))));
        summarize("not-cached").statusCode(200).header("X-Cache", "MISS");
        summarize("not-cached").statusCode(200).header("X-Cache", "HIT");

        assertEquals(maxAttempts + 1, chatRequests(openAi).size());
    }
}
