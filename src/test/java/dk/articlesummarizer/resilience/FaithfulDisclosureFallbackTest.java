package dk.articlesummarizer.resilience;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeOpenAiChain;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.OpenAiStubs.FakeAnswer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** The disclosure names the model of the chain that answered, also when the answer comes from the cache. */
@QuarkusTest
@WithTestResource(FakeOpenAiChain.class)
class FaithfulDisclosureFallbackTest {

    private static final FakeAnswer ANSWER = OpenAiStubs.sampleAnswer("the disclosure");

    @FakeOpenAiChain.Primary
    WireMockServer primary;

    @FakeOpenAiChain.Fallback
    WireMockServer fallback;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        primary.resetAll();
        fallback.resetAll();
        breakers.resetAll();
    }

    private static String article(String marker) {
        return Articles.uniqueDanish(Articles.SHORT_DANISH, marker);
    }

    private static JsonPath summarize(String article, String cache) {
        return given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then()
                .statusCode(200).header("X-Cache", cache).extract().jsonPath();
    }

    private static String disclosure(String model) {
        return "Machine-translated and summarised by " + model + "; not reviewed by an editor.";
    }

    @Test
    void thePrimaryModelIsNamedWhenItAnswers() {
        primary.stubFor(chatCompletion().willReturn(answering(ANSWER)));

        JsonPath answer = summarize(article("disclosure-primary-answers"), "MISS");

        assertEquals(FakeOpenAi.MODEL, answer.getString("model"));
        assertEquals(disclosure(FakeOpenAi.MODEL), answer.getString("disclosure"));
        assertEquals(0, chatRequests(fallback).size());
    }

    @Test
    void theFallbackModelIsNamedWhenThePrimaryFailsAndStillWhenTheAnswerComesFromTheCache() {
        primary.stubFor(chatCompletion().willReturn(providerError(500)));
        fallback.stubFor(chatCompletion().willReturn(answering(ANSWER)));
        String article = article("disclosure-primary-down");

        JsonPath miss = summarize(article, "MISS");
        assertEquals(FakeOpenAiChain.FALLBACK_MODEL, miss.getString("model"));
        assertEquals(disclosure(FakeOpenAiChain.FALLBACK_MODEL), miss.getString("disclosure"));
        assertEquals(1, chatRequests(fallback).size());

        JsonPath hit = summarize(article, "HIT");
        assertEquals(disclosure(FakeOpenAiChain.FALLBACK_MODEL), hit.getString("disclosure"),
                "the cached answer still names the model that wrote it");
        assertEquals(1, chatRequests(fallback).size());
    }

    @Test
    void theFallbackModelIsNamedWhenThePrimarysAnswerStaysUnusable() {
        primary.stubFor(chatCompletion().willReturn(completion("Sorry, I cannot help with that.", "stop", 20, 10)));
        fallback.stubFor(chatCompletion().willReturn(answering(ANSWER)));

        JsonPath answer = summarize(article("disclosure-primary-unusable"), "MISS");

        assertEquals(2, chatRequests(primary).size(), "the primary was asked once more, then left");
        assertEquals(disclosure(FakeOpenAiChain.FALLBACK_MODEL), answer.getString("disclosure"));
    }
}
