package dk.articlesummarizer.llm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Computes the defaults that depend on other settings, which a property file cannot express: {@code llm.base-url}
 * and {@code llm.model} point at OpenAI when an API key is configured and at a local Ollama otherwise, and
 * {@code llm.max-output-tokens} is half of {@code llm.context-tokens}. Published as {@code llm-defaults.*}, which
 * application.properties uses as fallback values.
 */
public class LlmDefaultsConfigSourceFactory implements ConfigSourceFactory {

    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    static final String OPENAI_MODEL = "gpt-4o-mini";
    static final String OLLAMA_BASE_URL = "http://localhost:11434/v1";
    static final String OLLAMA_MODEL = "llama3.1:8b";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean keyConfigured = Stream.of("LLM_API_KEY", "llm.api-key", "OPENAI_API_KEY")
                .map(context::getValue)
                .anyMatch(LlmDefaultsConfigSourceFactory::isSet);
        Map<String, String> defaults = new HashMap<>(keyConfigured
                ? Map.of("llm-defaults.base-url", OPENAI_BASE_URL, "llm-defaults.model", OPENAI_MODEL)
                : Map.of("llm-defaults.base-url", OLLAMA_BASE_URL, "llm-defaults.model", OLLAMA_MODEL));
        defaults.put("llm-defaults.max-output-tokens", String.valueOf(contextTokens(context) / 2));
        return List.of(new PropertiesConfigSource(defaults, "llm-defaults", 50));
    }

    private static int contextTokens(ConfigSourceContext context) {
        return Stream.of("LLM_CONTEXT_TOKENS", "llm.context-tokens")
                .map(context::getValue)
                .filter(LlmDefaultsConfigSourceFactory::isSet)
                .map(value -> value.getValue().strip())
                .filter(value -> value.matches("\\d{1,9}"))
                .map(Integer::parseInt)
                .findFirst()
                .orElse(Integer.parseInt(LlmConfig.DEFAULT_CONTEXT_TOKENS));
    }

    /** Whether a value was given: neither blank, nor an expression, nor the placeholder key (llm.api-key's default). */
    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && !value.getValue().startsWith("${") && !LlmConfig.NO_KEY.equals(value.getValue());
    }
}
