package dk.articlesummarizer.observability;

import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.FakeOpenAi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class RequestIdTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aSaneCallerIdIsEchoedInHeaderAndProblem() {
        given().header("X-Request-Id", "order-42.retry_1").contentType(ContentType.JSON).body("{}")
                .post("/summarize").then().statusCode(400)
                .header("X-Request-Id", "order-42.retry_1")
                .body("requestId", equalTo("order-42.retry_1"));
    }

    @Test
    void withoutOneOrWithAnInsaneOneAnIdIsGenerated() {
        given().get("/nowhere").then().statusCode(404).header("X-Request-Id", matchesPattern(UUID));
        Response response = given().header("X-Request-Id", "a b <script>").get("/nowhere");
        response.then().header("X-Request-Id", matchesPattern(UUID));
        assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("requestId"));
    }

    @Test
    void theOversizedBodyProblemCarriesItToo() {
        given().header("X-Request-Id", "big-1").contentType(ContentType.TEXT).body(new byte[3_000_000])
                .post("/summarize").then().statusCode(413).header("X-Request-Id", "big-1")
                .body("requestId", equalTo("big-1"));
    }

    @Test
    void logLinesOfTheRequestCarryIt() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(completion("Sorry, no JSON today.", "stop", 1, 1)));
        try (CapturedLogs logs = CapturedLogs.install()) {
            given().header("X-Request-Id", "log-me-7").contentType(ContentType.JSON)
                    .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "request-id-logs")))
                    .post("/summarize").then().statusCode(502);

            assertTrue(logs.count() > 0, "the guardrail and the client log this failure");
            assertEquals(Set.of("log-me-7"), logs.mdcValues("requestId", "dk.articlesummarizer"));
        }
    }

    @Test
    void aStreamThatFailsAtTheProviderLogsWithIt() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(providerError(500)));
        try (CapturedLogs logs = CapturedLogs.install()) {
            given().header("X-Request-Id", "stream-log-8").header("Accept", "text/event-stream")
                    .contentType(ContentType.JSON)
                    .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "request-id-stream-logs")))
                    .post("/summarize").then().body(containsString("llm-"));

            // The failure's WARN may be held back (one a half minute per model and kind); its DEBUG line never is.
            assertEquals(Set.of("stream-log-8"), logs.mdcValues("requestId", "dk.articlesummarizer.llm"));
        }
    }
}
