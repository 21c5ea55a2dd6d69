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
 * Where the LLM is, how long to wait for it and how hard to try. Set through {@code LLM_*} environment variables
 * (see docs/configuration.md); every model of the chain is built from these ({@link ModelChain}).
 */
@ConfigMapping(prefix = "llm")
public interface LlmConfig {

    /** Base URL of an OpenAI-compatible API, e.g. {@code https://api.openai.com/v1}. */
    String baseUrl();

    /** Model id sent with every call and reported in every answer. */
    String model();

    /** Sent as the bearer key when none is configured: local servers ignore it, the client insists on one. */
    String NO_KEY = "not-needed";

    /** Bearer key for the provider: OPENAI_API_KEY when unset, else {@link #NO_KEY}. */
    @WithDefault("${OPENAI_API_KEY:" + NO_KEY + "}")
    String apiKey();

    /** Longest wait for one HTTP call to the provider, its whole answer included. */
    Duration timeout();

    /**
     * How the answer's JSON shape is asked for: {@code auto} and {@code json_schema} send the answer's JSON schema
     * as {@code response_format}, {@code json_object} asks for any JSON object, {@code prompt} relies on the
     * prompt alone. A provider that refuses a response format (HTTP 400 naming it) is asked in the prompt form
     * from then on.
     */
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

    /** The model's context window in tokens: prompt and answer of one call together must fit in it. */
    @WithDefault(DEFAULT_CONTEXT_TOKENS)
    int contextTokens();

    /**
     * The most tokens one answer may have, sent as {@code max_tokens}. Default: half the context window
     * (computed by LlmDefaultsConfigSourceFactory).
     */
    int maxOutputTokens();

    /** Attempts per LLM call, the first included, for timeouts, 429, 5xx and connection failures. */
    @WithDefault("3")
    int maxAttempts();

    /** First retry delay; each further retry doubles it, with jitter. */
    @WithDefault("500ms")
    Duration backoff();

    /** Longest delay between attempts, and the longest provider Retry-After we wait for before retrying. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** LLM calls in flight at once, from every path; more wait in a bounded queue. */
    @WithDefault("8")
    int maxConcurrency();

    /** Calls that may wait for a turn, none past its deadline; beyond that calls are refused at once with 503. */
    @WithDefault("16")
    int queueSize();

    CircuitBreaker circuitBreaker();

    /** The currency of every {@code LLM_*PRICE_*} setting, named in answers and budgets. */
    @WithDefault("USD")
    String priceCurrency();

    /** What the primary model's tokens cost; 0 (the default) for a model the operator does not pay per token. */
    Price price();

    /**
     * Models asked, in order of their number, when the one before them fails ({@code LLM_FALLBACK_1_BASE_URL},
     * {@code LLM_FALLBACK_1_MODEL}, ...). Retries, backoff and the breaker's settings are the primary's; passages
     * are sized by the primary's context window, so a fallback model needs at least as large a one. Three fixed
     * places of optional settings rather than a map or optional groups: SmallRye Config finds neither a map's keys
     * nor an optional group's presence in environment variables such as {@code LLM_FALLBACK_1_BASE_URL}.
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

    interface Fallback {

        /** Base URL of the fallback's OpenAI-compatible API. */
        Optional<String> baseUrl();

        /** The fallback's model id, reported in the answers it gives. */
        Optional<String> model();

        /** Bearer key for the fallback's provider; none is sent when absent. */
        Optional<String> apiKey();

        /** Longest wait for one HTTP call; the primary's LLM_TIMEOUT when absent. */
        Optional<Duration> timeout();

        /** As {@link LlmConfig#responseFormat()}; the primary's when absent. */
        Optional<ResponseFormat> responseFormat();

        /** Calls in flight at once to this model; the primary's LLM_MAX_CONCURRENCY when absent. */
        OptionalInt maxConcurrency();

        /** Calls that may wait for a turn at this model; the primary's LLM_QUEUE_SIZE when absent. */
        OptionalInt queueSize();

        /** Price per million prompt tokens; 0 when absent (no defaults here: they would make every place present). */
        OptionalDouble priceInputPerMillion();

        /** Price per million completion tokens; 0 when absent. */
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
        /**
         * Size of the rolling window of articles (each counted once, after its retries) the failure ratio is
         * computed over; also the least volume before the breaker can open.
         */
        @WithDefault("20")
        int window();

        /** Ratio of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before a probe call may close it. */
        @WithDefault("30s")
        Duration delay();
    }
}
