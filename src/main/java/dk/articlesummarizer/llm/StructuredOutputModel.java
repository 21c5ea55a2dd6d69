package dk.articlesummarizer.llm;

import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.output.JsonSchemas;

/**
 * One model of the chain as our calls talk to it: each request asks for JSON as {@code LLM_RESPONSE_FORMAT} says,
 * until the provider refuses the response format (HTTP 400 naming it); from then on, for the life of the process,
 * the prompt alone asks for it.
 */
public final class StructuredOutputModel {

    private static final Logger LOG = Logger.getLogger(StructuredOutputModel.class);

    private final ChatModel model;
    private final LlmConfig.ResponseFormat configured;
    private final String settings;
    private volatile boolean refused;

    /** @param settings the prefix of the model's environment variables, named in the log */
    StructuredOutputModel(ChatModel model, LlmConfig.ResponseFormat configured, String settings) {
        this.model = model;
        this.configured = configured;
        this.settings = settings;
    }

    /** What is sent now: the configured format, or {@code prompt} after the provider refused it. */
    public String inUse() {
        return structuredInUse() ? configured.name().toLowerCase(Locale.ROOT) : "prompt";
    }

    /** The model's answer, a JSON object of {@code shape}'s fields. */
    ChatResponse chat(List<ChatMessage> messages, Class<?> shape) {
        if (!structuredInUse()) {
            return model.chat(messages);
        }
        try {
            return model.chat(ChatRequest.builder().messages(messages).responseFormat(format(shape)).build());
        } catch (RuntimeException e) {
            if (!refusesResponseFormat(e)) {
                throw e;
            }
            refused = true;
            LOG.warnf("The LLM provider refused response_format %s (HTTP 400); asking for JSON in the prompt from now"
                    + " on. Set %sRESPONSE_FORMAT=prompt to skip the refused attempt at start-up.",
                    configured == LlmConfig.ResponseFormat.JSON_OBJECT ? "json_object" : "json_schema", settings);
            return model.chat(messages);
        }
    }

    private boolean structuredInUse() {
        return configured != LlmConfig.ResponseFormat.PROMPT && !refused;
    }

    /** {@code json_object} is any JSON object; otherwise the shape's JSON schema. */
    private ResponseFormat format(Class<?> shape) {
        if (configured == LlmConfig.ResponseFormat.JSON_OBJECT) {
            return ResponseFormat.JSON;
        }
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchemas.jsonSchemaFrom(shape).orElseThrow()).build();
    }

    /** A 400 whose message names the response format: the provider does not do structured output. */
    private static boolean refusesResponseFormat(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (ProviderFailures.httpStatus(cause) == 400
                    && (message.contains("response_format") || message.contains("json_schema"))) {
                return true;
            }
        }
        return false;
    }
}
