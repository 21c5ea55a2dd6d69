package dk.articlesummarizer.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static dk.articlesummarizer.support.OpenAiStubs.promptOf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.text.Chunker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An updated article's bullets cite the paragraphs of the whole updated article: a paragraph inserted in the middle
 * is cited by its new number, and the remembered paragraphs after it by theirs, although the update call was shown
 * only the new paragraph.
 */
@QuarkusTest
@TestProfile(FaithfulUpdateCitationsTest.Remembering.class)
@WithTestResource(FakeOpenAi.class)
class FaithfulUpdateCitationsTest {

    public static class Remembering implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.cache.paragraph-memory", "true");
        }
    }

    /** A faithful English translation of faerge-tunoe.txt, paragraph for paragraph. */
    private static final List<String> FERRY = List.of(
            "The ferry route between Hou and Tunø is getting a new electric ferry this summer.",
            "The ferry cost 63 million kroner and can carry 196 passengers.",
            "According to harbour master Rasmus Kjeldgaard, the crossing will take 55 minutes.",
            "The old ferry is being sold to a shipping company in Estonia.",
            "Ticket prices will stay the same, the municipality says.",
            "The new ferry sails for the first time on 14 June.");
    private static final String INSERTED = "Desuden bygger kommunen en ladestation til 8,5 millioner kroner, som"
            + " firmaet Voltkraft leverer.";
    private static final String INSERTED_EN = "In addition, the municipality is building a charging station for 8.5"
            + " million kroner, supplied by the company Voltkraft.";

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    private static JsonPath summarize(String article) {
        return given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void anUpdatesBulletsCiteTheParagraphsOfTheWholeUpdatedArticle() {
        String first = Articles.load("faerge-tunoe.txt");
        openAi.stubFor(chatCompletion().willReturn(completion(OpenAiStubs.write(Map.of(
                "title", "New electric ferry for Tunø",
                "translation", String.join("\n\n", FERRY),
                "summary", List.of("Hou and Tunø get a new electric ferry this summer.",
                        "The ferry cost 63 million kroner.", "It sails for the first time on 14 June."))),
                "stop", 400, 300)));
        summarize(first);

        // A new paragraph after the second: the paragraphs after it move down by one.
        List<String> paragraphs = new ArrayList<>(Chunker.paragraphs(first));
        paragraphs.add(2, INSERTED);
        String updated = String.join("\n\n", paragraphs);
        List<String> bullets = List.of(
                "A charging station for 8.5 million kroner will be supplied by Voltkraft.",
                "Harbour master Rasmus Kjeldgaard says the crossing will take 55 minutes.",
                "The new ferry sails for the first time on 14 June.",
                "The ferry cost 63 million kroner, and the charging station 8.5 million kroner.");
        openAi.stubFor(chatCompletion().withRequestBody(containing("<<<CHANGED")).atPriority(1)
                .willReturn(completion(OpenAiStubs.write(Map.of(
                        "paragraphs", List.of(INSERTED_EN),
                        "title", "New electric ferry and charging station for Tunø",
                        "summary", bullets)), "stop", 200, 150)));

        JsonPath answer = summarize(updated);

        assertEquals(2, chatRequests(openAi).size(), "one call for the update");
        String prompt = promptOf(chatRequests(openAi).get(1));
        assertTrue(prompt.contains("<<<CHANGED 3\n" + INSERTED + "\nCHANGED>>>"), prompt);
        assertFalse(prompt.contains(Chunker.paragraphs(first).get(5)), "the last paragraph was not sent again");
        assertEquals(6, answer.getInt("reused"));
        List<String> english = Chunker.paragraphs(answer.getString("translation"));
        assertEquals(7, english.size());
        assertEquals(INSERTED_EN, english.get(2));

        assertEquals(bullets, answer.getList("summary", String.class));
        for (int i = 0; i < bullets.size(); i++) {
            assertEquals(bullets.get(i), answer.getString("bullets[" + i + "].text"));
        }
        assertEquals(List.of(3), cited(answer, 0), "the inserted paragraph, by its number in the updated article");
        assertEquals(List.of(4), cited(answer, 1), "a remembered paragraph, moved down by one");
        assertEquals(List.of(7), cited(answer, 2), "the last paragraph of the updated article");
        assertEquals(List.of(2, 3), cited(answer, 3));
        assertEquals(FaithfulAnswersTest.DISCLOSURE, answer.getString("disclosure"));
    }

    @Test
    void anUpdatesNewParagraphSpellingANameOtherwiseTakesTheStorysForm() {
        String first = Articles.load("faerge-tunoe.txt") + "\n\nSagen har nummer " + System.nanoTime() + ".";
        List<String> english = new ArrayList<>(FERRY);
        english.add("The case has a number.");
        english.set(2, english.get(2) + " Kjeldgaard has run the harbour for years.");
        openAi.stubFor(chatCompletion().willReturn(completion(OpenAiStubs.write(Map.of(
                "title", "New electric ferry for Tunø", "translation", String.join("\n\n", english),
                "summary", List.of("Hou and Tunø get a new electric ferry this summer.",
                        "The ferry cost 63 million kroner.", "It sails for the first time on 14 June."))),
                "stop", 400, 300)));
        summarize(first);
        List<String> paragraphs = new ArrayList<>(Chunker.paragraphs(first));
        paragraphs.add(2, "Havnefoged Rasmus Kjeldgaard glæder sig til den nye færge.");
        openAi.stubFor(chatCompletion().withRequestBody(containing("<<<CHANGED")).atPriority(1)
                .willReturn(completion(OpenAiStubs.write(Map.of(
                        "paragraphs", List.of("Harbour master Rasmus Kjeldgård is looking forward to the new ferry."),
                        "title", "Kjeldgård looks forward to the new ferry",
                        "summary", List.of("Hou and Tunø get a new electric ferry this summer.",
                                "The ferry cost 63 million kroner.", "Kjeldgård looks forward to the ferry."))),
                        "stop", 200, 150)));

        JsonPath answer = summarize(String.join("\n\n", paragraphs));

        assertTrue(answer.getInt("reused") > 0, "answered as an update");
        String everything = answer.getString("translation") + answer.getString("title") + answer.getList("summary");
        assertFalse(everything.contains("Kjeldgård"), everything);
        assertTrue(answer.getString("title").contains("Kjeldgaard"), answer.getString("title"));
    }

    private static List<Integer> cited(JsonPath answer, int bullet) {
        return answer.getList("bullets[" + bullet + "].paragraphs", Integer.class);
    }
}
