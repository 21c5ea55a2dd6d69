package dk.articlesummarizer.bench;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Without SUMMARIZER_BENCH_FLOOR the benchmark's endpoints do not exist for callers, and nothing reaches the provider. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class BenchEndpointsOffTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Test
    void floorAndRelayAnswer404() {
        openAi.resetAll();

        given().contentType(ContentType.JSON).body("{}").post("/bench/floor?bytes=3000").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"messages\":[]}").post("/bench/relay").then().statusCode(404);

        assertEquals(0, OpenAiStubs.chatRequests(openAi).size());
    }
}
