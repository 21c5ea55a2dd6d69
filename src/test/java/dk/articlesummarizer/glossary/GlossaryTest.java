package dk.articlesummarizer.glossary;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.promptOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs.FakeAnswer;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.ServerSentEvents;
import dk.articlesummarizer.support.TempFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The house glossary and a request's own, in the prompt, enforced in the answer, and part of the cache key. */
@QuarkusTest
@TestProfile(GlossaryTest.HouseGlossaryFile.class)
@WithTestResource(FakeOpenAi.class)
class GlossaryTest {

    static final Path FILE = file("""
            danish,english
            # the house's names and terms
            Forsvarsakademiet,the Royal Danish Defence College
            Zelenskyj,Zelenskyy
            Folketinget,
            Prigosjin,Prigozhin
            """);
    private static final String ACADEMY = "the Royal Danish Defence College";

    public static class HouseGlossaryFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.glossary.file", FILE.toString());
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    static Path file(String content) {
        return TempFiles.withContent("glossary", ".csv", content);
    }

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    private static String article(String marker) {
        return Articles.uniqueDanish("glossar-forsvar.txt", marker + "-" + System.nanoTime());
    }

    /** A faithful English answer for the sample, with the given renderings of the academy and the president. */
    private static FakeAnswer answer(String academy, String academyGenitive, String president) {
        String translation = String.join("\n\n",
                capitalized(academy) + " in Copenhagen will open a new programme in cyber defence for 120 officers"
                        + " this autumn, the college said in a press release on Tuesday.",
                "According to " + academyGenitive + " rector, Major General Henrik Lund, the need has grown"
                        + " markedly since Russia's attack on Ukraine began. \"We must be able to defend ourselves"
                        + " online as well as on the ground,\" he says.",
                "Ukraine's president, Volodymyr " + president + ", visited the college in March and spoke about"
                        + " the experience of the war. The visit was followed by several members of Folketinget.",
                "The programme costs 45 million kroner over three years and is financed by the defence agreement"
                        + " that Folketinget adopted last year.",
                "The first classes begin on 1 September, and the college expects to admit 40 students a year.",
                "The case is registered under a file number.");
        return new FakeAnswer("Defence college opens cyber programme", translation, List.of(
                capitalized(academy) + " opens a cyber defence programme this autumn.",
                "Major General Henrik Lund says the need has grown since the war in Ukraine began.",
                "President Volodymyr " + president + " visited the college in March."), 900, 300);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static ValidatableResponse summarize(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/summarize").then();
    }

    @Test
    void onlyTheEntriesInTheArticleGoToThePromptAndTheAnswerHonoursThem() {
        openAi.stubFor(chatCompletion().willReturn(answering(answer(ACADEMY, ACADEMY + "'s", "Zelenskyy"))));

        summarize(Map.of("text", article("ordliste"))).statusCode(200)
                .body("translation", containsString("Volodymyr Zelenskyy"));

        assertEquals(1, chatRequests(openAi).size());
        String prompt = promptOf(chatRequests(openAi).get(0));
        assertTrue(prompt.contains("<<<GLOSSARY\nForsvarsakademiet => " + ACADEMY + "\nZelenskyj => Zelenskyy\n"
                + "Folketinget => (keep as written)\nGLOSSARY>>>"), prompt);
        assertFalse(prompt.contains("Prigosjin"), "an entry the article does not have stays out of the prompt");
    }

    @Test
    void wrongFormsThatCanBeLocatedArePutRightWithoutAnotherCall() {
        // The academy left in Danish (genitive too) and the president spelled the usual English way.
        openAi.stubFor(chatCompletion().willReturn(answering(answer("Forsvarsakademiet", "Forsvarsakademiets",
                "Zelensky"))));

        ValidatableResponse answered = summarize(Map.of("text", article("rettes"))).statusCode(200);

        String translation = answered.extract().path("translation");
        assertTrue(translation.startsWith("The Royal Danish Defence College in Copenhagen"), translation);
        assertTrue(translation.contains("According to " + ACADEMY + "'s rector"), translation);
        assertTrue(translation.contains("Volodymyr Zelenskyy,"), translation);
        List<String> bullets = answered.extract().path("summary");
        assertEquals("President Volodymyr Zelenskyy visited the college in March.", bullets.get(2));
        assertFalse(translation.contains("Forsvarsakademiet"), translation);
        assertEquals(1, chatRequests(openAi).size(), "repaired, not asked again");
    }

    @Test
    void aTermThatCannotBeLocatedIsAskedForOnceMoreAndThenTheAnswerIsUnusable() {
        openAi.stubFor(chatCompletion().willReturn(answering(answer("the defence academy", "the academy's",
                "Zelenskyy"))));

        summarize(Map.of("text", article("mangler"))).statusCode(502)
                .body("type", equalTo("urn:article-summarizer:problem:llm-unusable-answer"));

        assertEquals(2, chatRequests(openAi).size());
        String reprompt = promptOf(chatRequests(openAi).get(1));
        assertTrue(reprompt.contains("render \"Forsvarsakademiet\" (in any form) as \"" + ACADEMY + "\""), reprompt);
    }

    @Test
    void aTermGivenRightAfterTheRepromptIsAccepted() {
        openAi.stubFor(chatCompletion().inScenario("glossary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answering(answer("the defence academy", "the academy's", "Zelenskyy")))
                .willSetStateTo("told"));
        openAi.stubFor(chatCompletion().inScenario("glossary").whenScenarioStateIs("told")
                .willReturn(answering(answer(ACADEMY, ACADEMY + "'s", "Zelenskyy"))));

        summarize(Map.of("text", article("anden-gang"))).statusCode(200)
                .body("translation", containsString(ACADEMY));
        assertEquals(2, chatRequests(openAi).size());
    }

    @Test
    void aRequestsGlossaryOverridesTheHousesAndIsPartOfTheCacheKey() {
        String academy = "the Danish Defence Academy";
        openAi.stubFor(chatCompletion().willReturn(answering(answer(academy, academy + "'s", "Zelenskyy"))));
        String text = article("egen");
        Map<String, Object> withOwn = Map.of("text", text, "glossary", Map.of("Forsvarsakademiet", academy));

        summarize(withOwn).statusCode(200).header("X-Cache", "MISS");
        String prompt = promptOf(chatRequests(openAi).get(0));
        assertTrue(prompt.contains("Forsvarsakademiet => " + academy + "\n"), prompt);
        assertFalse(prompt.contains(ACADEMY), "the request's entry replaces the house's");

        summarize(withOwn).statusCode(200).header("X-Cache", "HIT");
        Map<String, Object> changed = Map.of("text", text, "glossary", Map.of("Forsvarsakademiet", academy,
                "Folketinget", "the Danish Parliament"));
        summarize(changed).statusCode(200).header("X-Cache", "MISS")
                .body("translation", containsString("members of the Danish Parliament"));
        assertEquals(2, chatRequests(openAi).size(), "a changed glossary is another answer");
        Map<String, Object> unrelated = Map.of("text", text, "glossary", Map.of("Forsvarsakademiet", academy,
                "Statsministeriet", "the Prime Minister's Office"));
        int calls = chatRequests(openAi).size();
        summarize(unrelated).statusCode(200).header("X-Cache", "HIT");
        assertEquals(calls, chatRequests(openAi).size(), "an entry the article does not have changes nothing");
    }

    @Test
    void invalidGlossariesAreRefusedBeforeTheLlm() {
        String text = article("ugyldig");
        summarize(Map.of("text", text, "glossary", Map.of("x", "y"))).statusCode(400)
                .body("detail", containsString("at least 2 characters"));
        summarize(Map.of("text", text, "glossary", Map.of("Forsvar => x", "y"))).statusCode(400)
                .body("detail", containsString("'=>'"));
        summarize(Map.of("text", text, "glossary", List.of("Forsvarsakademiet"))).statusCode(400)
                .body("detail", containsString("glossary"));
        summarize(Map.of("text", text, "glossary", Map.of("Forsvarsakademiet", 7))).statusCode(400);
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i < 201; i++) {
            tooMany.put("term" + i, "term " + i);
        }
        summarize(Map.of("text", text, "glossary", tooMany)).statusCode(400)
                .body("detail", containsString("SUMMARIZER_GLOSSARY_MAX_REQUEST_ENTRIES"));
        assertEquals(0, chatRequests(openAi).size());
    }

    @Test
    void batchArticlesAndStreamsUseTheirGlossaryToo() {
        openAi.stubFor(chatCompletion().willReturn(answering(answer(ACADEMY, ACADEMY + "'s", "Zelensky"))));
        openAi.stubFor(chatCompletion().withRequestBody(matchingJsonPath("$.stream", WireMock.equalTo("true")))
                .atPriority(1).willReturn(OpenAiStubs.streamed(answer(ACADEMY, ACADEMY + "'s", "Zelensky").asJson(),
                        40, 900, 300)));

        given().contentType(ContentType.JSON).body(Map.of("articles", List.of(Map.of("text", article("batch"),
                "glossary", Map.of("Henrik Lund", "Henrik Lund (rector)"))))).post("/summarize/batch").then()
                .statusCode(200).body("results[0].status", equalTo(200))
                .body("results[0].translation", containsString("Major General Henrik Lund (rector)"));
        assertTrue(promptOf(chatRequests(openAi).get(0)).contains("Henrik Lund => Henrik Lund (rector)"));

        List<ServerSentEvents.Event> events = ServerSentEvents.parse(given().contentType(ContentType.JSON)
                .accept("text/event-stream").body(Map.of("text", article("strøm"))).post("/summarize").then()
                .statusCode(200).extract().asString());
        ServerSentEvents.Event last = events.get(events.size() - 1);
        assertEquals("answer", last.name(), events.toString());
        assertTrue(last.data().path("translation").asText().contains("Volodymyr Zelenskyy,"),
                "the streamed answer is put right before it is sent");
    }
}
