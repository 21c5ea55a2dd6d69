package dk.articlesummarizer.resilience;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dk.articlesummarizer.resilience.ProviderFaultTest.assertProblem;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static dk.articlesummarizer.support.OpenAiStubs.promptOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Answers shaped the way Llama 3.1 8B, Qwen 2.5 7B, Mistral 7B and GPT-4o-mini really give them. Every answer
 * whose meaning is intact is a 200 after one provider call; only the faults a repair cannot make true are asked
 * for again and then refused, and a refused answer is never cached.
 */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class RealModelAnswersTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    /** Our short sample article with a marker paragraph, so that no test sees another's cache entry. */
    private static String article(String marker) {
        return Articles.uniqueDanish(Articles.SHORT_DANISH, marker);
    }

    /** A faithful English translation of {@link #article}, paragraph for paragraph, with the given separator. */
    private static String translation(String marker, String separator) {
        return String.join(separator,
                "New harbour bath opens in Aalborg",
                "Aalborg Municipality is opening a new harbour bath at Vestre Fjordpark on Saturday. The bath has"
                        + " room for 450 guests and cost 18.5 million kroner.",
                "\"We have waited a long time for this, and now families with children can finally jump into the"
                        + " water in the middle of the city,\" says councillor Mette Søgaard.",
                "The bath is open every day from 10 am to 8 pm until 15 September.",
                "The case is registered under file number " + marker + ".");
    }

    /** A JSON string literal of {@code text}, with its line breaks raw, as Llama and Mistral often write them. */
    private static String rawString(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }

    private static String escaped(String text) {
        return rawString(text).replace("\n", "\\n");
    }

    private ValidatableResponse summarize(String marker) {
        return given().contentType(ContentType.JSON).body(Map.of("text", article(marker)))
                .post("/summarize").then();
    }

    private void answer(String content) {
        openAi.stubFor(chatCompletion().willReturn(completion(content, "stop", 400, 300)));
    }

    private double repairs(String kind) {
        var counter = metrics.find("summarizer.guardrail.repairs").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private void assertOneCall() {
        assertEquals(1, chatRequests(openAi).size(), "a repaired answer costs no second call");
    }

    @Test
    void llamaProseAroundAFenceWithRawLineBreaksInTheTranslation() {
        String marker = "llama-fence";
        double before = repairs("json-syntax");
        answer("Here is the translation and summary in the requested JSON format:\n\n```json\n{\n"
                + "  \"title\": \"New harbour bath opens in Aalborg\",\n"
                + "  \"translation\": " + rawString(translation(marker, "\n\n")) + ",\n"
                + "  \"summary\": [\n    \"Aalborg opens a new harbour bath on Saturday.\",\n"
                + "    \"The bath has room for 450 guests.\",\n    \"It cost 18.5 million kroner.\"\n  ]\n}\n```\n\n"
                + "Let me know if you need any further changes!");

        summarize(marker).statusCode(200)
                .body("title", equalTo("New harbour bath opens in Aalborg"))
                .body("translation", equalTo(translation(marker, "\n\n")))
                .body("summary", hasSize(3));
        assertOneCall();
        assertEquals(before + 1, repairs("json-syntax"));
    }

    @Test
    void qwenCapitalizedKeysAndTheSummaryAsOneStringOfDashLines() {
        String marker = "qwen-string";
        answer("```json\n{\"Title\": \"New harbour bath opens in Aalborg\", \"Translation\": "
                + escaped(translation(marker, "\n\n")) + ", \"Summary\": \"- Aalborg opens a new harbour bath on"
                + " Saturday.\\n- The bath has room for 450 guests.\\n- It cost 18.5 million kroner.\"}\n```");

        summarize(marker).statusCode(200).body("summary", contains("Aalborg opens a new harbour bath on Saturday.",
                "The bath has room for 450 guests.", "It cost 18.5 million kroner."));
        assertOneCall();
    }

    @Test
    void mistralHeadlineAndNumberedBulletsWithATrailingComma() {
        String marker = "mistral-bullets";
        answer("{\n\"headline\": \"New harbour bath opens in Aalborg\",\n\"translation\": "
                + escaped(translation(marker, "\n\n")) + ",\n\"bullets\": [\"1. Aalborg opens a harbour bath on"
                + " Saturday.\", \"2. **Capacity:** 450 guests.\", \"3. The bath cost 18.5 million kroner.\",],\n}");

        summarize(marker).statusCode(200)
                .body("title", equalTo("New harbour bath opens in Aalborg"))
                .body("summary", contains("Aalborg opens a harbour bath on Saturday.", "Capacity: 450 guests.",
                        "The bath cost 18.5 million kroner."));
        assertOneCall();
    }

    @Test
    void gptTwoSentenceBulletsAndTooManyBulletsAreSplitAndTrimmed() {
        String marker = "gpt-chatty";
        answer("{\"title\":\"New harbour bath opens in Aalborg\",\"translation\":" + escaped(translation(marker,
                "\n\n")) + ",\"summary\":[\"Aalborg opens a new harbour bath on Saturday. It is at Vestre"
                + " Fjordpark.\",\"The bath has room for 450 guests.\",\"It cost 18.5 million kroner.\","
                + "\"It is open every day.\",\"It opens at 10 am.\",\"It closes at 8 pm.\","
                + "\"It stays open until 15 September.\",\"Mette Søgaard welcomes it.\"]}");

        summarize(marker).statusCode(200)
                .body("summary", hasSize(7))
                .body("summary[0]", equalTo("Aalborg opens a new harbour bath on Saturday."))
                .body("summary[1]", equalTo("It is at Vestre Fjordpark."));
        assertOneCall();
    }

    @Test
    void aMissingTitleIsMadeFromTheFirstBullet() {
        String marker = "no-title";
        answer("{\"translation\": " + escaped(translation(marker, "\n\n")) + ", \"summary\": [\"Aalborg opens a"
                + " new harbour bath on Saturday.\", \"The bath has room for 450 guests.\", \"It cost 18.5 million"
                + " kroner.\"]}");

        summarize(marker).statusCode(200).body("title", equalTo("Aalborg opens a new harbour bath on Saturday"));
        assertOneCall();
    }

    @Test
    void singleQuotesBulletObjectsAndParagraphsOnSingleLineBreaks() {
        String marker = "single-quotes";
        String english = translation(marker, "\n").replace("'", "’");
        answer("{'result': {'title': 'New harbour bath opens in Aalborg', 'translation': '"
                + english.replace("\"", "\\\"").replace("\n", "\\n") + "', 'summary': [{'point': 'Aalborg opens a"
                + " new harbour bath on Saturday.'}, {'point': 'The bath has room for 450 guests.'}, {'point': 'It"
                + " cost 18.5 million kroner.'}]}}");

        summarize(marker).statusCode(200)
                .body("translation", equalTo(translation(marker, "\n\n")))
                .body("summary[2]", equalTo("It cost 18.5 million kroner."));
        assertOneCall();
    }

    @Test
    void transliteratedAndTranslatedNamesAreNotInvented() {
        String marker = "names";
        answer("{\"title\": \"New harbour bath opens in Aalborg\", \"translation\": "
                + escaped(translation(marker, "\n\n")) + ", \"summary\": [\"The Danish city of Aalborg opens a"
                + " harbour bath on Saturday.\", \"Councillor Mette Soegaard says families have waited long.\","
                + " \"It is open from 10 am to 8 pm until 15 September.\"]}");

        summarize(marker).statusCode(200);
        assertOneCall();
    }

    @Test
    void twoBulletsAreAskedForAgainAndThenRefusedAndNothingIsCached() {
        String marker = "two-bullets";
        answer("{\"title\": \"New harbour bath opens in Aalborg\", \"translation\": "
                + escaped(translation(marker, "\n\n")) + ", \"summary\": \"- Aalborg opens a harbour bath.\\n- It"
                + " has room for 450 guests.\"}");

        assertProblem(summarize(marker), 502, "llm-unusable-answer");
        assertEquals(2, chatRequests(openAi).size());
        assertTrue(promptOf(chatRequests(openAi).get(1)).contains("between 3 and 7"));

        assertProblem(summarize(marker), 502, "llm-unusable-answer");
        assertEquals(4, chatRequests(openAi).size(), "a refused answer was not cached");
    }

    @Test
    void anInventedNameIsAskedForAgainThenRefused() {
        String marker = "invented-name";
        answer("{\"title\": \"New harbour bath opens in Aalborg\", \"translation\": "
                + escaped(translation(marker, "\n\n")) + ", \"summary\": [\"Aalborg opens a harbour bath on"
                + " Saturday.\", \"Mayor Thomas Kastrup-Larsen cut the ribbon.\", \"The bath has room for 450"
                + " guests.\"]}");

        assertProblem(summarize(marker), 502, "llm-unusable-answer");
        assertTrue(promptOf(chatRequests(openAi).get(1)).contains("Kastrup-Larsen"),
                "the reprompt names the invented name");
    }

    @Test
    void jsonThatNeverEndsIsAskedForAgain() {
        String marker = "unterminated";
        String cut = "{\"title\": \"New harbour bath opens in Aalborg\", \"translation\": \"Aalborg Municipality is"
                + " opening a new harbour bath";
        String whole = "{\"title\": \"New harbour bath opens in Aalborg\", \"translation\": "
                + escaped(translation(marker, "\n\n")) + ", \"summary\": [\"Aalborg opens a harbour bath.\", \"It"
                + " has room for 450 guests.\", \"It cost 18.5 million kroner.\"]}";
        openAi.stubFor(chatCompletion().inScenario("cut").whenScenarioStateIs(STARTED)
                .willReturn(completion(cut, "stop", 400, 30)).willSetStateTo("whole"));
        openAi.stubFor(chatCompletion().inScenario("cut").whenScenarioStateIs("whole")
                .willReturn(completion(whole, "stop", 400, 300)));

        summarize(marker).statusCode(200).body("title", startsWith("New harbour bath"));
        assertEquals(2, chatRequests(openAi).size());
    }
}
