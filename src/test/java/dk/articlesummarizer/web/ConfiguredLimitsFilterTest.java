package dk.articlesummarizer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The served description states this deployment's article limits and languages, not the defaults. */
@QuarkusTest
@TestProfile(ConfiguredLimitsFilterTest.Configured.class)
class ConfiguredLimitsFilterTest {

    public static class Configured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.max-text-chars", "1234", "summarizer.max-title-chars", "56",
                    "summarizer.language.accepted", "da");
        }
    }

    @Test
    void theDescriptionStatesTheConfiguredLimitsAndLanguages() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.SummarizeRequest.properties.text.maxLength", equalTo(1234))
                .body("components.schemas.SummarizeRequest.properties.title.maxLength", equalTo(56))
                .body("components.schemas.SummarizeResponse.properties.sourceLanguage.enum", contains("da"));
    }
}
