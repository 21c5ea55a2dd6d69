package dk.articlesummarizer.llm.guardrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.llm.TranslatedArticle;

/**
 * Finds the JSON object in what a model answered: models wrap it in markdown fences or put a sentence before it.
 * Extra fields are ignored; missing ones are reported.
 */
final class AnswerJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Bounds the parse attempts on prose full of braces. */
    private static final int MAX_CANDIDATES = 8;

    private AnswerJson() {
    }

    sealed interface Parsed permits Found, Unusable {
    }

    record Found(TranslatedArticle article) implements Parsed {
    }

    record Unusable(Violation violation) implements Parsed {
    }

    static Parsed parse(String answer) {
        Optional<JsonNode> object = firstObject(answer == null ? "" : answer);
        if (object.isEmpty()) {
            return new Unusable(new Violation(Violation.Cause.NOT_JSON, "Your answer was not a JSON object. Answer"
                    + " with only the JSON object with the fields \"title\", \"translation\" and \"summary\"."));
        }
        JsonNode node = object.get();
        List<String> missing = new ArrayList<>();
        String title = text(node, "title", missing);
        String translation = text(node, "translation", missing);
        List<String> summary = new ArrayList<>();
        JsonNode bullets = node.path("summary");
        if (bullets.isArray()) {
            bullets.forEach(bullet -> summary.add(bullet.isTextual() ? bullet.asText() : ""));
        } else {
            missing.add("summary");
        }
        if (!missing.isEmpty()) {
            return new Unusable(new Violation(Violation.Cause.MISSING_FIELD, "Your JSON lacked or left empty: "
                    + String.join(", ", missing) + ". Answer again with all of \"title\", \"translation\" and"
                    + " \"summary\" (an array of strings)."));
        }
        return new Found(new TranslatedArticle(title, translation, summary));
    }

    static String write(TranslatedArticle article) {
        try {
            return JSON.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record of strings always serializes", e);
        }
    }

    private static String text(JsonNode node, String field, List<String> missing) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            missing.add(field);
            return "";
        }
        return value.asText();
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
