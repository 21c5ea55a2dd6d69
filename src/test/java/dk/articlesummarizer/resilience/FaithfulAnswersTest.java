package dk.articlesummarizer.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dk.articlesummarizer.pipeline.ContextBudget;
import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.text.Chunker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Faithful and traceable answers (issue 35), over real HTTP against a fake provider that answers the way real
 * models do: bullets cite the paragraphs they rest on, quotes stay quotes, a name or glossary term takes one form,
 * fields in other JSON shapes keep their meaning, and every answer says which model made it. Each test fails
 * without the rule it is named for. Updates are in {@link FaithfulUpdateCitationsTest}, a fallback model's
 * disclosure in {@link FaithfulDisclosureFallbackTest}.
 */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class FaithfulAnswersTest {

    static final String DISCLOSURE = "Machine-translated and summarised by " + FakeOpenAi.MODEL
            + "; not reviewed by an editor.";

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    ContextBudget budget;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    // ---- helpers ----

    private static JsonPath summarize(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/summarize").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath summarize(String text) {
        return summarize(Map.of("text", text));
    }

    private static String answerJson(String title, Object translation, Object summary) {
        return OpenAiStubs.write(Map.of("title", title, "translation", translation, "summary", summary));
    }

    private void answer(String content) {
        openAi.stubFor(chatCompletion().willReturn(completion(content, "stop", 400, 300)));
    }

    /** The model's first answer, then (asked again, with a correction) the second. */
    private void firstThen(String first, String second) {
        openAi.stubFor(chatCompletion().inScenario("corrected").whenScenarioStateIs(STARTED)
                .willReturn(completion(first, "stop", 400, 300)).willSetStateTo("asked again"));
        openAi.stubFor(chatCompletion().inScenario("corrected").whenScenarioStateIs("asked again")
                .willReturn(completion(second, "stop", 400, 300)));
    }

    private void assertOneCall() {
        assertEquals(1, chatRequests(openAi).size(), "accepted (and repaired) without asking again");
    }

    /** The correction: the last user message of the second request, which carries the first answer before it. */
    private String correction(String firstAnswer) {
        List<LoggedRequest> requests = chatRequests(openAi);
        assertEquals(2, requests.size(), "asked once more, with a correction");
        JsonNode messages = OpenAiStubs.read(requests.get(1).getBodyAsString()).path("messages");
        String last = null;
        boolean answerShown = false;
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").asText())) {
                last = message.path("content").asText();
            }
            answerShown |= "assistant".equals(message.path("role").asText())
                    && firstAnswer.equals(message.path("content").asText());
        }
        assertTrue(answerShown, "the second request shows the model its first answer");
        assertEquals("user", messages.get(messages.size() - 1).path("role").asText());
        return last;
    }

    private static List<Integer> cited(JsonPath answer, int bullet) {
        return answer.getList("bullets[" + bullet + "].paragraphs", Integer.class);
    }

    /** The bullets' texts are the summary's, in order. */
    private static void assertBulletsAreTheSummary(JsonPath answer) {
        List<String> summary = answer.getList("summary", String.class);
        assertEquals(summary.size(), answer.getList("bullets").size());
        for (int i = 0; i < summary.size(); i++) {
            assertEquals(summary.get(i), answer.getString("bullets[" + i + "].text"), "bullet " + i);
        }
    }

    private static int count(String text, String word) {
        Matcher found = Pattern.compile("(?<!\\p{L})" + Pattern.quote(word) + "(?!\\p{L})").matcher(text);
        int count = 0;
        while (found.find()) {
            count++;
        }
        return count;
    }

    /** Every text the caller reads: translation, headline, summary and the bullets' texts. */
    private static List<String> texts(JsonPath answer) {
        List<String> texts = new ArrayList<>();
        texts.add(answer.getString("translation"));
        texts.add(answer.getString("title"));
        texts.addAll(answer.getList("summary", String.class));
        texts.addAll(answer.getList("bullets.text", String.class));
        return texts;
    }

    // ---- 1. Citations ----

    /** A faithful English translation of fem-afsnit-bibliotek.txt, paragraph for paragraph. */
    private static final List<String> LIBRARY = List.of(
            "Skanderborg City Council voted on Tuesday evening to build a new main library by the lake. The decision"
                    + " was taken by 19 votes to 6.",
            "The library is planned to cost 84 million kroner and will have three floors with reading rooms,"
                    + " workshops and a café.",
            "The chair of the culture committee, Birgitte Holmgaard, calls the building a boost for the whole"
                    + " municipality. She points out that lending has risen by 14 per cent in five years.",
            "The architecture firm Nordlys won the design competition among 37 entries, and construction begins in"
                    + " 2026.",
            "The opposition, led by Kasper Vindeløv, believes that the money should rather be spent on the schools.");

    @Test
    void eachBulletCitesTheParagraphsItRestsOnCountedFromOne() {
        List<String> bullets = List.of(
                "Skanderborg City Council approved the library by 19 votes to 6.",
                "The library is planned to cost 84 million kroner.",
                "Birgitte Holmgaard says lending has risen by 14 per cent in five years.",
                "The architecture firm Nordlys won the design competition among 37 entries.",
                // Facts of paragraphs 2 and 4 in one sentence.
                "The library will cost 84 million kroner, and construction begins in 2026.",
                // No number and no name: located by its words.
                "Opponents would rather see the money spent on schools.");
        answer(answerJson("Skanderborg approves a new main library", String.join("\n\n", LIBRARY), bullets));

        JsonPath answer = summarize(Articles.load("fem-afsnit-bibliotek.txt"));

        assertEquals(bullets, answer.getList("summary", String.class));
        assertBulletsAreTheSummary(answer);
        assertEquals(List.of(1), cited(answer, 0));
        assertEquals(List.of(2), cited(answer, 1));
        assertEquals(List.of(3), cited(answer, 2));
        assertEquals(List.of(4), cited(answer, 3));
        assertEquals(List.of(2, 4), cited(answer, 4), "a bullet combining two paragraphs cites both, in order");
        assertEquals(List.of(5), cited(answer, 5));
        assertEquals(DISCLOSURE, answer.getString("disclosure"));
        assertOneCall();
    }

    /**
     * A long article is translated passage by passage and summarised from the passages' key facts; its bullets cite
     * the paragraphs of the whole article, not of the passage a fact came from.
     */
    @Test
    void aLongArticlesBulletsCiteParagraphsOfTheWholeArticle() {
        // Paragraphs of two fifths of a passage: at most two to a passage, so each one's first sentence is a fact.
        int paragraphChars = budget.passageChars() * 2 / 5;
        String plain = "Resten af beboerne bakker op om projektet eller har endnu ikke taget stilling. Borgmesteren vil"
                + " ikke udelukke, at tidsplanen bliver ændret.";
        String filler = "Udvalget har drøftet sagen flere gange i løbet af året, og der er stadig uenighed om, hvordan"
                + " pengene bedst bliver brugt til gavn for de borgere, der bor i området omkring havnen.";
        Map<Integer, String> facts = Map.of(
                4, "En rundspørge blandt 312 beboere viser, at 41 procent er imod.",
                8, "Byggeriet forventes at begynde i 2027 og være færdigt i 2031.",
                10, "Direktør Anne-Marie Lund oplyser, at arbejdet koster omkring 21,4 mio. kr. i alt.");
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            StringBuilder paragraph = new StringBuilder(facts.getOrDefault(i, filler));
            while (paragraph.length() < paragraphChars - plain.length()) {
                paragraph.append(' ').append(facts.containsKey(i) ? plain : filler);
            }
            paragraphs.add(paragraph.toString());
        }
        String article = String.join("\n\n", paragraphs);
        assertTrue(article.length() > 3 * budget.passageChars(), "several passages");
        // Passages are translated by the fake translator; the headline and bullets are written from their facts.
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
        List<String> bullets = List.of(
                "A survey of 312 residents shows that 41 per cent are against.",
                "Construction is expected to begin in 2027 and be finished in 2031.",
                "Director Anne-Marie Lund puts the total cost at around DKK 21.4 million.",
                "Construction begins in 2027, and Anne-Marie Lund expects a cost of DKK 21.4 million.");
        openAi.stubFor(chatCompletion().withRequestBody(containing("news editor")).atPriority(1)
                .willReturn(completion(OpenAiStubs.write(Map.of("title", "Residents divided over the project",
                        "summary", bullets)), "stop", 300, 100)));

        JsonPath answer = summarize(article);

        assertTrue(answer.getInt("chunks") > 1, "translated in passages: " + answer.getInt("chunks"));
        assertEquals(12, Chunker.paragraphs(answer.getString("translation")).size());
        assertEquals(bullets, answer.getList("summary", String.class));
        assertBulletsAreTheSummary(answer);
        assertEquals(List.of(5), cited(answer, 0));
        assertEquals(List.of(9), cited(answer, 1));
        assertEquals(List.of(11), cited(answer, 2));
        assertEquals(List.of(9, 11), cited(answer, 3));
    }

    // ---- 2. Quotes ----

    private static final String SPEECH_DA = "Vi beklager generne for bilisterne, men broen skal sikres, før vinteren"
            + " kommer";
    private static final String SPEECH_EN = "We are sorry for the inconvenience to motorists, but the bridge must be"
            + " secured before winter comes";
    private static final String INDIRECT_EN = "Project manager Anders Bækgaard apologises for the inconvenience to"
            + " motorists, but says the bridge must be secured before winter comes.";

    /** Our article about a bridge, with its one quotation as given and a marker paragraph (cache). */
    private static String bridge(String quotation, String marker) {
        return String.join("\n\n",
                "Vejdirektoratet lukker fra mandag broen over Gudenåen ved Randers i tre uger, fordi broen trænger"
                        + " til en hastende reparation.",
                quotation,
                "Trafikken ledes i mellemtiden ad motorvejen, hvor der bliver sat ekstra skilte op.",
                "Sagen er registreret under journalnummer " + marker + ".");
    }

    private static String bridgeInEnglish(String quotation, String marker) {
        return String.join("\n\n",
                "The Danish Road Directorate will close the bridge over the Gudenå at Randers for three weeks from"
                        + " Monday, because the bridge needs urgent repairs.",
                quotation,
                "In the meantime, traffic will be diverted via the motorway, where extra signs will be put up.",
                "The case is registered under file number " + marker + ".");
    }

    private static final String QUOTED_DA = "\"" + SPEECH_DA + ",\" siger projektleder Anders Bækgaard.";
    private static final String QUOTED_EN = "\"" + SPEECH_EN + ",\" says project manager Anders Bækgaard.";
    private static final List<String> BRIDGE_BULLETS = List.of(
            "The bridge over the Gudenå at Randers closes for three weeks from Monday.",
            "Anders Bækgaard says the bridge must be secured before winter.",
            "Traffic will be diverted via the motorway.");

    private static String bridgeAnswer(String translation, Object bullets) {
        return answerJson("Bridge at Randers closes for repairs", translation, bullets);
    }

    @Test
    void aDroppedQuotationIsAskedForAgainWithTheCountAndTheFaithfulAnswerIsReturned() {
        String marker = "quote-dropped";
        String paraphrased = bridgeAnswer(bridgeInEnglish(INDIRECT_EN, marker), BRIDGE_BULLETS);
        String faithful = bridgeInEnglish(QUOTED_EN, marker);
        firstThen(paraphrased, bridgeAnswer(faithful, BRIDGE_BULLETS));

        JsonPath answer = summarize(bridge(QUOTED_DA, marker));

        assertEquals(faithful, answer.getString("translation"));
        String correction = correction(paraphrased);
        assertTrue(correction.contains("the article has 1, the translation has 0"), correction);
        assertTrue(correction.contains("quotation"), correction);
    }

    @Test
    void danishQuotationMarksInTheTranslationBecomeEnglishOnesWithoutAskingAgain() {
        String marker = "quote-guillemets";
        String kept = "»" + SPEECH_EN + ",« says project manager Anders Bækgaard.";
        answer(bridgeAnswer(bridgeInEnglish(kept, marker), BRIDGE_BULLETS));

        JsonPath answer = summarize(bridge("»" + SPEECH_DA + ",« siger projektleder Anders Bækgaard.", marker));

        String translation = answer.getString("translation");
        assertTrue(translation.contains("“" + SPEECH_EN + ",” says project manager Anders Bækgaard."), translation);
        assertFalse(translation.contains("»") || translation.contains("«"), translation);
        assertEquals(bridgeInEnglish("“" + SPEECH_EN + ",” says project manager Anders Bækgaard.", marker),
                translation);
        assertOneCall();
    }

    @Test
    void quotationMarksAroundAParaphraseInABulletAreRemovedWithoutAskingAgain() {
        String marker = "quote-paraphrase";
        List<String> bullets = List.of(
                "The bridge over the Gudenå at Randers closes because it \"needs urgent repairs\".",
                "Anders Bækgaard says the bridge must be secured before winter.",
                "Traffic will be diverted via the motorway.");
        answer(bridgeAnswer(bridgeInEnglish(QUOTED_EN, marker), bullets));

        JsonPath answer = summarize(bridge(QUOTED_DA, marker));

        assertEquals("The bridge over the Gudenå at Randers closes because it needs urgent repairs.",
                answer.getString("summary[0]"));
        assertEquals(answer.getString("summary[0]"), answer.getString("bullets[0].text"));
        assertEquals(bridgeInEnglish(QUOTED_EN, marker), answer.getString("translation"),
                "the translation's own quotation keeps its marks");
        assertOneCall();
    }

    @Test
    void aBulletQuotingWordsNobodySaidIsAskedForAgain() {
        String marker = "quote-invented";
        List<String> invented = List.of(
                "The bridge over the Gudenå at Randers closes for three weeks from Monday.",
                "Anders Bækgaard calls the closure \"a necessary evil for everyone\".",
                "Traffic will be diverted via the motorway.");
        String first = bridgeAnswer(bridgeInEnglish(QUOTED_EN, marker), invented);
        firstThen(first, bridgeAnswer(bridgeInEnglish(QUOTED_EN, marker), BRIDGE_BULLETS));

        JsonPath answer = summarize(bridge(QUOTED_DA, marker));

        assertEquals(BRIDGE_BULLETS, answer.getList("summary", String.class));
        String correction = correction(first);
        assertTrue(correction.contains("quotation marks around words nobody"), correction);
        assertTrue(correction.contains("a necessary evil for everyone"), "names the invented quote: " + correction);
    }

    @Test
    void aDialogueDashQuoteCountsAsAQuote() {
        String marker = "quote-dialogue-dash";
        String paraphrased = bridgeAnswer(bridgeInEnglish(INDIRECT_EN, marker), BRIDGE_BULLETS);
        String faithful = bridgeInEnglish(QUOTED_EN, marker);
        firstThen(paraphrased, bridgeAnswer(faithful, BRIDGE_BULLETS));

        JsonPath answer = summarize(bridge("– " + SPEECH_DA + ", siger projektleder Anders Bækgaard.", marker));

        assertEquals(faithful, answer.getString("translation"));
        String correction = correction(paraphrased);
        assertTrue(correction.contains("the article has 1, the translation has 0"), correction);
    }

    // ---- 3. One form per name and term ----

    @Test
    void aGlossaryTermTakesItsFormEverywhereWithoutAskingAgain() {
        String article = String.join("\n\n",
                "En ny dokumentarfilm om lejesoldatergruppen Wagner og dens tidligere leder, Jevgenij Prigosjin, har"
                        + " premiere i Aarhus i næste uge.",
                "Instruktøren, Sofie Lindberg, har arbejdet på filmen i fire år og har blandt andet talt med"
                        + " tidligere soldater fra gruppen.",
                "Ifølge Lindberg var Jevgenij Prigosjin en mand, der byggede sin magt på frygt og loyalitet.");
        String translation = String.join("\n\n",
                "A new documentary about the Wagner mercenary group and its former leader, Prigozhin, premieres in"
                        + " Aarhus next week.",
                "The director, Sofie Lindberg, has worked on the film for four years and has, among other things,"
                        + " talked to former soldiers from the group.",
                "According to Lindberg, Jevgenij Prigosjin was a man who built his power on fear and loyalty.");
        answer(answerJson("Documentary about Prigosjin premieres in Aarhus", translation, List.of(
                "A documentary about the Wagner group premieres in Aarhus next week.",
                "Sofie Lindberg has worked on the film for four years.",
                "The film portrays Prigosjin as a man who built his power on fear.")));
        Map<String, Object> body = new HashMap<>();
        body.put("text", article);
        body.put("glossary", Map.of("Prigosjin", "Prigozhin"));

        JsonPath answer = summarize(body);

        for (String text : texts(answer)) {
            assertFalse(text.contains("Prigosjin"), "the glossary's form only: " + text);
        }
        assertEquals(2, count(answer.getString("translation"), "Prigozhin"), answer.getString("translation"));
        assertEquals("Documentary about Prigozhin premieres in Aarhus", answer.getString("title"));
        assertEquals("The film portrays Prigozhin as a man who built his power on fear.",
                answer.getString("bullets[2].text"));
        assertOneCall();
    }

    @Test
    void aNameInTwoSpellingsTakesTheTranslationsMostUsedOneEverywhere() {
        String article = String.join("\n\n",
                "Ukraines præsident, Volodymyr Zelenskyj, besøgte onsdag en fabrik i Esbjerg, der bygger"
                        + " vindmøllevinger.",
                "Zelenskyj talte med medarbejderne og takkede for støtten. Bagefter kørte Zelenskyj videre til"
                        + " Aarhus.",
                "Fabrikkens direktør, Helle Strandgaard, kalder besøget en stor dag for virksomheden.");
        String translation = String.join("\n\n",
                "Ukraine's president, Volodymyr Zelenskyj, on Wednesday visited a factory in Esbjerg that builds wind"
                        + " turbine blades.",
                "Zelensky spoke with the employees and thanked them for their support. Afterwards, Zelenskyj drove on"
                        + " to Aarhus.",
                "The factory's director, Helle Strandgaard, calls the visit a great day for the company.");
        answer(answerJson("Zelensky visits wind turbine factory in Esbjerg", translation, List.of(
                "Zelensky visited a factory in Esbjerg that builds wind turbine blades.",
                "He thanked the employees for their support.",
                "Helle Strandgaard calls the visit a great day for the company.")));

        JsonPath answer = summarize(article);

        Pattern otherForm = Pattern.compile("Zelensky(?!j)");
        for (String text : texts(answer)) {
            assertFalse(otherForm.matcher(text).find(), "one form of the name: " + text);
        }
        assertEquals(3, count(answer.getString("translation"), "Zelenskyj"));
        assertEquals("Zelenskyj visits wind turbine factory in Esbjerg", answer.getString("title"));
        assertEquals("Zelenskyj visited a factory in Esbjerg that builds wind turbine blades.",
                answer.getString("bullets[0].text"));
        assertOneCall();
    }

    // ---- 4. Other JSON shapes, meaning intact ----

    /** Our article about a bridge with a marker, and its faithful English, headline and bullets. */
    private record Bridge(String article, String translation) {
        static Bridge of(String marker) {
            return new Bridge(bridge(QUOTED_DA, marker), bridgeInEnglish(QUOTED_EN, marker));
        }
    }

    @Test
    void bulletsAsObjectsWithATextFieldAreRead() {
        Bridge bridge = Bridge.of("shape-objects");
        List<Map<String, Object>> objects = new ArrayList<>();
        for (int i = 0; i < BRIDGE_BULLETS.size(); i++) {
            objects.add(Map.of("id", i + 1, "text", BRIDGE_BULLETS.get(i)));
        }
        answer(bridgeAnswer(bridge.translation(), List.copyOf(objects)));

        JsonPath answer = summarize(bridge.article());

        assertEquals(BRIDGE_BULLETS, answer.getList("summary", String.class));
        assertBulletsAreTheSummary(answer);
        assertOneCall();
    }

    @Test
    void aTranslationAsAListOfParagraphsIsRead() {
        Bridge bridge = Bridge.of("shape-paragraph-list");
        answer(answerJson("Bridge at Randers closes for repairs", Chunker.paragraphs(bridge.translation()),
                BRIDGE_BULLETS));

        JsonPath answer = summarize(bridge.article());

        assertEquals(bridge.translation(), answer.getString("translation"));
        assertEquals(4, Chunker.paragraphs(answer.getString("translation")).size());
        assertOneCall();
    }

    @Test
    void aSummaryAsNumberedMembersIsReadInTheirOrder() {
        Bridge bridge = Bridge.of("shape-numbered");
        // Written out of order, as a JSON object's members may be.
        String numbered = "{\"2\": " + OpenAiStubs.write(BRIDGE_BULLETS.get(1)) + ", \"1\": "
                + OpenAiStubs.write(BRIDGE_BULLETS.get(0)) + ", \"3\": " + OpenAiStubs.write(BRIDGE_BULLETS.get(2))
                + "}";
        answer("{\"title\": \"Bridge at Randers closes for repairs\", \"translation\": "
                + OpenAiStubs.write(bridge.translation()) + ", \"summary\": " + numbered + "}");

        JsonPath answer = summarize(bridge.article());

        assertEquals(BRIDGE_BULLETS, answer.getList("summary", String.class));
        assertBulletsAreTheSummary(answer);
        assertOneCall();
    }

    // ---- 5. Disclosure ----

    @Test
    void theDisclosureNamesTheModelThatAnswered() {
        Bridge bridge = Bridge.of("disclosure-primary");
        answer(bridgeAnswer(bridge.translation(), BRIDGE_BULLETS));

        JsonPath answer = summarize(bridge.article());

        assertEquals(FakeOpenAi.MODEL, answer.getString("model"));
        assertEquals(DISCLOSURE, answer.getString("disclosure"));
    }
}
