package dk.articlesummarizer.pipeline;

import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.promptOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.ServerSentEvents;
import dk.articlesummarizer.text.Chunker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An updated article sends only its new or changed paragraphs to the LLM, with one call for them and the summary. */
@QuarkusTest
@TestProfile(UpdateMemoryTest.Remembering.class)
@WithTestResource(FakeOpenAi.class)
class UpdateMemoryTest {

    public static class Remembering implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.cache.paragraph-memory", "true");
        }
    }

    /** A new paragraph, distinct per call: a paragraph translated once is remembered for every story. */
    private static String changed(int section) {
        return "Afsnit " + section + ". Kommunen har nu afsat ca. 2.300 kr. pr. borger til projektet, oplyser"
                + " direktør Anne-Marie Lund. Sagen har nummer " + System.nanoTime() + ".";
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
    }

    private static JsonPath summarize(String article, String... headers) {
        var request = given().contentType(ContentType.JSON).body(Map.of("text", article));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.post("/summarize").then().statusCode(200).extract().jsonPath();
    }

    /** Ten paragraphs of about 400 characters, distinct per test. */
    private static String tenParagraphs() {
        return LongArticles.paragraphs(10, 400, System.nanoTime());
    }

    private LoggedRequest lastCall() {
        List<LoggedRequest> calls = chatRequests(openAi);
        return calls.get(calls.size() - 1);
    }

    private static String withParagraphReplaced(String article, int index, String paragraph) {
        List<String> paragraphs = new ArrayList<>(Chunker.paragraphs(article));
        paragraphs.set(index, paragraph);
        return String.join("\n\n", paragraphs);
    }

    @Test
    void oneChangedParagraphIsAllThatGoesToTheLlmInOneCallWithItsNeighboursAndThePreviousSummary() {
        String first = tenParagraphs();
        JsonPath original = summarize(first);
        assertEquals(0, original.getInt("reused"));
        String changed = changed(4);
        String updated = withParagraphReplaced(first, 4, changed);

        JsonPath answer = summarize(updated);

        assertEquals(9, answer.getInt("reused"));
        assertEquals(2, chatRequests(openAi).size(), "one call for the update");
        LoggedRequest update = lastCall();
        String prompt = promptOf(update);
        assertTrue(prompt.contains("<<<CHANGED 5\n" + changed + "\nCHANGED>>>"), prompt);
        List<String> danish = Chunker.paragraphs(first);
        for (int i = 0; i < danish.size(); i++) {
            assertFalse(prompt.contains(danish.get(i)), "unchanged paragraph " + i + " is not sent again");
        }
        List<String> before = Chunker.paragraphs(original.getString("translation"));
        assertTrue(prompt.contains("<<<NEAR\n…" + before.get(3).substring(before.get(3).length() - 240)),
                "the paragraph before, in English, as context");
        assertTrue(prompt.contains(original.getString("summary[0]")), "the previous bullets");

        List<String> english = Chunker.paragraphs(answer.getString("translation"));
        assertEquals(10, english.size());
        for (int i = 0; i < english.size(); i++) {
            assertTrue(english.get(i).startsWith("Section " + i + "."), "paragraph " + i + " in its place");
            if (i != 4) {
                assertEquals(before.get(i), english.get(i), "paragraph " + i + " as remembered");
            }
        }
        assertEquals("An updated article in English", answer.getString("title"));
        int promptTokens = OpenAiStubs.read(FakeTranslator.completionFor(update.getBodyAsString()))
                .path("usage").path("prompt_tokens").asInt();
        assertEquals(promptTokens, answer.getInt("usage.inputTokens"), "usage counts only the tokens spent now");

        given().contentType(ContentType.JSON).body(Map.of("text", updated)).post("/summarize").then()
                .statusCode(200).header("X-Cache", "HIT");
    }

    @Test
    void theSameTextUnderANewHeadlineGetsAFreshHeadlineAndBulletsWithoutTranslatingAgain() {
        String text = tenParagraphs();
        JsonPath original = summarize(text);

        JsonPath retitled = given().contentType(ContentType.JSON)
                .body(Map.of("text", text, "title", "Kommunen skifter kurs")).post("/summarize").then()
                .statusCode(200).extract().jsonPath();

        assertEquals(10, retitled.getInt("reused"));
        assertEquals(original.getString("translation"), retitled.getString("translation"));
        assertEquals(2, chatRequests(openAi).size(), "one call for the headline and bullets");
        String prompt = promptOf(lastCall());
        assertTrue(prompt.contains("Kommunen skifter kurs"), "the new headline is asked about");
        assertFalse(prompt.contains(Chunker.paragraphs(text).get(0)), "no Danish paragraph is sent again");
        assertFalse(prompt.contains("<<<CHANGED"), "not an update call asking for no paragraph");
    }

    @Test
    void anUpdateWhoseAnswerStaysUnusableIsAnsweredAsAWholeArticle() {
        String first = tenParagraphs();
        summarize(first);
        openAi.stubFor(chatCompletion().withRequestBody(WireMock.containing("<<<CHANGED")).atPriority(1)
                .willReturn(OpenAiStubs.completion("I cannot help with that.", "stop", 10, 5)));

        double fellBack = metrics.counter("summarizer.updates.fallbacks").count();

        JsonPath answer = summarize(withParagraphReplaced(first, 2, changed(2)));

        assertEquals(0, answer.getInt("reused"));
        assertEquals(10, Chunker.paragraphs(answer.getString("translation")).size());
        assertFalse(promptOf(lastCall()).contains("<<<CHANGED"), "the last call asked for the whole article");
        assertEquals(fellBack + 1, metrics.counter("summarizer.updates.fallbacks").count());
    }

    @Test
    void aShortChangedSentenceFullOfDanishNamesIsJudgedEnglishWithTheRestOfTheAnswer() {
        String first = tenParagraphs();
        summarize(first);
        String note = "Redaktionens note: Artiklen nævner nu Ærø, Søby, Lærkevej, Marstal, Ærøskøbing og Rise.";
        openAi.stubFor(chatCompletion().withRequestBody(WireMock.containing("<<<CHANGED")).atPriority(1)
                .willReturn(OpenAiStubs.completion(OpenAiStubs.write(Map.of(
                        "paragraphs", List.of("Editor's note: The article now names Ærø, Søby, Lærkevej, Marstal,"
                                + " Ærøskøbing and Rise."),
                        "title", "The article was updated",
                        "summary", List.of("The article was updated.", "An editor added a note.",
                                "The note lists the places the article names."))), "stop", 100, 50)));

        JsonPath answer = summarize(withParagraphReplaced(first, 9, note));

        assertEquals(9, answer.getInt("reused"));
        assertTrue(answer.getString("translation").endsWith("Ærøskøbing and Rise."));
        assertEquals(2, chatRequests(openAi).size(), "accepted without a reprompt");
    }

    @Test
    void aNoStoreRequestNeitherReadsNorWritesTheMemory() {
        String first = tenParagraphs();
        summarize(first, "Cache-Control", "no-store");
        assertEquals(0, summarize(withParagraphReplaced(first, 2, changed(2))).getInt("reused"),
                "nothing was remembered from the no-store answer");

        String second = tenParagraphs();
        summarize(second);
        JsonPath noStore = summarize(withParagraphReplaced(second, 2, changed(2)), "Cache-Control", "no-store");
        assertEquals(0, noStore.getInt("reused"), "a no-store update reads nothing");
        assertFalse(promptOf(lastCall()).contains("<<<CHANGED"));
    }

    @Test
    void aNewStoryWhoseFewParagraphsWereSeenBeforeIsTranslatedWhole() {
        String first = tenParagraphs();
        summarize(first);
        List<String> paragraphs = new ArrayList<>(Chunker.paragraphs(tenParagraphs()));
        paragraphs.set(0, Chunker.paragraphs(first).get(0));
        paragraphs.set(1, Chunker.paragraphs(first).get(1));

        assertEquals(0, summarize(String.join("\n\n", paragraphs)).getInt("reused"));
        assertFalse(promptOf(lastCall()).contains("<<<CHANGED"));
    }

    @Test
    void aGlossaryEntryInAParagraphMakesItAnotherParagraph() {
        String first = tenParagraphs();
        summarize(first);
        Map<String, Object> withGlossary = Map.of("text", first, "glossary", Map.of("Afsnit 7", "Section 7"));

        given().contentType(ContentType.JSON).body(withGlossary).post("/summarize").then().statusCode(200)
                .body("reused", equalTo(9));
        assertTrue(promptOf(lastCall()).contains("<<<CHANGED 8\nAfsnit 7."));
    }

    @Test
    void streamsBatchesAndJobsAnswerUpdatesToo() {
        String first = tenParagraphs();
        summarize(first);
        String updated = withParagraphReplaced(first, 6, changed(6));

        List<ServerSentEvents.Event> events = ServerSentEvents.parse(given().contentType(ContentType.JSON)
                .accept("text/event-stream").body(Map.of("text", updated)).post("/summarize").then()
                .statusCode(200).extract().asString());
        assertEquals(1, events.size(), "an update comes as the one answer event");
        assertEquals(9, events.get(0).data().path("reused").asInt());

        String again = withParagraphReplaced(first, 8, changed(8));
        given().contentType(ContentType.JSON).body(Map.of("articles", List.of(Map.of("text", again))))
                .post("/summarize/batch").then().statusCode(200).body("results[0].reused", equalTo(9));
    }
}
