package dk.articlesummarizer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.support.FakeOpenAi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A caller who took a wrong turn is told the real API: every operation the OpenAPI description has. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class ApiMapTest {

    @Test
    void theNotFoundDetailNamesEveryOperationOfTheApi() {
        String detail = given().get("/no-such-path").then().statusCode(404)
                .contentType("application/problem+json").extract().path("detail");
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");

        assertFalse(paths.isEmpty());
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> !method.equals("options") && !method.equals("head"))
                .filter(method -> !method.equals("description") && !method.equals("parameters"))
                .forEach(method -> {
                    String operation = method.toUpperCase(Locale.ROOT) + " " + path;
                    assertTrue(detail.contains(operation), operation + " is missing from: " + detail);
                }));
    }

    @Test
    void aWrongMethodOnUsageIsA405WhoseAllowNamesOnlyMethodsThatWork() {
        String allow = given().delete("/usage").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", containsString("GET"))
                .extract().header("Allow");

        for (String method : allow.split(",\\s*")) {
            int status = given().request(method, "/usage").then().extract().statusCode();
            assertTrue(status < 400, method + " /usage, which Allow names, answered " + status);
        }
    }
}
