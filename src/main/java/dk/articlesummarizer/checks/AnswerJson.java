package dk.articlesummarizer.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Finds the JSON object in what a model answered and reads its fields the way models actually write them: wrapped
 * in markdown fences or prose, with raw line breaks inside strings, trailing commas or single quotes, and under
 * near names ({@code bullets}, {@code Headline}, {@code key_points}) and in other JSON shapes than asked (a list
 * for a text, numbered parts, items as objects, a number for a string). Each such leniency is noted as a repair;
 * missing or empty fields, and fields whose shape leaves their meaning in doubt, are collected as missing.
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
    /** A numbered part's name: a stem and a number ({@code 1}, {@code paragraph1}, {@code Bullet 2}, {@code p_3}). */
    private static final Pattern NUMBERED = Pattern.compile("([^0-9]*)([0-9]{1,6})[^0-9A-Za-z]*");

    static final Violation NOT_JSON = new Violation(Violation.Cause.NOT_JSON, "Your answer was not a JSON object."
            + " Answer with only the JSON object with the requested fields.");

    /** The fields we read, each with the other names models give it (compared without case and punctuation). */
    enum Field {
        TITLE("headline", "englishtitle", "englishheadline", "heading", "translatedtitle"),
        TRANSLATION("translatedtext", "englishtranslation", "translatedarticle", "english",
                "translatedpassage", "text", "article", "body"),
        SUMMARY("bullets", "bulletpoints", "summarybullets", "summarypoints", "keypoints", "points",
                "highlights", "keyfacts"),
        FACTS("keyfacts", "keypoints", "points", "bullets", "summary", "highlights"),
        PARAGRAPHS("changedparagraphs", "translations", "translatedparagraphs", "changed",
                "translation");

        private final List<String> aliases;

        Field(String... aliases) {
            this.aliases = List.of(aliases);
        }

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean isCalled(String folded) {
            return jsonName().equals(folded) || aliases.contains(folded);
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

    /** What was repaired while reading; the checks add theirs. */
    Set<Repair> repairs() {
        return repairs;
    }

    /**
     * The field's text, stripped; "" (and noted as missing when {@code required}) when absent, empty or in a shape
     * that leaves its meaning in doubt. Parts (a list, numbered parts) are joined as paragraphs.
     */
    String text(Field field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null || value.isTextual()) {
            return value == null ? "" : value.asText();
        }
        repairs.add(Repair.FIELD_SHAPE);
        return String.join("\n\n", texts(value));
    }

    /**
     * The field as a list of strings: a list, or numbered parts, in order; one string of lines as its lines (a
     * repair). Bullet form is the checks' business.
     */
    List<String> strings(Field field) {
        return strings(field, true);
    }

    List<String> strings(Field field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return List.of();
        }
        if (value.isTextual()) {
            repairs.add(Repair.SUMMARY_AS_TEXT);
            return Arrays.stream(value.asText().split("\\R")).map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        }
        return texts(value);
    }

    /** After reading every field: what was missing, as a violation. */
    Optional<Violation> missingFields() {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Violation(Violation.Cause.MISSING_FIELD, "Your JSON lacked or left empty: "
                + String.join(", ", missing) + ". Answer again with every requested field filled in."));
    }

    /** The field's value as {@link #shaped} reads it, with its repairs; null, and noted when required, if none. */
    private JsonNode value(Field field, boolean required) {
        Set<Repair> noted = EnumSet.noneOf(Repair.class);
        JsonNode value = shaped(find(field), true, noted);
        if (value != null) {
            repairs.addAll(noted);
        } else if (required) {
            missing.add(field.jsonName());
        }
        return value;
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

    /**
     * A field's value as what it means: one text (a string, or a number) or its parts in order (a list, or an
     * object of numbered parts), as a text node or an array of text nodes, none blank. An object holding one thing
     * ({"bullets": [...]}, {"text": "..."}) is read as that thing, one level deep. Null where the meaning is not
     * intact: nothing there, null, empty, or an object of several things with no order among them.
     */
    private static JsonNode shaped(JsonNode value, boolean mayNest, Set<Repair> noted) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber()) {
            if (value.isNumber()) {
                noted.add(Repair.FIELD_SHAPE);
            }
            return value.asText().isBlank() ? null : TextNode.valueOf(value.asText().strip());
        }
        Optional<List<JsonNode>> numbered = numbered(value);
        if (value.isArray() || numbered.isPresent()) {
            if (numbered.isPresent()) {
                noted.add(Repair.FIELD_SHAPE);
            }
            ArrayNode parts = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : numbered.isPresent() ? numbered.get() : value) {
                Optional<String> part = part(element, noted);
                if (part.isEmpty()) {
                    return null;
                }
                if (!part.get().isBlank()) {
                    parts.add(part.get().strip());
                }
            }
            return parts.isEmpty() ? null : parts;
        }
        List<JsonNode> content = content(value);
        if (content.size() == 1 && mayNest) {
            noted.add(Repair.FIELD_NAME);
            return shaped(content.get(0), false, noted);
        }
        return null;
    }

    /**
     * One part of a list: a string, a number, or an object holding one string ({"text": ...}, {"point": ...}); ""
     * for a null one, which says nothing. Empty for anything else: which of its strings is meant is not known.
     */
    private static Optional<String> part(JsonNode element, Set<Repair> noted) {
        if (element.isNull() || element.isTextual()) {
            return Optional.of(element.isNull() ? "" : element.asText());
        }
        if (element.isNumber()) {
            noted.add(Repair.FIELD_SHAPE);
            return Optional.of(element.asText());
        }
        List<JsonNode> content = content(element);
        if (content.size() == 1 && content.get(0).isTextual()) {
            noted.add(Repair.FIELD_SHAPE);
            return Optional.of(content.get(0).asText());
        }
        return Optional.empty();
    }

    /**
     * An object's members in the order of their numbers, when every name is the same stem with a number ({"1":
     * ..., "2": ...}, {"paragraph1": ..., "paragraph2": ...}); empty for anything else.
     */
    private static Optional<List<JsonNode>> numbered(JsonNode object) {
        if (!object.isObject() || object.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<Integer, JsonNode> byNumber = new TreeMap<>();
        String stem = null;
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            Matcher name = NUMBERED.matcher(member.getKey());
            if (!name.matches() || (stem != null && !stem.equals(fold(name.group(1))))
                    || byNumber.put(Integer.parseInt(name.group(2)), member.getValue()) != null) {
                return Optional.empty();
            }
            stem = fold(name.group(1));
        }
        return Optional.of(List.copyOf(byNumber.values()));
    }

    /** What an object says: its strings, lists and objects; numbers, booleans and nulls beside them are labels. */
    private static List<JsonNode> content(JsonNode object) {
        return object.valueStream().filter(value -> value.isTextual() || value.isContainerNode()).toList();
    }

    private static List<String> texts(JsonNode parts) {
        return parts.valueStream().map(JsonNode::asText).toList();
    }

    /**
     * {"result": {...}} or {"article": {...}}: the one object inside, when the outer one has nothing else and the
     * inner one holds a field we read; {"translation": {"1": ...}} is a field in another shape, not a wrapper.
     */
    private static JsonNode unwrap(JsonNode object, Set<Repair> repairs) {
        if (object.size() == 1) {
            JsonNode inner = object.elements().next();
            if (inner.isObject() && holdsAField(inner)) {
                repairs.add(Repair.FIELD_NAME);
                return inner;
            }
        }
        return object;
    }

    private static boolean holdsAField(JsonNode object) {
        return object.propertyStream().map(member -> fold(member.getKey()))
                .anyMatch(name -> Arrays.stream(Field.values()).anyMatch(field -> field.isCalled(name)));
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
                Optional<JsonNode> node = strict.or(() -> read(LENIENT, candidate));
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
