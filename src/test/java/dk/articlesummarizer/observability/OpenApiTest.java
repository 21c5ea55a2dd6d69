package dk.articlesummarizer.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
