package dk.articlesummarizer.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs.FakeAnswer;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.ServerSentEvents.Event;
import dk.articlesummarizer.support.ServerSentEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** POST /summarize with Accept: text/event-stream, against a provider that streams as OpenAI does. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class StreamingTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    private static List<Event> stream(String article) {
        return ServerSentEvents.parse(given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("text", article)).post("/summarize").then().statusCode(200)
                .contentType("text/event-stream").extract().asString());
    }

    private void streaming(FakeAnswer answer) {
        openAi.stubFor(chatCompletion().withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .atPriority(1).willReturn(OpenAiStubs.streamed(answer.asJson(), 7, 321, 123)));
    }

    @Test
    void theTranslationStreamsAsWrittenThenTheCheckedAnswerComesAndIsCached() {
        FakeAnswer answer = OpenAiStubs.sampleAnswer("the stream");
        streaming(answer);
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "strøm-" + System.nanoTime());

        List<Event> events = stream(article);

        List<Event> parts = events.stream().filter(event -> event.name().equals("translation")).toList();
        assertTrue(parts.size() > 10, "the translation comes in pieces: " + parts.size());
        StringBuilder shown = new StringBuilder();
        parts.forEach(part -> shown.append(part.data().path("text").asText()));
        assertEquals(answer.translation(), shown.toString());
        Event last = events.get(events.size() - 1);
        assertEquals("answer", last.name());
        assertEquals(answer.translation(), last.data().path("translation").asText());
        assertEquals(3, last.data().path("summary").size());
        assertEquals(321, last.data().path("usage").path("inputTokens").asInt());
        assertEquals(false, last.data().path("cached").asBoolean());

        given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then()
                .statusCode(200).header("X-Cache", "HIT");
        List<Event> again = stream(article);
        assertEquals(1, again.size(), "a cached answer comes at once, as one event");
        assertEquals("answer", again.get(0).name());
        assertTrue(again.get(0).data().path("cached").asBoolean());
        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void anAnswerThatFailsTheChecksIsAskedForAgainAndReplacesWhatWasStreamed() {
        FakeAnswer tooFewBullets = new FakeAnswer("A headline", OpenAiStubs.sampleAnswer("x").translation(),
                List.of("Only one bullet."), 10, 10);
        streaming(tooFewBullets);
        FakeAnswer good = OpenAiStubs.sampleAnswer("the second try");
        // Requests that do not stream (the ordinary second try) get the good answer.
        openAi.stubFor(chatCompletion().atPriority(5).willReturn(answering(good)));

        List<Event> events = stream(Articles.uniqueDanish(Articles.SHORT_DANISH, "igen-" + System.nanoTime()));

        Event last = events.get(events.size() - 1);
        assertEquals("answer", last.name());
        assertEquals(good.title(), last.data().path("title").asText());
        assertEquals(3, last.data().path("summary").size());
    }

    @Test
    void aProviderFaultEndsTheStreamWithAnErrorEventHoldingTheProblem() {
        openAi.stubFor(chatCompletion().willReturn(OpenAiStubs.providerError(500)));

        List<Event> events = stream(Articles.uniqueDanish(Articles.SHORT_DANISH, "fejl-" + System.nanoTime()));

        Event last = events.get(events.size() - 1);
        assertEquals("error", last.name());
        assertEquals(502, last.data().path("status").asInt());
        assertEquals("urn:article-summarizer:problem:llm-failed", last.data().path("type").asText());
    }

    @Test
    void aBadArticleIsAnOrdinaryProblemBeforeAnyEvent() {
        given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("text", Articles.load(Articles.ENGLISH))).post("/summarize").then().statusCode(422)
                .contentType("application/problem+json");
        assertEquals(0, chatRequests(openAi).size());
    }

    @Test
    void withoutAskingForEventsTheAnswerIsJson() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("plain json"))));
        given().contentType(ContentType.JSON).body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH,
                "json-" + System.nanoTime()))).post("/summarize").then().statusCode(200)
                .contentType(ContentType.JSON);
        given().contentType(ContentType.JSON).accept("*/*").body(Map.of("text", Articles.uniqueDanish(
                Articles.SHORT_DANISH, "json2-" + System.nanoTime()))).post("/summarize").then().statusCode(200)
                .contentType(ContentType.JSON);
    }
}
