package dk.articlesummarizer.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class HealthTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    @Test
    void liveAndReadyWithOurChecks() {
        openAi.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));

        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("configuration", "llm-provider"))
                .body("checks.find { it.name == 'llm-provider' }.data.reachable", equalTo(true));
    }

    @Test
    void providerOutageIsReportedButDoesNotMakeThePodUnready() {
        openAi.stubFor(get(urlEqualTo("/v1/models")).willReturn(serverError()));

        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'llm-provider' }.data.reachable", equalTo(false));
    }
}
