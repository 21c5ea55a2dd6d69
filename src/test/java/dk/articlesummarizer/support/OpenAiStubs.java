package dk.articlesummarizer.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** Speaks the OpenAI chat-completions protocol for tests: canned answers, faults, and what was asked. */
public final class OpenAiStubs {

    public static final String CHAT_PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiStubs() {
    }

    /** The structured answer the fake model gives. */
    public record FakeAnswer(String title, String translation, List<String> summary, int promptTokens,
            int completionTokens) {

        public String asJson() {
            return write(Map.of("title", title, "translation", translation, "summary", summary));
        }
    }

    /**
     * A well-formed answer that passes every check for our sample articles: English, at least as long as
     * they are, with the one quotation each of them has, three one-sentence bullets without numbers.
     */
    public static FakeAnswer sampleAnswer(String topic) {
        String paragraph = "The municipality announced on Tuesday that the new plan for " + topic + " will go ahead"
                + " after a long debate among residents, local businesses and the council. Supporters say that the"
                + " decision will make the town a better place to live, while critics worry about the cost and about"
                + " the way the public was consulted before the final vote was taken.";
        String quoted = paragraph + " \"We are not against it, but nobody asked us,\" says the chairman.";
        String translation = String.join("\n\n", paragraph, paragraph, quoted, paragraph, paragraph);
        return new FakeAnswer("English headline about " + topic, translation,
                List.of("The first fact is about " + topic + ".", "A second fact follows from it.",
                        "A third fact closes the article."),
                321, 123);
    }

    public static MappingBuilder chatCompletion() {
        return post(urlEqualTo(CHAT_PATH));
    }

    public static ResponseDefinitionBuilder answering(FakeAnswer answer) {
        return completion(answer.asJson(), "stop", answer.promptTokens(), answer.completionTokens());
    }

    public static ResponseDefinitionBuilder completion(String content, String finishReason, int promptTokens,
            int completionTokens) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(completionJson(content, finishReason, promptTokens, completionTokens));
    }

    /** The body of an OpenAI chat completion carrying {@code content}. */
    public static String completionJson(String content, String finishReason, int promptTokens,
            int completionTokens) {
        Map<String, Object> body = Map.of(
                "id", "chatcmpl-test",
                "object", "chat.completion",
                "created", 1_764_000_000,
                "model", FakeOpenAi.MODEL,
                "choices", List.of(Map.of(
                        "index", 0,
                        "message", Map.of("role", "assistant", "content", content),
                        "finish_reason", finishReason)),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens));
        return write(body);
    }

    /** A streamed chat completion of {@code content}, in chunks of {@code chunkChars}, as OpenAI sends one. */
    public static ResponseDefinitionBuilder streamed(String content, int chunkChars, int promptTokens,
            int completionTokens) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(streamedBody(content, chunkChars, promptTokens, completionTokens));
    }

    /** The text/event-stream body of a streamed chat completion. */
    public static String streamedBody(String content, int chunkChars, int promptTokens, int completionTokens) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < content.length(); i += chunkChars) {
            String piece = content.substring(i, Math.min(content.length(), i + chunkChars));
            events.append("data: ").append(write(Map.of("id", "chatcmpl-test", "object", "chat.completion.chunk",
                    "created", 1_764_000_000, "model", FakeOpenAi.MODEL, "choices", List.of(Map.of("index", 0,
                            "delta", Map.of("content", piece)))))).append("\n\n");
        }
        events.append("data: ").append(write(Map.of("id", "chatcmpl-test", "object", "chat.completion.chunk",
                "created", 1_764_000_000, "model", FakeOpenAi.MODEL, "choices", List.of(Map.of("index", 0,
                        "delta", Map.of(), "finish_reason", "stop"))))).append("\n\n");
        events.append("data: ").append(write(Map.of("id", "chatcmpl-test", "object", "chat.completion.chunk",
                "created", 1_764_000_000, "model", FakeOpenAi.MODEL, "choices", List.of(),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens)))).append("\n\n");
        events.append("data: [DONE]\n\n");
        return events.toString();
    }

    public static ResponseDefinitionBuilder providerError(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"fake provider error " + status + "\",\"type\":\"server_error\"}}");
    }

    public static List<LoggedRequest> chatRequests(WireMockServer server) {
        return server.findAll(postRequestedFor(urlEqualTo(CHAT_PATH)));
    }

    /** All message contents of one chat request, joined: what the model was shown. */
    public static String promptOf(LoggedRequest request) {
        StringBuilder prompt = new StringBuilder();
        for (JsonNode message : read(request.getBodyAsString()).path("messages")) {
            prompt.append(message.path("content").asText()).append('\n');
        }
        return prompt.toString();
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
