package dk.articlesummarizer.llm;

import java.util.Locale;
import java.util.Set;

import org.jboss.logging.Logger;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * One model of the chain as our calls talk to it: of two configurations of the same model, the one that asks
 * for JSON as {@code LLM_RESPONSE_FORMAT} says, or the prompt form. The client fixes a model's response format when
 * it is built; choosing between two is what lets a provider that refuses {@code response_format} be asked in the
 * prompt form instead, once, and from then on for the life of the process. Every request carries
 * {@code LLM_MAX_OUTPUT_TOKENS} as {@code max_tokens}, which local servers understand (the extension's own setting
 * for it is deprecated in favour of OpenAI's newer {@code max_completion_tokens}).
 */
public final class StructuredOutputModel implements ChatModel {

    private static final Logger LOG = Logger.getLogger(StructuredOutputModel.class);

    private final ChatModel structured;
    private final ChatModel promptForm;
    private final LlmConfig.ResponseFormat configured;
    private final String settings;
    private final int maxOutputTokens;
    private volatile boolean refused;

    /**
     * @param structured the model configured with the response format asked for (unused for {@code prompt})
     * @param settings the prefix of the model's environment variables, named in the log
     */
    StructuredOutputModel(LlmConfig.ResponseFormat configured, String settings, int maxOutputTokens,
            ChatModel structured, ChatModel promptForm) {
        this.configured = configured;
        this.settings = settings;
        this.maxOutputTokens = maxOutputTokens;
        this.structured = structured;
        this.promptForm = promptForm;
    }

    /** What is sent now: the configured format, or {@code prompt} after the provider refused it. */
    public String inUse() {
        return structuredInUse() ? configured.name().toLowerCase(Locale.ROOT) : "prompt";
    }

    @Override
    public ChatResponse chat(ChatRequest original) {
        ChatRequest request = original.toBuilder().parameters(ChatRequestParameters.builder()
                .overrideWith(original.parameters()).maxOutputTokens(maxOutputTokens).build()).build();
        return structuredInUse() ? structuredOrPromptForm(request) : promptForm.chat(withoutResponseFormat(request));
    }

    private ChatResponse structuredOrPromptForm(ChatRequest request) {
        try {
            return structured.chat(request);
        } catch (RuntimeException e) {
            if (!refusesResponseFormat(e)) {
                throw e;
            }
            refused = true;
            LOG.warnf("The LLM provider refused response_format %s (HTTP 400); asking for JSON in the prompt from now"
                    + " on. Set %sRESPONSE_FORMAT=prompt to skip the refused attempt at start-up.",
                    configured == LlmConfig.ResponseFormat.JSON_OBJECT ? "json_object" : "json_schema", settings);
            return promptForm.chat(withoutResponseFormat(request));
        }
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return current().supportedCapabilities();
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return current().defaultRequestParameters();
    }

    private boolean structuredInUse() {
        return configured != LlmConfig.ResponseFormat.PROMPT && !refused;
    }

    private ChatModel current() {
        return structuredInUse() ? structured : promptForm;
    }

    private static ChatRequest withoutResponseFormat(ChatRequest request) {
        if (request.parameters() == null || request.parameters().responseFormat() == null) {
            return request;
        }
        return request.toBuilder().parameters(ChatRequestParameters.builder().overrideWith(request.parameters())
                .responseFormat((ResponseFormat) null).build()).build();
    }

    /** A 400 whose message names the response format: the provider does not do structured output. */
    static boolean refusesResponseFormat(Throwable failure) {
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
