package dk.articlesummarizer.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeOpenAiChain;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import dk.articlesummarizer.support.OpenAiStubs.FakeAnswer;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.ServerSentEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** A primary model and one fallback, two fake providers over real HTTP, each with its own prices and breaker. */
@QuarkusTest
@WithTestResource(FakeOpenAiChain.class)
class FallbackTest {

    private static final int ATTEMPTS = 2;
    private static final FakeAnswer ANSWER = OpenAiStubs.sampleAnswer("the fallback");

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

    private static ValidatableResponse summarize(String article, String... headers) {
        var request = given().contentType(ContentType.JSON).body(Map.of("text", article));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.post("/summarize").then();
    }

    private static String article(String marker) {
        return Articles.uniqueDanish(Articles.SHORT_DANISH, marker + "-" + System.nanoTime());
    }

    private static double cost(FakeAnswer answer, double inputPrice, double outputPrice) {
        return (answer.promptTokens() * inputPrice + answer.completionTokens() * outputPrice) / 1_000_000;
    }

    @Test
    void aFailingPrimaryIsAskedOnceThenTheFallbackAnswersAtItsPriceAndTheAnswerIsCachedForTheService() {
        primary.stubFor(chatCompletion().willReturn(providerError(500)));
        fallback.stubFor(chatCompletion().willReturn(answering(ANSWER)));
        String article = article("primary-down");
        double fallbackCost = cost(ANSWER, FakeOpenAiChain.FALLBACK_INPUT_PRICE,
                FakeOpenAiChain.FALLBACK_OUTPUT_PRICE);

        JsonPath miss = summarize(article).statusCode(200).header("X-Cache", "MISS")
                .body("model", equalTo(FakeOpenAiChain.FALLBACK_MODEL))
                .body("usage.inputTokens", equalTo(ANSWER.promptTokens()))
                .body("usage.currency", equalTo("EUR")).extract().jsonPath();
        assertEquals(fallbackCost, miss.getDouble("usage.cost"), 1e-9);
        assertEquals(0, miss.getDouble("usage.savedCost"));
        assertEquals(ATTEMPTS, chatRequests(primary).size(), "the primary is tried once, with its retries");
        assertEquals(1, chatRequests(fallback).size());
        var asked = chatRequests(fallback).get(0);
        assertEquals("Bearer " + FakeOpenAiChain.FALLBACK_API_KEY, asked.getHeader("Authorization"));
        assertEquals(FakeOpenAiChain.FALLBACK_MODEL, OpenAiStubs.read(asked.getBodyAsString()).path("model").asText());
        assertEquals("json_schema", OpenAiStubs.read(asked.getBodyAsString()).path("response_format").path("type")
                .asText(), "the fallback is asked for the answer's JSON schema like the primary");

        JsonPath hit = summarize(article).statusCode(200).header("X-Cache", "HIT")
                .body("model", equalTo(FakeOpenAiChain.FALLBACK_MODEL))
                .body("usage.inputTokens", equalTo(0)).extract().jsonPath();
        assertEquals(0, hit.getDouble("usage.cost"));
        assertEquals(fallbackCost, hit.getDouble("usage.savedCost"), 1e-9);
        assertEquals(1, chatRequests(fallback).size(), "a hit asks no model");

        primary.stubFor(chatCompletion().willReturn(answering(ANSWER)));
        JsonPath refreshed = summarize(article, "Cache-Control", "no-cache").statusCode(200)
                .body("model", equalTo(FakeOpenAi.MODEL)).extract().jsonPath();
        assertEquals(cost(ANSWER, FakeOpenAiChain.PRIMARY_INPUT_PRICE, FakeOpenAiChain.PRIMARY_OUTPUT_PRICE),
                refreshed.getDouble("usage.cost"), 1e-9);
        assertEquals(ATTEMPTS + 1, chatRequests(primary).size(), "no-cache asks from the top of the chain");
    }

    @Test
    void answersThatFailTheChecksMoveOnButNeverOpenThePrimarysBreakerAndTheLogSaysSoOnce() {
        primary.stubFor(chatCompletion().willReturn(completion("{\"title\": \"only a title\"}", "stop", 50, 5)));
        fallback.stubFor(chatCompletion().willReturn(answering(ANSWER)));
        int articles = FakeOpenAiChain.BREAKER_WINDOW + 2;
        try (CapturedLogs logs = CapturedLogs.install()) {
            for (int i = 0; i < articles; i++) {
                summarize(article("unusable-" + i)).statusCode(200)
                        .body("model", equalTo(FakeOpenAiChain.FALLBACK_MODEL));
            }
            String warnings = logs.textAtOrAbove(Level.WARNING);
            assertTrue(occurrences(warnings, "A fallback model answers") <= 1, warnings);
            assertTrue(occurrences(warnings, "Unusable answer from the LLM") <= 1, warnings);
        }
        assertEquals(2 * articles, chatRequests(primary).size(),
                "every article asked the primary (first answer and the reprompt): its breaker stayed closed");
        assertEquals(articles, chatRequests(fallback).size());
    }

    @Test
    void providerFaultsOpenOnlyThePrimarysBreakerAndThenTheFallbackAnswersAtOnce() {
        primary.stubFor(chatCompletion().willReturn(providerError(503)));
        fallback.stubFor(chatCompletion().willReturn(answering(ANSWER)));
        for (int i = 0; i < FakeOpenAiChain.BREAKER_WINDOW; i++) {
            summarize(article("faulty-" + i)).statusCode(200);
        }
        int askedWhileClosed = chatRequests(primary).size();
        assertEquals(ATTEMPTS * FakeOpenAiChain.BREAKER_WINDOW, askedWhileClosed);

        summarize(article("breaker-open")).statusCode(200).body("model", equalTo(FakeOpenAiChain.FALLBACK_MODEL));
        assertEquals(askedWhileClosed, chatRequests(primary).size(), "an open breaker skips the primary");
        assertEquals(FakeOpenAiChain.BREAKER_WINDOW + 1, chatRequests(fallback).size());
    }

