package dk.articlesummarizer.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.support.ClosedPort;
import dk.articlesummarizer.support.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An operator may want pods unready while the provider is down. */
@QuarkusTest
@TestProfile(ProviderRequiredHealthTest.Required.class)
class ProviderRequiredHealthTest {

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.base-url", ClosedPort.BASE_URL, "llm.model", "m",
                    "summarizer.health.provider.required", "true");
        }
    }

    @Test
    void unreachableProviderMakesThePodUnready() {
        Management.given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'llm-provider' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'configuration' }.status", equalTo("UP"));
        Management.given().get("/q/health/live").then().statusCode(200);
    }
}
