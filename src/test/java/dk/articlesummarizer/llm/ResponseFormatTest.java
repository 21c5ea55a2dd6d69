package dk.articlesummarizer.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The answer's JSON schema goes to the provider as {@code response_format}; a provider that refuses it is asked in
 * the prompt form at once and from then on. Its own profile: the fallback is remembered for the process.
 */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
@TestProfile(ResponseFormatTest.Fresh.class)
class ResponseFormatTest {

    /** A process of its own, in which no provider has refused a response format yet. */
    public static class Fresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.context-tokens", "16384");
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    static JsonNode body(com.github.tomakehurst.wiremock.verification.LoggedRequest request) {
        return OpenAiStubs.read(request.getBodyAsString());
    }

    private static void summarize(String marker) {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, marker)))
                .post("/summarize").then().statusCode(200);
    }

    @Test
    void theSchemaAndTheOutputLimitAreSentThenARefusalFallsBackToThePromptFormForGood() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("the bath"))));
        summarize("schema");
        JsonNode structured = body(chatRequests(openAi).get(0));
        assertEquals("json_schema", structured.path("response_format").path("type").asText());
        JsonNode schema = structured.path("response_format").path("json_schema").path("schema").path("properties");
        assertTrue(schema.has("translation") && schema.has("title") && schema.has("summary"), "the answer's schema");
        assertEquals(8192, structured.path("max_tokens").asInt(), "half of the 16384-token context window");

        openAi.resetAll();
        openAi.stubFor(chatCompletion().atPriority(1).withRequestBody(containing("json_schema"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Invalid parameter: 'response_format' of type"
                                + " 'json_schema' is not supported with this model.\",\"type\":"
                                + "\"invalid_request_error\",\"param\":\"response_format\"}}")));
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("the bath"))));
        try (CapturedLogs logs = CapturedLogs.install()) {
            summarize("refused");
            summarize("after the refusal");

            List<JsonNode> sent = chatRequests(openAi).stream().map(ResponseFormatTest::body).toList();
            assertEquals(3, sent.size(), "the refused call, its prompt-form repeat, and the next article");
            assertTrue(sent.get(0).has("response_format"));
            assertFalse(sent.get(1).has("response_format"));
            assertFalse(sent.get(2).has("response_format"), "the fallback is remembered");
            assertEquals(8192, sent.get(2).path("max_tokens").asInt());
            String warnings = logs.textAtOrAbove(Level.WARNING);
            assertTrue(warnings.contains("refused response_format json_schema"), warnings);
        }
    }
}
