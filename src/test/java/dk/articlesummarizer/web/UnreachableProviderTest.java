package dk.articlesummarizer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.ClosedPort;
import dk.articlesummarizer.support.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With nothing listening at LLM_BASE_URL the service still starts; callers learn which model failed and when to
 * retry, operators where it is.
 */
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
    void answers503NamingTheModelAndTheVariableButNotTheAddressWhichTheLogLineNames() {
        URI address = URI.create(NothingListening.BASE_URL);
        try (CapturedLogs logs = CapturedLogs.install()) {
            given().contentType(ContentType.JSON).body(Map.of("text", Articles.load(Articles.SHORT_DANISH)))
                    .post("/summarize")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", not(equalTo(null)))
                    .body("type", equalTo("urn:article-summarizer:problem:llm-unreachable"))
                    .body("detail", containsString("any-model (primary)"))
                    .body("detail", containsString("LLM_BASE_URL"))
                    .body("detail", not(containsString(address.getHost())))
                    .body("detail", not(containsString(String.valueOf(address.getPort()))));

            assertTrue(logs.textAtOrAbove(Level.WARNING).contains(NothingListening.BASE_URL),
                    "the operator finds the URL in the log line of the request");
        }
    }
}
