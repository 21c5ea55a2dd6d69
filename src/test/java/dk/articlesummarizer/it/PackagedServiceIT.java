package dk.articlesummarizer.it;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged artifact over HTTP against the fake provider: the jar in ./mvnw verify, the native binary with
 * ./mvnw verify -Dnative on a machine with GraalVM or Mandrel.
 */
@QuarkusIntegrationTest
@WithTestResource(FakeOpenAi.class)
class PackagedServiceIT {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Test
    void summarizesCachesAndRefusesBadInput() {
        OpenAiStubs.FakeAnswer fake = OpenAiStubs.sampleAnswer("packaged");
        openAi.stubFor(chatCompletion().willReturn(answering(fake)));
        String article = Articles.uniqueDanish(Articles.MEDIUM_DANISH, "packaged");

        given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize")
                .then().statusCode(200).header("X-Cache", "MISS")
                .body("title", equalTo(fake.title()))
                .body("sourceLanguage", equalTo("da"));
        given().contentType("text/plain; charset=UTF-8").body(article).post("/summarize")
                .then().statusCode(200).header("X-Cache", "HIT");
        given().contentType(ContentType.JSON).body("{\"text\": 42}").post("/summarize")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body(Articles.load(Articles.ENGLISH)).post("/summarize")
                .then().statusCode(422);
    }

    @Test
    void healthAndMetricsOnTheManagementPortAndOpenApiOnThePublicOne() {
        // The packaged jar runs with its production management port.
        given().port(9000).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().port(9000).get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(404);
    }
}
