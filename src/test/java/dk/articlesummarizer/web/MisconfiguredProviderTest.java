package dk.articlesummarizer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** An LLM_BASE_URL without a scheme is a configuration error: 503 saying so, and readiness DOWN. */
@QuarkusTest
@TestProfile(MisconfiguredProviderTest.SchemeLess.class)
class MisconfiguredProviderTest {

    public static class SchemeLess implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.base-url", "llm.internal:8000/v1", "llm.model", "any-model");
        }
    }

    @Test
    void summarizeAnswers503WithTheConfigurationProblem() {
        given().contentType(ContentType.JSON).body(Map.of("text", Articles.load(Articles.SHORT_DANISH)))
                .post("/summarize")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:llm-misconfigured"))
                .body("detail", containsString("any-model (primary)"))
                .body("detail", containsString("LLM_BASE_URL"))
                .body("detail", containsString("is not an http:// or https:// URL"))
                .body("detail", not(containsString("llm.internal")));
    }

    @Test
    void readinessIsDownNamingTheProblem() {
        Management.given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'configuration' }.data.problems", containsString("LLM_BASE_URL"));
    }
}
