package dk.articlesummarizer.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** The served description is complete, and docs/openapi.yaml is exactly what the service serves. */
@QuarkusTest
class OpenApiTest {

    static final Path COMMITTED = Path.of("docs/openapi.yaml");

    @Test
    void describesBothMediaTypesAndTheResponseHeaders() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/summarize'.post.requestBody.content", hasKey("application/json"))
                .body("paths.'/summarize'.post.requestBody.content", hasKey("text/plain"))
                .body("paths.'/summarize'.post.responses.'200'.headers", hasKey("X-Cache"))
                .body("paths.'/summarize'.post.responses.'200'.headers", hasKey("X-Request-Id"))
                .body("paths.'/summarize'.post.responses.'200'.content.'application/json'.examples", notNullValue())
                .body("paths.'/summarize'.post.parameters.find { it.name == 'Cache-Control' }", notNullValue())
                .body("components.schemas", hasKey("Problem"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "400", "401", "413", "415", "422", "429", "500", "502", "503", "504" })
    void describesEveryErrorStatusAsAProblem(String status) {
        given().get("/q/openapi?format=json").then()
                .body("paths.'/summarize'.post.responses.'" + status + "'.content", hasKey("application/problem+json"));
    }

    @Test
    void statesWhatGeneratedClientsRelyOn() {
        io.restassured.path.json.JsonPath spec = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(java.util.List.of("title", "translation", "summary", "bullets", "sourceLanguage", "model",
                "disclosure", "cached", "usage", "chunks", "reused", "format", "removed"),
                spec.getList("components.schemas.SummarizeResponse.required"));
        assertEquals(3, spec.getInt("components.schemas.SummarizeResponse.properties.summary.minItems"));
        assertEquals(java.util.List.of("text", "paragraphs"), spec.getList("components.schemas.Bullet.required"));
        assertEquals(7, spec.getInt("components.schemas.SummarizeResponse.properties.summary.maxItems"));
        assertEquals(java.util.List.of("da", "nb", "nn", "sv"),
                spec.getList("components.schemas.SummarizeResponse.properties.sourceLanguage.enum"));
        assertEquals(100000, spec.getInt("components.schemas.SummarizeRequest.properties.text.maxLength"));
        assertEquals(500, spec.getInt("components.schemas.SummarizeRequest.properties.title.maxLength"));
        assertEquals(java.util.List.of("type", "title", "status"), spec.getList("components.schemas.Problem.required"));
        assertEquals(dk.articlesummarizer.problem.ProblemType.values().length,
                spec.getList("components.schemas.Problem.properties.type.enum").size());
        java.util.Map<String, java.util.Map<String, Object>> paths = spec.getMap("paths");
        int responses = 0;
        for (String path : java.util.List.of("/summarize", "/summarize/batch", "/jobs/{id}")) {
            for (String method : path.startsWith("/jobs") ? java.util.List.of("get")
                    : java.util.List.of("post", "options")) {
                java.util.Map<String, java.util.Map<String, Object>> answers = spec.getMap(
                        "paths.'" + path + "'." + method + ".responses");
                for (java.util.Map.Entry<String, java.util.Map<String, Object>> answer : answers.entrySet()) {
                    responses++;
                    String at = path + " " + method + " " + answer.getKey();
                    java.util.Map<?, ?> headers = (java.util.Map<?, ?>) answer.getValue().get("headers");
                    assertTrue(headers != null && headers.containsKey("X-Request-Id"), at);
                    assertEquals("post".equals(method), headers.containsKey("RateLimit-Remaining"), at);
                    if (answer.getValue().get("content") instanceof java.util.Map<?, ?> content
                            && content.get("application/problem+json") instanceof java.util.Map<?, ?> problem) {
                        assertTrue(problem.get("examples") instanceof java.util.Map<?, ?> examples
                                && !examples.isEmpty(), at + " has a problem example");
                    }
                }
                java.util.List<java.util.Map<String, Object>> parameters = spec.getList(
                        "paths.'" + path + "'." + method + ".parameters");
                assertTrue(parameters.stream().anyMatch(parameter -> "#/components/parameters/X-Request-Id"
                        .equals(parameter.get("$ref"))), path + " " + method);
            }
            assertTrue(String.valueOf(paths.get(path).get("description")).contains("405"));
        }
        assertTrue(responses > 20, responses + " responses");
    }

    /** Run with -DupdateOpenApi=true to rewrite docs/openapi.yaml from the service. */
    @Test
    void committedSpecMatchesWhatIsServed() throws IOException {
        String served = given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("updateOpenApi")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), served,
                "docs/openapi.yaml drifted from the service; regenerate with"
                        + " ./mvnw test -Dtest=OpenApiTest -DupdateOpenApi=true");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
