package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The models asked, in order: the primary ({@code LLM_*}) and the fallbacks ({@code LLM_FALLBACK_<n>_*}), each
 * built here the same way from {@link LlmConfig} ({@link OpenAiModels}), with its own gate, breaker and prices.
 */
@ApplicationScoped
public class ModelChain {

    private final List<ModelLink> links;

    public ModelChain(LlmConfig config, @Any Instance<ChatModelListener> listeners,
            CircuitBreakerMaintenance breakers, MeterRegistry metrics) {
        List<ChatModelListener> observers = listeners.stream().toList();
        List<Place> places = new ArrayList<>();
        places.add(Place.primary(config));
        LlmConfig.fallbacks(config).forEach((number, fallback) -> places.add(Place.fallback(config, number, fallback)));
        this.links = places.stream().map(place -> place.link(config, observers, breakers, metrics)).toList();
    }

    /** One model's own settings: the primary's {@code LLM_*}, or a fallback's, which default to the primary's. */
    private record Place(String label, String settings, String baseUrl, String model, String apiKey,
            Duration timeout, LlmConfig.ResponseFormat format, int limit, int queue, String breaker,
            ModelLink.TokenPrices price) {

        static Place primary(LlmConfig config) {
            return new Place("primary", "LLM_", config.baseUrl(), config.model(),
                    config.apiKey(), config.timeout(), config.responseFormat(),
                    config.maxConcurrency(), config.queueSize(), LlmGate.BREAKER,
                    new ModelLink.TokenPrices(config.price().inputPerMillion(), config.price().outputPerMillion()));
        }

        static Place fallback(LlmConfig config, int number, LlmConfig.Fallback fallback) {
            String settings = "LLM_FALLBACK_" + number + "_";
            String baseUrl = fallback.baseUrl().orElse("");
            String model = fallback.model().orElse("");
            // A fallback that cannot work stops the start: unlike the primary's, its settings are all new.
            LlmEndpoint.of(baseUrl, model, settings).problem().ifPresent(problem -> {
                // Quarkus prints a ConfigurationException's message alone: one line, no stack trace.
                throw new ConfigurationException("Fallback model " + number + ": " + problem);
            });
            return new Place("fallback " + number, settings, baseUrl, model,
                    fallback.apiKey().orElse(LlmConfig.NO_KEY), fallback.timeout().orElse(config.timeout()),
                    fallback.responseFormat().orElse(config.responseFormat()),
                    fallback.maxConcurrency().orElse(config.maxConcurrency()),
                    fallback.queueSize().orElse(config.queueSize()), "llm-fallback-" + number,
                    new ModelLink.TokenPrices(fallback.priceInputPerMillion().orElse(0),
                            fallback.priceOutputPerMillion().orElse(0)));
        }

        ModelLink link(LlmConfig config, List<ChatModelListener> observers, CircuitBreakerMaintenance breakers,
                MeterRegistry metrics) {
            LlmEndpoint endpoint = LlmEndpoint.of(baseUrl, model, settings);
            OpenAiModels models = OpenAiModels.of(baseUrl, model, apiKey, timeout, config.maxOutputTokens(),
                    observers);
            return new ModelLink(label, model, settings, endpoint, new StructuredOutputModel(models.chat(), format,
                    settings), models.streaming(),
                    new LlmGate(breaker, model, settings, limit, queue, config, breakers, metrics),
                    new ProviderFailures(model, label, settings, timeout, config.maxAttempts(),
                            config.circuitBreaker().delay()),
                    price);
        }
    }

    /** The primary first, then the fallbacks in order. */
    public List<ModelLink> links() {
        return links;
    }

    public ModelLink primary() {
        return links.get(0);
    }
}
