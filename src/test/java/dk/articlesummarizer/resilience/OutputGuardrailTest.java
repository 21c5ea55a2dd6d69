package dk.articlesummarizer.resilience;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dk.articlesummarizer.resilience.ProviderFaultTest.assertProblem;
import static dk.articlesummarizer.resilience.ProviderFaultTest.summarize;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static dk.articlesummarizer.support.OpenAiStubs.promptOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs.FakeAnswer;
import dk.articlesummarizer.support.OpenAiStubs;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What the model answers is checked; a bad answer is asked for once more, then refused. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class OutputGuardrailTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    MeterRegistry metrics;

    private final FakeAnswer good = OpenAiStubs.sampleAnswer("the harbour bath");

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    private static ResponseDefinitionBuilder content(String content) {
        return completion(content, "stop", 100, 50);
    }

    private void firstThenGood(ResponseDefinitionBuilder first) {
        openAi.stubFor(chatCompletion().inScenario("reprompt").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("asked again"));
        openAi.stubFor(chatCompletion().inScenario("reprompt").whenScenarioStateIs("asked again")
                .willReturn(answering(good)));
    }

    private double violations(String cause) {
        var counter = metrics.find("summarizer.guardrail.violations").tag("cause", cause).counter();
        return counter == null ? 0 : counter.count();
    }

    private String repromptText() {
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = chatRequests(openAi);
        assertEquals(2, requests.size());
        return promptOf(requests.get(1));
    }

    @Test
    void fencedJsonIsAccepted() {
        openAi.stubFor(chatCompletion().willReturn(content("```json\n" + good.asJson() + "\n```")));

        summarize("fenced").statusCode(200).body("title", equalTo(good.title()));
        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void jsonAfterASentenceWithExtraFieldsIsAccepted() {
        String withExtra = good.asJson().replaceFirst("\\{", "{\"confidence\": 0.9, \"notes\": [\"x\"], ");
        openAi.stubFor(chatCompletion().willReturn(content("Here is the requested JSON:\n" + withExtra + "\nDone.")));

        summarize("sentence-first").statusCode(200).body("summary", contains(good.summary().toArray()));
        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void listMarkersOnBulletsAreRepaired() {
        FakeAnswer marked = new FakeAnswer(good.title(), good.translation(),
                good.summary().stream().map(bullet -> "- " + bullet).toList(), 1, 1);
        openAi.stubFor(chatCompletion().willReturn(answering(marked)));

        summarize("markers").statusCode(200).body("summary", contains(good.summary().toArray()));
    }

    @Test
    void proseOnceThenJsonIsRepromptedAndSucceeds() {
        double before = violations("not-json");
        firstThenGood(content("I translated the article about the harbour bath for you."));

        summarize("prose-once").statusCode(200).body("title", equalTo(good.title()));
        assertTrue(repromptText().contains("was not a JSON object"), "the reprompt says what was wrong");
        assertEquals(before + 1, violations("not-json"));
    }

    @Test
    void proseAlwaysIsA502AfterOneReprompt() {
        openAi.stubFor(chatCompletion().willReturn(content("Sorry, I cannot help with that.")));

        assertProblem(summarize("prose-always"), 502, "llm-unusable-answer");
        assertEquals(2, chatRequests(openAi).size());
    }

    @Test
    void missingFieldIsRefused() {
        openAi.stubFor(chatCompletion().willReturn(content("{\"title\": \"A headline\", \"summary\": [\"One.\"]}")));

        assertProblem(summarize("missing-field"), 502, "llm-unusable-answer");
        assertEquals(2, chatRequests(openAi).size());
    }

    @Test
    void truncatedAnswerIsRepromptedAndSucceeds() {
        String cut = good.asJson().substring(0, good.asJson().length() / 2);
        firstThenGood(completion(cut, "length", 100, 4096));

        summarize("truncated").statusCode(200);
        assertTrue(repromptText().contains("cut off"));
    }

    @Test
    void inventedNumberOnceThenCleanAnswerSucceeds() {
        FakeAnswer invented = new FakeAnswer(good.title(), good.translation(),
                List.of("The bath has room for 4500 guests.", "It opens on Saturday.", "It is open every day."), 1, 1);
        firstThenGood(answering(invented));

        summarize("invented-number").statusCode(200).body("summary", contains(good.summary().toArray()));
        assertTrue(repromptText().contains("4500"), "the reprompt names the invented number");
    }

    @Test
    void numbersFromTheSourceInEnglishFormatAreAccepted() {
        // The source says "450 gæster", "18,5 millioner kroner" and "klokken 10 til 20" and "15. september".
        FakeAnswer faithful = new FakeAnswer("Aalborg opens a harbour bath for 450 guests", good.translation(),
                List.of("The bath cost 18.5 million kroner.", "It is open from 10 am to 8 pm.",
                        "It stays open until 15 September."), 1, 1);
        openAi.stubFor(chatCompletion().willReturn(answering(faithful)));

        summarize("faithful-numbers").statusCode(200);
        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void tooFewBulletsAlwaysIsA502() {
        FakeAnswer twoBullets = new FakeAnswer(good.title(), good.translation(), good.summary().subList(0, 2), 1, 1);
        openAi.stubFor(chatCompletion().willReturn(answering(twoBullets)));

        assertProblem(summarize("two-bullets"), 502, "llm-unusable-answer");
        assertEquals(2, chatRequests(openAi).size());
        assertTrue(repromptText().contains("between 3 and 7"));
    }

    @Test
    void summaryPretendingToBeATranslationIsRefused() {
        FakeAnswer shortened = new FakeAnswer(good.title(), "A harbour bath opens.", good.summary(), 1, 1);
        firstThenGood(answering(shortened));

        summarize("too-short").statusCode(200);
        assertTrue(repromptText().contains("do not summarize"));
    }

    @Test
    void translationThatIsStillDanishIsRefused() {
        String danish = "Aalborg Kommune åbner på lørdag et nyt havnebad ved Vestre Fjordpark, og badet har plads til"
                + " mange gæster. Rådmanden siger, at børnefamilierne endelig kan hoppe i vandet midt i byen, og"
                + " at badet er åbent hver dag hele sommeren. ";
        FakeAnswer untranslated = new FakeAnswer(good.title(), danish.repeat(3), good.summary(), 1, 1);
        firstThenGood(answering(untranslated));

        summarize("still-danish").statusCode(200);
        assertTrue(repromptText().contains("not in English"));
    }
}
