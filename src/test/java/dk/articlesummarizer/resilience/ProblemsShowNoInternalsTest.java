package dk.articlesummarizer.resilience;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A caller learns which model failed and whether to retry, never where the provider is: its URL, host and port are
 * for operators (the log line of the same request id, the start-up line).
 */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class ProblemsShowNoInternalsTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    private ValidatableResponse summarize(String marker, int status, String type) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, marker)))
                .post("/summarize").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:" + type))
                .body("detail", namesTheModelNotTheProvider())
                .body(allOf(not(containsString("localhost")), not(containsString("http://"))));
    }

    private Matcher<String> namesTheModelNotTheProvider() {
        return allOf(containsString(FakeOpenAi.MODEL + " (primary)"),
                not(containsString(openAi.baseUrl())),
                not(containsString("localhost")),
                not(containsString(String.valueOf(openAi.port()))),
                not(containsString("/v1")));
    }

    @Test
    void aServerErrorIsA502NamingTheModel() {
        openAi.stubFor(chatCompletion().willReturn(providerError(500)));

        summarize("internals-500", 502, "llm-failed").body("detail", containsString("Retrying later may help"));
    }

    @Test
    void refusedCredentialsAreA502NamingTheModelAndTheSetting() {
        openAi.stubFor(chatCompletion().willReturn(providerError(401)));

        summarize("internals-401", 502, "llm-credentials-rejected").body("detail", containsString("LLM_API_KEY"));
    }

    @Test
    void aRefusedRequestIsA502NamingTheModel() {
        openAi.stubFor(chatCompletion().willReturn(providerError(404)));

        summarize("internals-404", 502, "llm-failed").body("detail", containsString("LLM_MODEL"));
    }

    @Test
    void aRateLimitIsA503NamingTheModelAndWhenToRetry() {
        openAi.stubFor(chatCompletion().willReturn(providerError(429).withHeader("Retry-After", "120")));

        summarize("internals-429", 503, "llm-rate-limited").header("Retry-After", "120");
    }

    @Test
    void aSlowProviderIsA504NamingTheModel() {
        openAi.stubFor(chatCompletion()
                .willReturn(answering(OpenAiStubs.sampleAnswer("slow")).withFixedDelay(5_000)));

        summarize("internals-slow", 504, "llm-timeout").body("detail", containsString("LLM_TIMEOUT"));
    }
}