    @Test
    void whenEveryModelFailsTheCallerGetsTheUsualProblemNamingEach() {
        primary.stubFor(chatCompletion().willReturn(providerError(500)));
        fallback.stubFor(chatCompletion().willReturn(providerError(429).withHeader("Retry-After", "7")));

        ProviderFaultTest.assertProblem(summarize(article("all-down")), 503, "llm-rate-limited")
                .header("Retry-After", "7")
                .body("detail", containsString(FakeOpenAi.MODEL + " (primary)"))
                .body("detail", containsString(FakeOpenAiChain.FALLBACK_MODEL + " (fallback 1)"));
        assertEquals(ATTEMPTS, chatRequests(primary).size());
        assertEquals(1, chatRequests(fallback).size(), "a Retry-After longer than LLM_MAX_BACKOFF is not waited");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aLongArticlesPassagesAndDigestAreAnsweredByTheFallbackWhenThePrimaryIsDown() {
        primary.stubFor(chatCompletion().willReturn(providerError(502)));
        fallback.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
        String article = LongArticles.generate(30_000, System.nanoTime());

        JsonPath answer = given().contentType(ContentType.TEXT).body(article).post("/summarize").then()
                .statusCode(200).extract().jsonPath();

        assertTrue(answer.getInt("chunks") > 1, "translated in passages");
        assertEquals(FakeOpenAiChain.FALLBACK_MODEL, answer.getString("model"));
        assertEquals(answer.getInt("chunks") + 1, chatRequests(fallback).size(), "each passage and the digest once");
        assertTrue(chatRequests(primary).size() <= ATTEMPTS * chatRequests(fallback).size(),
                "each call tried the primary first, until its breaker opened");
    }

    @Test
    void aStreamThatFailsBeforeItsFirstEventMovesOnSilently() {
        primary.stubFor(chatCompletion().willReturn(providerError(500)));
        fallback.stubFor(chatCompletion().withRequestBody(matchingJsonPath("$.stream", WireMock.equalTo("true")))
                .willReturn(OpenAiStubs.streamed(ANSWER.asJson(), 9, 321, 123)));

        List<ServerSentEvents.Event> events = ServerSentEvents.parse(given().contentType(ContentType.JSON)
                .accept("text/event-stream").body(Map.of("text", article("stream"))).post("/summarize").then()
                .statusCode(200).extract().asString());

        assertTrue(events.stream().noneMatch(event -> event.name().equals("error")), "no error event: " + events);
        assertTrue(events.stream().anyMatch(event -> event.name().equals("translation")));
        ServerSentEvents.Event last = events.get(events.size() - 1);
        assertEquals("answer", last.name());
        assertEquals(FakeOpenAiChain.FALLBACK_MODEL, last.data().path("model").asText());
        assertEquals(1, chatRequests(primary).size(), "streams are not retried");
        assertEquals(1, chatRequests(fallback).size());
    }

    private static JsonPath answered(String article, String cache) {
        return given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then()
                .statusCode(200).header("X-Cache", cache).extract().jsonPath();
    }

    private static String disclosure(String model) {
        return "Machine-translated and summarised by " + model + "; not reviewed by an editor.";
    }

    /** The disclosure names the model of the chain that answered, also when the answer comes from the cache. */
    @Test
    void thePrimaryModelIsNamedWhenItAnswers() {
        primary.stubFor(chatCompletion().willReturn(answering(ANSWER)));

        JsonPath answer = answered(article("disclosure-primary-answers"), "MISS");

        assertEquals(FakeOpenAi.MODEL, answer.getString("model"));
        assertEquals(disclosure(FakeOpenAi.MODEL), answer.getString("disclosure"));
        assertEquals(0, chatRequests(fallback).size());
    }

    @Test
    void theFallbackModelIsNamedWhenThePrimaryFailsAndStillWhenTheAnswerComesFromTheCache() {
        primary.stubFor(chatCompletion().willReturn(providerError(500)));
        fallback.stubFor(chatCompletion().willReturn(answering(ANSWER)));
        String article = article("disclosure-primary-down");

        JsonPath miss = answered(article, "MISS");
        assertEquals(FakeOpenAiChain.FALLBACK_MODEL, miss.getString("model"));
        assertEquals(disclosure(FakeOpenAiChain.FALLBACK_MODEL), miss.getString("disclosure"));
        assertEquals(1, chatRequests(fallback).size());

        JsonPath hit = answered(article, "HIT");
        assertEquals(disclosure(FakeOpenAiChain.FALLBACK_MODEL), hit.getString("disclosure"),
                "the cached answer still names the model that wrote it");
        assertEquals(1, chatRequests(fallback).size());
    }

    @Test
    void theFallbackModelIsNamedWhenThePrimarysAnswerStaysUnusable() {
        primary.stubFor(chatCompletion().willReturn(completion("Sorry, I cannot help with that.", "stop", 20, 10)));
        fallback.stubFor(chatCompletion().willReturn(answering(ANSWER)));

        JsonPath answer = answered(article("disclosure-primary-unusable"), "MISS");

        assertEquals(2, chatRequests(primary).size(), "the primary was asked once more, then left");
        assertEquals(disclosure(FakeOpenAiChain.FALLBACK_MODEL), answer.getString("disclosure"));
    }
}
