package dk.articlesummarizer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class LlmDefaultsConfigSourceFactoryTest {

    private static SmallRyeConfig configWith(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new LlmDefaultsConfigSourceFactory())
                .build();
    }

    @Test
    void withoutAKeyTheDefaultIsALocalOllama() {
        SmallRyeConfig config = configWith(Map.of());
        assertEquals("http://localhost:11434/v1", config.getValue("llm-defaults.base-url", String.class));
        assertEquals(LlmDefaultsConfigSourceFactory.OLLAMA_MODEL, config.getValue("llm-defaults.model", String.class));
    }

    @Test
    void withLlmApiKeyTheDefaultIsOpenAi() {
        SmallRyeConfig config = configWith(Map.of("LLM_API_KEY", "sk-abc"));
        assertEquals("https://api.openai.com/v1", config.getValue("llm-defaults.base-url", String.class));
        assertEquals(LlmDefaultsConfigSourceFactory.OPENAI_MODEL, config.getValue("llm-defaults.model", String.class));
    }

    @Test
    void openAiApiKeyCountsToo() {
        SmallRyeConfig config = configWith(Map.of("OPENAI_API_KEY", "sk-abc"));
        assertEquals("https://api.openai.com/v1", config.getValue("llm-defaults.base-url", String.class));
    }

    @Test
    void aBlankKeyIsNoKey() {
        SmallRyeConfig config = configWith(Map.of("LLM_API_KEY", " "));
        assertEquals("http://localhost:11434/v1", config.getValue("llm-defaults.base-url", String.class));
    }

    @Test
    void thePlaceholderKeyIsNoKey() {
        SmallRyeConfig config = configWith(Map.of("llm.api-key", LlmConfig.NO_KEY));
        assertEquals("http://localhost:11434/v1", config.getValue("llm-defaults.base-url", String.class));
    }

    @Test
    void theAnswerMayTakeHalfTheContextWindow() {
        assertEquals(4096, configWith(Map.of()).getValue("llm-defaults.max-output-tokens", Integer.class));
        assertEquals(16384, configWith(Map.of("LLM_CONTEXT_TOKENS", "32768"))
                .getValue("llm-defaults.max-output-tokens", Integer.class));
    }
}
