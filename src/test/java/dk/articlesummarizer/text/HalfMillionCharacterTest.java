package dk.articlesummarizer.text;

import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** With the limit raised to 500000 characters, such an article is translated completely, and edits stay cheap. */
@QuarkusTest
@TestProfile(HalfMillionCharacterTest.RaisedLimit.class)
@WithTestResource(FakeOpenAi.class)
class HalfMillionCharacterTest {

    public static class RaisedLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.max-text-chars", "500000");
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 60_000, 500_000 })
    void translatedCompletelyAndAOneParagraphEditCostsLittle(int chars) {
        String article = LongArticles.generate(chars, chars);
        JsonPath first = summarize(article);
        assertEquals(Chunker.paragraphs(article).size(), Chunker.paragraphs(first.getString("translation")).size());
        int firstCalls = chatRequests(openAi).size();
        long firstPromptChars = promptChars();
        openAi.resetRequests();

        List<String> paragraphs = new ArrayList<>(Chunker.paragraphs(article));
        int edited = paragraphs.size() / 3;
        paragraphs.set(edited, paragraphs.get(edited) + " Oplysningen er siden bekræftet af kommunen.");
        summarize(String.join("\n\n", paragraphs));
        int editCalls = chatRequests(openAi).size();
        long editPromptChars = promptChars();

        // Figures for docs/architecture.md; the assertions below are what must hold.
        System.out.printf("LLM budget for %d characters: %d chunks; first %d calls / %d prompt chars;"
                + " after a one-paragraph edit %d calls / %d prompt chars%n", chars, first.getInt("chunks"),
                firstCalls, firstPromptChars, editCalls, editPromptChars);
        assertTrue(editCalls < firstCalls / 3, "an edit re-translates a small part: " + editCalls);
    }

    private JsonPath summarize(String text) {
        return given().contentType(ContentType.TEXT).body(text).post("/summarize")
                .then().statusCode(200).extract().jsonPath();
    }

    private long promptChars() {
        return chatRequests(openAi).stream().mapToLong(request -> OpenAiStubs.promptOf(request).length()).sum();
    }
}
