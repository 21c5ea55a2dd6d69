package dk.articlesummarizer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The chain as docs/configuration.md writes it: environment variables only. */
class ChainSettingsTest {

    @Test
    void fallbacksAndPricesAreReadFromTheirEnvironmentVariables() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.ofEntries(
                        Map.entry("LLM_BASE_URL", "http://localhost:11434/v1"),
                        Map.entry("LLM_MODEL", "llama3.1:8b"),
                        Map.entry("LLM_TIMEOUT", "60s"),
                        Map.entry("LLM_MAX_OUTPUT_TOKENS", "4096"),
                        Map.entry("LLM_PRICE_CURRENCY", "DKK"),
                        Map.entry("LLM_FALLBACK_1_BASE_URL", "https://api.openai.com/v1"),
                        Map.entry("LLM_FALLBACK_1_MODEL", "gpt-4o-mini"),
                        Map.entry("LLM_FALLBACK_1_API_KEY", "sk-fallback"),
                        Map.entry("LLM_FALLBACK_1_TIMEOUT", "20s"),
                        Map.entry("LLM_FALLBACK_1_RESPONSE_FORMAT", "json_object"),
                        Map.entry("LLM_FALLBACK_1_MAX_CONCURRENCY", "3"),
                        Map.entry("LLM_FALLBACK_1_PRICE_INPUT_PER_MILLION", "1.1"),
                        Map.entry("LLM_FALLBACK_1_PRICE_OUTPUT_PER_MILLION", "4.4"),
                        Map.entry("LLM_FALLBACK_2_BASE_URL", "http://vllm:8000/v1"),
                        Map.entry("LLM_FALLBACK_2_MODEL", "qwen2.5-7b-instruct")), 300))
                // Quarkus's reading of "60s", which plain SmallRye Config does not have.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(LlmConfig.class)
                .build();

        LlmConfig llm = config.getConfigMapping(LlmConfig.class);

        assertEquals("DKK", llm.priceCurrency());
        assertEquals(0, llm.price().inputPerMillion());
        assertEquals(Set.of(1, 2), LlmConfig.fallbacks(llm).keySet());
        LlmConfig.Fallback first = LlmConfig.fallbacks(llm).get(1);
        assertEquals("gpt-4o-mini", first.model().orElseThrow());
        assertEquals("sk-fallback", first.apiKey().orElseThrow());
        assertEquals(Duration.ofSeconds(20), first.timeout().orElseThrow());
        assertEquals(LlmConfig.ResponseFormat.JSON_OBJECT, first.responseFormat().orElseThrow());
        assertEquals(3, first.maxConcurrency().getAsInt());
        assertEquals(4.4, first.priceOutputPerMillion().getAsDouble());
        LlmConfig.Fallback second = LlmConfig.fallbacks(llm).get(2);
        assertEquals("http://vllm:8000/v1", second.baseUrl().orElseThrow());
        assertTrue(second.timeout().isEmpty(), "a fallback without its own timeout takes the primary's");
    }
}
