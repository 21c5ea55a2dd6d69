package dk.articlesummarizer.llm.guardrail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Finds the JSON object in what a model answered and reads its fields the way models actually write them: wrapped
 * in markdown fences or prose, with raw line breaks inside strings, trailing commas or single quotes, and under
 * near names ({@code bullets}, {@code Headline}, {@code key_points}). Each such leniency is noted as a repair;
 * missing or empty fields are collected.
 */
final class AnswerJson {

    /**
     * Without buffer recycling: Jackson's per-thread recycled buffers would keep the last answer read reachable
     * after its request, and a no-store article must leave no trace.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build()).build();
    /** Jackson's own relaxed reading covers the syntax slips models make; no hand-written JSON repair. */
    private static final ObjectMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build())
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    /** Bounds the parse attempts on prose full of braces. */
    private static final int MAX_CANDIDATES = 8;

    static final Violation NOT_JSON = new Violation(Violation.Cause.NOT_JSON, "Your answer was not a JSON object."
            + " Answer with only the JSON object with the requested fields.");

    /** The fields we read, each with the other names models give it (compared without case and punctuation). */
    enum Field {
        TITLE("title", "headline", "englishtitle", "englishheadline", "heading", "translatedtitle"),
        TRANSLATION("translation", "translatedtext", "englishtranslation", "translatedarticle", "english",
                "translatedpassage", "text", "article", "body"),
        SUMMARY("summary", "bullets", "bulletpoints", "summarybullets", "summarypoints", "keypoints", "points",
                "highlights", "keyfacts"),
        FACTS("facts", "keyfacts", "keypoints", "points", "bullets", "summary", "highlights"),
        PARAGRAPHS("paragraphs", "changedparagraphs", "translations", "translatedparagraphs", "changed",
                "translation");

        private final String name;
        private final List<String> aliases;

        Field(String name, String... aliases) {
            this.name = name;
            this.aliases = List.of(aliases);
        }

        String jsonName() {
            return name;
        }
    }

    private final Map<String, JsonNode> fields;
    private final List<String> missing = new ArrayList<>();
    private final Set<Repair> repairs;

    private AnswerJson(JsonNode object, Set<Repair> repairs) {
        this.fields = new HashMap<>();
        object.properties().forEach(field -> fields.putIfAbsent(fold(field.getKey()), field.getValue()));
        this.repairs = repairs;
    }

    static Optional<AnswerJson> parse(String answer) {
        String text = answer == null ? "" : answer.strip();
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        return firstObject(text, repairs).map(object -> new AnswerJson(unwrap(object, repairs), repairs));
    }

    /** What was repaired while reading; the guardrails add theirs. */
    Set<Repair> repairs() {
        return repairs;
    }

    /** The field's text, stripped; "" (and noted as missing when {@code required}) when absent or empty. */
    String text(Field field, boolean required) {
        JsonNode value = find(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            if (required) {
                missing.add(field.jsonName());
            }
            return "";
        }
        return value.asText().strip();
    }

    /**
     * The field as a list of strings: an array of strings as it is, an array of objects by their text values, and
     * one string of lines as its lines (a repair). Bullet form is the guardrail's business.
     */
    List<String> strings(Field field) {
        return strings(field, true);
    }

    List<String> strings(Field field, boolean required) {
        JsonNode value = find(field);
        if (value == null) {
            if (required) {
                missing.add(field.jsonName());
            }
            return List.of();
        }
        if (value.isTextual()) {
            repairs.add(Repair.SUMMARY_AS_TEXT);
            return List.of(value.asText().split("\\R"));
        }
        if (!value.isArray()) {
            if (required) {
                missing.add(field.jsonName());
            }
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            strings.add(element.isValueNode() ? element.asText() : firstText(element));
        }
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
            return STRICT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record of strings always serializes", e);
        }
    }

    private JsonNode find(Field field) {
        JsonNode exact = fields.get(field.jsonName());
        if (exact != null) {
            return exact;
        }
        for (String alias : field.aliases) {
            JsonNode value = fields.get(alias);
            if (value != null) {
                repairs.add(Repair.FIELD_NAME);
                return value;
            }
        }
        return null;
    }

    private static String firstText(JsonNode object) {
        for (JsonNode value : object) {
            if (value.isTextual()) {
                return value.asText();
            }
        }
        return "";
    }

    /** {"result": {...}} or {"article": {...}}: the one object inside, when the outer one has nothing else. */
    private static JsonNode unwrap(JsonNode object, Set<Repair> repairs) {
        if (object.size() == 1) {
            JsonNode inner = object.elements().next();
            if (inner.isObject()) {
                repairs.add(Repair.FIELD_NAME);
                return inner;
            }
        }
        return object;
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /**
     * The whole answer as strict JSON if it is that; otherwise tries the first '{'s against the last '}'s, so
     * text or a fence around the object does not matter, first strictly and then leniently.
     */
    private static Optional<JsonNode> firstObject(String answer, Set<Repair> repairs) {
        Optional<JsonNode> whole = read(STRICT, answer);
        if (whole.isPresent()) {
            return whole;
        }
        int starts = 0;
        for (int start = answer.indexOf('{'); start >= 0 && starts++ < MAX_CANDIDATES;
                start = answer.indexOf('{', start + 1)) {
            int end = answer.lastIndexOf('}');
            for (int ends = 0; end > start && ends < MAX_CANDIDATES; ends++) {
                String candidate = answer.substring(start, end + 1);
                boolean wrapped = start > 0 || end < answer.length() - 1;
                Optional<JsonNode> strict = read(STRICT, candidate);
                Optional<JsonNode> node = strict.isPresent() ? strict : read(LENIENT, candidate);
                if (node.isPresent()) {
                    if (wrapped) {
                        repairs.add(Repair.JSON_WRAPPED);
                    }
                    if (strict.isEmpty()) {
                        repairs.add(Repair.JSON_SYNTAX);
                    }
                    return node;
                }
                end = answer.lastIndexOf('}', end - 1);
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> read(ObjectMapper mapper, String candidate) {
        try {
            JsonNode node = mapper.readTree(candidate);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
