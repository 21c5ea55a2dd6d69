package dk.articlesummarizer.access;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.Management;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestProfile(AccessProfile.class)
@WithTestResource(FakeOpenAi.class)
class AccessControlTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    private final String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "access-" + System.nanoTime());

    @BeforeEach
    void reset() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("access"))));
    }

    private ValidatableResponse post(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then();
    }

    @Test
    void withoutAKeyIs401WithWwwAuthenticateAndNoLlmCall() {
        post(given()).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:article-summarizer:problem:unauthorized"));
        assertEquals(0, chatRequests(openAi).size());
    }

    @Test
    void aWrongKeyIs401AndNeverLogged() {
        try (CapturedLogs logs = CapturedLogs.install()) {
            post(given().header("Authorization", "Bearer wrong-key-5d2c")).statusCode(401);
            post(given().header("X-API-Key", AccessProfile.KEY_A + "x")).statusCode(401);
            assertFalse(logs.textAtOrAbove(Level.ALL).contains("wrong-key-5d2c"));
            assertFalse(logs.textAtOrAbove(Level.ALL).contains(AccessProfile.KEY_A));
        }
    }

    @Test
    void bearerAndXApiKeyAreBothAcceptedAndCountAgainstTheSameLimit() {
        MinuteWindows.awaitRoomInTheCurrentMinute();
        try (CapturedLogs logs = CapturedLogs.install()) {
            post(given().header("Authorization", "Bearer " + AccessProfile.KEY_A)).statusCode(200)
                    .header("RateLimit-Limit", String.valueOf(AccessProfile.PER_MINUTE));
            post(given().header("X-API-Key", AccessProfile.KEY_A)).statusCode(200).header("X-Cache", "HIT");
            post(given().header("X-API-Key", AccessProfile.KEY_A)).statusCode(200)
                    .header("RateLimit-Remaining", "0");
            // Cache hits count too: the fourth request within the minute is refused.
            ValidatableResponse refused = post(given().header("X-API-Key", AccessProfile.KEY_A)).statusCode(429)
                    .contentType("application/problem+json")
                    .header("RateLimit-Remaining", "0")
                    .header("RateLimit-Reset", org.hamcrest.Matchers.notNullValue());
            int retryAfter = Integer.parseInt(refused.extract().header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60);

            // Another key has its own budget.
            post(given().header("Authorization", "Bearer " + AccessProfile.KEY_B)).statusCode(200);
            assertFalse(logs.textAtOrAbove(Level.ALL).contains(AccessProfile.KEY_A), "keys are never logged");
        }
    }

    @Test
    void aBatchCountsItsArticlesAgainstTheLimit() {
        MinuteWindows.awaitRoomInTheCurrentMinute();
        Map<String, Object> twoArticles = Map.of("articles", List.of(Map.of("text", article),
                Map.of("text", article)));

        given().header("X-API-Key", AccessProfile.KEY_C).contentType(ContentType.JSON).body(twoArticles)
                .post("/summarize/batch").then().statusCode(200)
                .header("RateLimit-Remaining", String.valueOf(AccessProfile.PER_MINUTE - 2));
        given().header("X-API-Key", AccessProfile.KEY_C).contentType(ContentType.JSON).body(twoArticles)
                .post("/summarize/batch").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aJobIsVisibleOnlyToTheKeyThatMadeIt() {
        String location = given().header("X-API-Key", AccessProfile.KEY_D).header("Prefer", "respond-async")
                .contentType(ContentType.JSON).body(Map.of("text", article + " Et job.")).post("/summarize").then()
                .statusCode(202).extract().header("Location");
        String path = java.net.URI.create(location).getPath();

        given().header("X-API-Key", AccessProfile.KEY_D).get(path).then().statusCode(200);
        given().header("X-API-Key", AccessProfile.KEY_A).get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().get(path).then().statusCode(401);
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyAndTheSpecDeclaresTheKeys() {
        Management.given().get("/q/health/live").then().statusCode(200);
        Management.given().get("/q/metrics").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes", hasKey("bearer"))
                .body("components.securitySchemes", hasKey("apiKey"))
                .body("security", org.hamcrest.Matchers.hasSize(2));
    }
}
