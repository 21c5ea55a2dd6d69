package dk.articlesummarizer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.support.Articles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With nothing listening at LLM_BASE_URL the service still starts, and callers learn what to fix. */
@QuarkusTest
@TestProfile(UnreachableProviderTest.NothingListening.class)
class UnreachableProviderTest {

    public static class NothingListening implements QuarkusTestProfile {
        static final String BASE_URL = "http://127.0.0.1:" + closedPort() + "/v1";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.base-url", BASE_URL, "llm.model", "any-model");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
