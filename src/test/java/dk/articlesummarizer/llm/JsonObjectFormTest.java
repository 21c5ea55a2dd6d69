package dk.articlesummarizer.llm;

import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.FakeOpenAi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code LLM_RESPONSE_FORMAT=json_object}: any JSON object is asked for, the fields by the prompt. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
@TestProfile(JsonObjectFormTest.JsonObject.class)
class JsonObjectFormTest {

    public static class JsonObject implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.response-format", "json_object");
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Test
    void anyJsonObjectIsAskedFor() {
        PromptFormTest.summarize(openAi, "json object");
        assertEquals("json_object", ResponseFormatTest.body(chatRequests(openAi).get(0))
                .path("response_format").path("type").asText());
    }
}
