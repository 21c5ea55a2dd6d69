package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where the LLM is, how long to wait for it and how hard to try: the {@code LLM_*} environment variables, each
 * described in docs/configuration.md. Every model of the chain is built from these ({@link ModelChain}).
 */
@ConfigMapping(prefix = "llm")
public interface LlmConfig {

    /** Default: OpenAI with an API key, else a local Ollama (LlmDefaultsConfigSourceFactory). */
    String baseUrl();

    /** Default: as {@link #baseUrl()}'s. */
    String model();

    /** Sent as the bearer key when none is configured: local servers ignore it, the client insists on one. */
    String NO_KEY = "not-needed";

    @WithDefault("${OPENAI_API_KEY:" + NO_KEY + "}")
    String apiKey();

    Duration timeout();

    /** A provider that refuses a response format (HTTP 400 naming it) is asked in the prompt form from then on. */
    @WithDefault("auto")
    ResponseFormat responseFormat();

    enum ResponseFormat {
        AUTO,
        JSON_SCHEMA,
        JSON_OBJECT,
        PROMPT
    }

    /** Also the base of the computed default of {@link #maxOutputTokens()}. */
    String DEFAULT_CONTEXT_TOKENS = "8192";

    @WithDefault(DEFAULT_CONTEXT_TOKENS)
    int contextTokens();

    /** Default: half the context window (LlmDefaultsConfigSourceFactory). */
    int maxOutputTokens();

    @WithDefault("3")
    int maxAttempts();

    @WithDefault("500ms")
    Duration backoff();

    @WithDefault("10s")
    Duration maxBackoff();

    @WithDefault("8")
    int maxConcurrency();

    @WithDefault("16")
    int queueSize();

    CircuitBreaker circuitBreaker();

    @WithDefault("USD")
    String priceCurrency();

    Price price();

    /**
     * Three fixed places of optional settings rather than a map or optional groups: SmallRye Config finds neither a
     * map's keys nor an optional group's presence in environment variables such as {@code LLM_FALLBACK_1_BASE_URL}.
     */
    @WithName("fallback-1")
    Fallback fallback1();

    @WithName("fallback-2")
    Fallback fallback2();

    @WithName("fallback-3")
    Fallback fallback3();

    /** The fallbacks configured (a base URL or a model set), by number. */
    static Map<Integer, Fallback> fallbacks(LlmConfig config) {
        Map<Integer, Fallback> numbered = new TreeMap<>();
        List<Fallback> places = List.of(config.fallback1(), config.fallback2(), config.fallback3());
        for (int place = 0; place < places.size(); place++) {
            Fallback fallback = places.get(place);
            if (fallback.baseUrl().isPresent() || fallback.model().isPresent()) {
                numbered.put(place + 1, fallback);
            }
        }
        return numbered;
    }

    /** A fallback model's own settings; those absent are the primary's, except the key and the prices. */
    interface Fallback {

        Optional<String> baseUrl();

        Optional<String> model();

        Optional<String> apiKey();

        Optional<Duration> timeout();

        Optional<ResponseFormat> responseFormat();

        OptionalInt maxConcurrency();

        OptionalInt queueSize();

        /** 0 when absent (no defaults here: they would make every place present). */
        OptionalDouble priceInputPerMillion();

        OptionalDouble priceOutputPerMillion();
    }

    /** Prices per million tokens, in {@link LlmConfig#priceCurrency()}. */
    interface Price {

        @WithDefault("0")
        double inputPerMillion();

        @WithDefault("0")
        double outputPerMillion();
    }

    interface CircuitBreaker {

        @WithDefault("20")
        int window();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("30s")
        Duration delay();
    }
}
