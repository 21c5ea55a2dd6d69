package dk.articlesummarizer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.support.Management;
import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.ClosedPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With nothing listening at LLM_BASE_URL the service still starts, and callers learn what to fix. */
@QuarkusTest
@TestProfile(UnreachableProviderTest.NothingListening.class)
class UnreachableProviderTest {

    public static class NothingListening implements QuarkusTestProfile {
        static final String BASE_URL = ClosedPort.BASE_URL;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.base-url", BASE_URL, "llm.model", "any-model");
        }
    }

    @Test
    void theServiceIsUpAndReadyAndReportsTheProviderUnreachable() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'llm-provider' }.data.reachable", equalTo(false));
    }

    @Test
    void answers503NamingTheEndpointAndTheVariable() {
        given().contentType(ContentType.JSON).body(Map.of("text", Articles.load(Articles.SHORT_DANISH)))
                .post("/summarize")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:llm-unreachable"))
                .body("detail", containsString(NothingListening.BASE_URL))
                .body("detail", containsString("LLM_BASE_URL"));
    }
}
