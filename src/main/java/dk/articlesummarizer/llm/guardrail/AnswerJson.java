package dk.articlesummarizer.llm.guardrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the JSON object in what a model answered: models wrap it in markdown fences or put a sentence before it.
 * Fields are read by name, so extra fields do not matter; missing or empty ones are collected.
 */
final class AnswerJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bounds the parse attempts on prose full of braces. */
    private static final int MAX_CANDIDATES = 8;

    static final Violation NOT_JSON = new Violation(Violation.Cause.NOT_JSON, "Your answer was not a JSON object."
            + " Answer with only the JSON object with the requested fields.");

    private final JsonNode object;
    private final List<String> missing = new ArrayList<>();

    private AnswerJson(JsonNode object) {
        this.object = object;
    }

    static Optional<AnswerJson> parse(String answer) {
        return firstObject(answer == null ? "" : answer).map(AnswerJson::new);
    }

    String text(String field) {
        JsonNode value = object.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            missing.add(field);
            return "";
        }
        return value.asText().strip();
    }

    List<String> strings(String field) {
        JsonNode value = object.path(field);
        if (!value.isArray()) {
            missing.add(field);
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        value.forEach(element -> strings.add(element.isTextual() ? element.asText() : ""));
        return strings;
    }

    /** After reading every field: what was missing, as a violation. */
    Optional<Violation> missingFields() {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Violation(Violation.Cause.MISSING_FIELD, "Your JSON lacked or left empty: "
                + String.join(", ", missing) + ". Answer again with every requested field filled in."));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record of strings always serializes", e);
        }
    }

    /** Tries the first '{'s against the last '}'s, so text or a fence around the object does not matter. */
    private static Optional<JsonNode> firstObject(String answer) {
        int starts = 0;
        for (int start = answer.indexOf('{'); start >= 0 && starts++ < MAX_CANDIDATES;
                start = answer.indexOf('{', start + 1)) {
            int end = answer.lastIndexOf('}');
            for (int ends = 0; end > start && ends < MAX_CANDIDATES; ends++) {
                try {
                    JsonNode node = JSON.readTree(answer.substring(start, end + 1));
                    if (node != null && node.isObject()) {
                        return Optional.of(node);
                    }
                } catch (JsonProcessingException notYet) {
                    // try a shorter candidate
                }
                end = answer.lastIndexOf('}', end - 1);
            }
        }
        return Optional.empty();
    }
}
