package dk.articlesummarizer.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Provider faults become precise problems, and a failure never leaves anything in the cache. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class ProviderFailureTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    private static ValidatableResponse summarize(String article) {
        return given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then();
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:" + type))
                .body("status", equalTo(status))
                .body(not(containsString("Exception")))
                .body(not(containsString(FakeOpenAi.API_KEY)));
    }

    @Test
    void slowProviderIsA504NamingTheTimeout() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("slow")).withFixedDelay(5_000)));

        assertProblem(summarize(Articles.uniqueDanish(Articles.SHORT_DANISH, "timeout-1")), 504, "llm-timeout")
                .body("detail", containsString("LLM_TIMEOUT"));
    }

    @Test
    void providerServerErrorIsA502() {
        openAi.stubFor(chatCompletion().willReturn(providerError(500)));

        assertProblem(summarize(Articles.uniqueDanish(Articles.SHORT_DANISH, "500-1")), 502, "llm-failed")
                .body("detail", containsString("HTTP 500"))
                .body(not(containsString("fake provider error")));
    }

    @Test
    void connectionResetIsA502() {
        openAi.stubFor(chatCompletion().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertProblem(summarize(Articles.uniqueDanish(Articles.SHORT_DANISH, "reset-1")), 502, "llm-failed");
    }

    @Test
    void rateLimitIsA503() {
        openAi.stubFor(chatCompletion().willReturn(providerError(429).withHeader("Retry-After", "7")));

        assertProblem(summarize(Articles.uniqueDanish(Articles.SHORT_DANISH, "429-1")), 503, "llm-rate-limited");
    }

    @Test
    void rejectedCredentialsAreA502ThatBlamesTheServiceKeyAndLogsOnceWithoutIt() {
        openAi.stubFor(chatCompletion().willReturn(providerError(401)));

        try (CapturedLogs logs = CapturedLogs.install()) {
            assertProblem(summarize(Articles.uniqueDanish(Articles.SHORT_DANISH, "401-1")), 502,
                    "llm-credentials-rejected").body("detail", containsString("LLM_API_KEY"));

            String errors = logs.textAtOrAbove(Level.SEVERE);
            assertEquals(1, errors.lines().filter(line -> line.contains("credentials")).count(), errors);
            assertEquals(-1, logs.textAtOrAbove(Level.ALL).indexOf(FakeOpenAi.API_KEY));
        }
    }

    @Test
    void proseInsteadOfJsonIsA502() {
        openAi.stubFor(chatCompletion().willReturn(
                completion("Here is your translation: the harbour bath opens on Saturday.", "stop", 10, 10)));

        assertProblem(summarize(Articles.uniqueDanish(Articles.SHORT_DANISH, "prose-1")), 502,
                "llm-unusable-answer");
    }

    @Test
    void answerWithoutTranslationIsA502() {
        openAi.stubFor(chatCompletion().willReturn(
                completion("{\"title\": \"A headline\", \"summary\": [\"One.\", \"Two.\", \"Three.\"]}", "stop", 10,
                        10)));

        assertProblem(summarize(Articles.uniqueDanish(Articles.SHORT_DANISH, "partial-1")), 502,
                "llm-unusable-answer");
    }

    @Test
    void failureIsNotCachedAndTheNextRequestCallsAgain() {
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "not-cached-1");
        openAi.stubFor(chatCompletion().willReturn(providerError(500)));
        assertProblem(summarize(article), 502, "llm-failed");

        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("recovered"))));
        summarize(article).statusCode(200).header("X-Cache", "MISS")
                .body("title", equalTo("English headline about recovered"));
        summarize(article).statusCode(200).header("X-Cache", "HIT");

        assertEquals(2, chatRequests(openAi).size());
    }
}
