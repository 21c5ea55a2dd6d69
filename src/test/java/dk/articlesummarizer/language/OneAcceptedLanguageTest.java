package dk.articlesummarizer.language;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** SUMMARIZER_LANGUAGE_ACCEPTED=da: the service starts, answers Danish and refuses Norwegian. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
@TestProfile(OneAcceptedLanguageTest.DanishOnly.class)
class OneAcceptedLanguageTest {

    public static class DanishOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.language.accepted", "da");
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    private static io.restassured.response.ValidatableResponse summarize(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/summarize").then();
    }

    @Test
    void danishIsAnsweredAndNorwegianRefused() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("one language"))));

        summarize(Articles.uniqueDanish(Articles.MEDIUM_DANISH, "danish only")).statusCode(200)
                .body("sourceLanguage", equalTo("da"));
        summarize(Articles.load(Articles.NORWEGIAN)).statusCode(422)
                .body("type", equalTo("urn:article-summarizer:problem:unsupported-language"));
    }
}
