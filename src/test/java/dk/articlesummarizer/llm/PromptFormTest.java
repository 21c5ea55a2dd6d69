package dk.articlesummarizer.llm;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** {@code LLM_RESPONSE_FORMAT=prompt}: no response format is sent; the prompt alone asks for the JSON. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
@TestProfile(PromptFormTest.Prompt.class)
class PromptFormTest {

    public static class Prompt implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.response-format", "prompt");
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    static void summarize(WireMockServer openAi, String marker) {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("the bath"))));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, marker)))
                .post("/summarize").then().statusCode(200);
    }

    @Test
    void noResponseFormatIsSent() {
        summarize(openAi, "prompt form");
        assertFalse(ResponseFormatTest.body(chatRequests(openAi).get(0)).has("response_format"));
    }
}
