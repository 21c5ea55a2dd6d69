package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.langchain4j.ModelName;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The models asked, in order: the primary ({@code LLM_*}, built by quarkus-langchain4j from application.properties)
 * and the fallbacks ({@code LLM_FALLBACK_<n>_*}, built here with the same client through LangChain4j's builders,
 * since their number is known only at run time). Each has its own gate, breaker and prices.
 */
@ApplicationScoped
@Unremovable // looked up by ForAiService below, which ArC cannot see
public class ModelChain {

    private static final ThreadLocal<ModelLink> ASKED = new ThreadLocal<>();
    private static final double TEMPERATURE = 0.2;

    private final List<ModelLink> links;

    public ModelChain(LlmConfig config, @Default ChatModel jsonSchema, @ModelName("json-object") ChatModel jsonObject,
            @ModelName("prompt-form") ChatModel promptForm, @ModelName("prompt-form") StreamingChatModel streaming,
            @Any Instance<ChatModelListener> listeners, CircuitBreakerMaintenance breakers, MeterRegistry metrics) {
        List<ModelLink> chain = new ArrayList<>();
        chain.add(link(config, "primary", config.model(), "LLM_", config.baseUrl(), config.timeout(),
                config.responseFormat(), config.maxConcurrency(), config.queueSize(), LlmGate.BREAKER,
                config.responseFormat() == LlmConfig.ResponseFormat.JSON_OBJECT ? jsonObject : jsonSchema,
                promptForm, streaming, new ModelLink.TokenPrices(config.price().inputPerMillion(),
                        config.price().outputPerMillion()), breakers, metrics));
        List<ChatModelListener> observers = listeners.stream().toList();
        for (Map.Entry<Integer, LlmConfig.Fallback> numbered : LlmConfig.fallbacks(config).entrySet()) {
            int number = numbered.getKey();
            LlmConfig.Fallback fallback = numbered.getValue();
            Duration timeout = fallback.timeout().orElse(config.timeout());
            LlmConfig.ResponseFormat format = fallback.responseFormat().orElse(config.responseFormat());
            String apiKey = fallback.apiKey().orElse("not-needed");
            String baseUrl = fallback.baseUrl().orElse("");
            String model = fallback.model().orElse("");
            String settings = "LLM_FALLBACK_" + number + "_";
            // A fallback that cannot work stops the start: unlike the primary's, its settings are all new.
            new LlmEndpoint(baseUrl, model, settings).problem().ifPresent(problem -> {
                // Quarkus prints a ConfigurationException's message alone: one line, no stack trace.
                throw new ConfigurationException("Fallback model " + number + ": " + problem);
            });
            chain.add(link(config, "fallback " + number, model, settings, baseUrl, timeout, format,
                    fallback.maxConcurrency().orElse(config.maxConcurrency()),
                    fallback.queueSize().orElse(config.queueSize()), "llm-fallback-" + number,
                    chatModel(baseUrl, model, apiKey, timeout, format, observers),
                    chatModel(baseUrl, model, apiKey, timeout, LlmConfig.ResponseFormat.PROMPT, observers),
                    OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(apiKey)
                            .modelName(model).timeout(timeout).temperature(TEMPERATURE)
                            .maxTokens(config.maxOutputTokens()).logRequests(false).logResponses(false)
                            .listeners(observers).build(),
                    new ModelLink.TokenPrices(fallback.priceInputPerMillion().orElse(0),
                            fallback.priceOutputPerMillion().orElse(0)), breakers, metrics));
        }
        this.links = List.copyOf(chain);
    }

    private static ModelLink link(LlmConfig config, String label, String model, String settings, String baseUrl,
            Duration timeout, LlmConfig.ResponseFormat format, int limit, int queue, String breakerName,
            ChatModel structured, ChatModel promptForm, StreamingChatModel streaming, ModelLink.TokenPrices price,
            CircuitBreakerMaintenance breakers, MeterRegistry metrics) {
        LlmEndpoint endpoint = new LlmEndpoint(baseUrl, model, settings);
        return new ModelLink(label, model, settings, endpoint,
                new StructuredOutputModel(format, settings, config.maxOutputTokens(), structured, promptForm),
                streaming,
                new LlmGate(breakerName, model, settings, limit, queue, config.circuitBreaker(), breakers, metrics),
                new ProviderFailures(endpoint, settings, timeout, config.maxAttempts(),
                        config.circuitBreaker().delay()),
                price);
    }

    /** A fallback model as quarkus-langchain4j would build it from its own configuration. */
    private static ChatModel chatModel(String baseUrl, String model, String apiKey, Duration timeout,
            LlmConfig.ResponseFormat format, List<ChatModelListener> observers) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder().baseUrl(baseUrl)
                .apiKey(apiKey).modelName(model).timeout(timeout).temperature(TEMPERATURE)
                // max_tokens is set per request (StructuredOutputModel)
                // One HTTP attempt: our retries, breaker and chain decide what happens next (SingleAttemptCustomizer).
                .maxRetries(0).logRequests(false).logResponses(false).listeners(observers);
        return switch (format) {
            case AUTO, JSON_SCHEMA -> builder.responseFormat("json_schema").build();
            case JSON_OBJECT -> builder.responseFormat("json_object").build();
            case PROMPT -> builder.build();
        };
    }

    /** The primary first, then the fallbacks in order. */
    public List<ModelLink> links() {
        return links;
    }

    public ModelLink primary() {
        return links.get(0);
    }

    /** Runs an AI-service call against one model: the service's chat model (below) asks the one set here. */
    static <T> T asking(ModelLink link, Supplier<T> call) {
        ModelLink outer = ASKED.get();
        ASKED.set(link);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                ASKED.remove();
            } else {
                ASKED.set(outer);
            }
        }
    }

    /**
     * The AI service's chat model: the model of the chain that the current call asks. quarkus-langchain4j binds an
     * AI service to one model, and its requests (a guardrail's reprompt too) run on the calling thread, so the model
     * is chosen per call there.
     */
    private ChatModel asked() {
        ModelLink link = ASKED.get();
        return (link == null ? primary() : link).chat();
    }

    /** Hands the AI service the router (quarkus-langchain4j instantiates suppliers itself). */
    public static class ForAiService implements Supplier<ChatModel> {

        @Override
        public ChatModel get() {
            ModelChain chain = CDI.current().select(ModelChain.class).get();
            return new ChatModel() {

                @Override
                public ChatResponse chat(ChatRequest request) {
                    return chain.asked().chat(request);
                }

                @Override
                public Set<Capability> supportedCapabilities() {
                    return chain.asked().supportedCapabilities();
                }

                @Override
                public ChatRequestParameters defaultRequestParameters() {
                    return chain.asked().defaultRequestParameters();
                }
            };
        }
    }

}
