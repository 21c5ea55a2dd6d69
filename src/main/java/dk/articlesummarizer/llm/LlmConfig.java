package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the LLM is, how long to wait for it and how hard to try. Set through {@code LLM_*} environment variables
 * (see docs/configuration.md); the quarkus-langchain4j settings in application.properties refer to these values.
 */
@ConfigMapping(prefix = "llm")
public interface LlmConfig {

    /** Base URL of an OpenAI-compatible API, e.g. {@code https://api.openai.com/v1}. */
    String baseUrl();

    /** Model id sent with every call and reported in every answer. */
    String model();

    /** Bearer key for the provider; application.properties hands it to the client, falling back to OPENAI_API_KEY. */
    Optional<String> apiKey();

    /** Longest wait for one HTTP call to the provider. */
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
