package dk.articlesummarizer.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.OpenAiStubs;

/**
 * A stand-in model for the quality report when no LLM is configured: answers each golden article with its
 * reference translation, in the untidy shapes real models use (prose and a fence around JSON with raw line
 * breaks, as Llama does; capitalized keys and the summary as one string of lines, as Qwen does), and long
 * articles passage by passage like {@link FakeTranslator}.
 *
 * <p>A reference answer may carry a {@code fault}: text replacements in some of its fields ({@code in}: title,
 * translation, summary; all when absent) that make it wrong the way a real model gets it wrong (Danish quotation
 * marks kept, a name in two spellings, a glossary term left in Danish, a made-up quote). The service must put it
 * right, so that the report shows whether it did. With {@code untilCorrected} the fault is in the first answer
 * only, and the answer to the service's correction is the reference: a fault the service refuses rather than
 * repairs.
 */
final class GoldenProvider implements ResponseDefinitionTransformerV2, AutoCloseable {

    private final Map<String, JsonNode> answers;
    private final WireMockServer server;

    /** @param answers reference answers by their source text, stripped */
    GoldenProvider(Map<String, JsonNode> answers) {
        this.answers = answers;
        this.server = new WireMockServer(wireMockConfig().dynamicPort().extensions(this));
        server.start();
        server.stubFor(post(urlEqualTo(OpenAiStubs.CHAT_PATH)).willReturn(aResponse().withTransformers(getName())));
        server.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"list\",\"data\":[{\"id\":\"golden-reference\",\"object\":\"model\"}]}")));
    }

    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    @Override
    public String getName() {
        return "golden-provider";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String request = event.getRequest().getBodyAsString();
        JsonNode messages = OpenAiStubs.read(request).path("messages");
        String user = messages.path(1).path("content").asText();
        int from = user.indexOf("<<<ARTICLE\n");
        int to = user.indexOf("\nARTICLE>>>");
        JsonNode reference = from < 0 || to < 0 ? null : answers.get(user.substring(from + 11, to).strip());
        // The service's correction follows the model's first answer in the same conversation.
        JsonNode answer = reference == null ? null : withFault(reference, messages.size() > 2);
        String body = answer == null ? FakeTranslator.completionFor(request)
                : OpenAiStubs.completionJson(untidy(answer, answers.size()), "stop", user.length() / 4,
                        answer.toString().length() / 4);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body).build();
    }

    /** The reference answer with its fault put in, unless the fault lasts only until corrected and was. */
    private static JsonNode withFault(JsonNode reference, boolean corrected) {
        ObjectNode answer = reference.deepCopy();
        JsonNode fault = answer.remove("fault");
        if (fault == null || corrected && fault.path("untilCorrected").asBoolean()) {
            return answer;
        }
        List<String> fields = new ArrayList<>();
        fault.path("in").forEach(field -> fields.add(field.asText()));
        for (String field : fields.isEmpty() ? List.of("title", "translation", "summary") : fields) {
            JsonNode value = answer.path(field);
            if (value.isArray()) {
                ArrayNode replaced = answer.putArray(field);
                value.forEach(item -> replaced.add(replaced(item.asText(), fault)));
            } else if (value.isTextual()) {
                answer.put(field, replaced(value.asText(), fault));
            }
        }
        return answer;
    }

    private static String replaced(String text, JsonNode fault) {
        String result = text;
        for (JsonNode pair : fault.path("replace")) {
            result = result.replace(pair.path(0).asText(), pair.path(1).asText());
        }
        return result;
    }

    /** The reference answer in one of three shapes, chosen by its headline so that each article has one. */
    private static String untidy(JsonNode answer, int seed) {
        String title = answer.path("title").asText();
        String translation = answer.path("translation").asText();
        switch (Math.floorMod(title.hashCode() + seed, 3)) {
            case 0 -> {
                return answer.toString();
            }
            case 1 -> {
                String raw = quote(translation).replace("\\n", "\n");
                StringBuilder bullets = new StringBuilder();
                answer.path("summary").forEach(bullet -> bullets.append(bullets.length() == 0 ? "" : ",\n    ")
                        .append(quote(bullet.asText())));
                return "Here is the translation and summary in JSON format:\n\n```json\n{\n  \"title\": "
                        + quote(title) + ",\n  \"translation\": " + raw + ",\n  \"summary\": [\n    " + bullets
                        + "\n  ]\n}\n```\n\nLet me know if you need anything else!";
            }
            default -> {
                StringBuilder lines = new StringBuilder();
                answer.path("summary").forEach(bullet -> lines.append("- ").append(bullet.asText()).append('\n'));
                return "```json\n{\"Title\": " + quote(title) + ", \"Translation\": " + quote(translation)
                        + ", \"Summary\": " + quote(lines.toString().strip()) + "}\n```";
            }
        }
    }

    private static String quote(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
