package dk.articlesummarizer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dk.articlesummarizer.problem.ProblemType;

/**
 * What META-INF/openapi.yaml states by hand, against the code that decides it: the problem types, an example of each
 * for every problem answer of its status, and the methods a path's 405s allow. Read from docs/openapi.yaml, which
 * OpenApiTest keeps equal to what the service serves.
 */
class ProblemTypesInOpenApiTest {

    private static final Set<String> NOT_OPERATIONS = Set.of("description", "summary", "parameters", "servers");

    private final JsonNode spec = read();

    @Test
    void theTypeEnumIsEveryProblemTypeInOrder() {
        assertEquals(Arrays.stream(ProblemType.values()).map(type -> type.type().toString()).toList(),
                texts(spec.at("/components/schemas/Problem/properties/type/enum")));
    }

    @Test
    void everyProblemAnswerHasAnExampleOfEachTypeOfItsStatus() {
        int answers = 0;
        for (var path : spec.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (NOT_OPERATIONS.contains(operation.getKey())) {
                    continue;
                }
                for (var response : operation.getValue().get("responses").properties()) {
                    JsonNode examples = response.getValue().at("/content/application~1problem+json/examples");
                    if (examples.isMissingNode()) {
                        continue;
                    }
                    answers++;
                    int status = Integer.parseInt(response.getKey());
                    List<ProblemType> types = Arrays.stream(ProblemType.values())
                            .filter(type -> type.status() == status).toList();
                    String at = operation.getKey() + " " + path.getKey() + " " + status;
                    assertEquals(types.stream().map(ProblemType::slug).toList(), names(examples), at);
                    for (ProblemType type : types) {
                        JsonNode example = examples.at("/" + type.slug() + "/value");
                        assertEquals(type.type().toString(), example.path("type").asText(), at);
                        assertEquals(type.title(), example.path("title").asText(), at);
                        assertEquals(status, example.path("status").asInt(), at);
                    }
                }
            }
        }
        assertTrue(answers > 20, answers + " problem answers");
    }

    @Test
    void eachPathNamesTheMethodsItsMethodNotAllowedAnswersAllow() {
        for (var path : spec.get("paths").properties()) {
            String allowed = ProblemExceptionMappers.allowed(path.getKey());
            assertTrue(path.getValue().path("description").asText().contains("Allow: " + allowed), path.getKey());
            JsonNode options = path.getValue().at("/options/responses/204/headers/Allow/schema/enum");
            if (!options.isMissingNode()) {
                assertEquals(List.of(allowed), texts(options), path.getKey());
            }
        }
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs/openapi.yaml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
