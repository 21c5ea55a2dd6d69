package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where the LLM is and how long to wait for it. Set through {@code LLM_BASE_URL}, {@code LLM_API_KEY}
 * (or {@code OPENAI_API_KEY}), {@code LLM_MODEL} and {@code LLM_TIMEOUT}; the quarkus-langchain4j settings
 * in application.properties refer to these values.
 */
@ConfigMapping(prefix = "llm")
public interface LlmConfig {

    /** Base URL of an OpenAI-compatible API, e.g. {@code https://api.openai.com/v1}. */
    String baseUrl();

    /** Model id sent with every call and reported in every answer. */
    String model();

    /** Bearer key for the provider; application.properties hands it to the client, falling back to OPENAI_API_KEY. */
    Optional<String> apiKey();

    Duration timeout();
}
