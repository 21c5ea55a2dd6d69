package dk.articlesummarizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.llm.LlmDefaultsConfigSourceFactory;
import dk.articlesummarizer.llm.Prompts;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class ContextBudgetTest {

    private static ContextBudget budget(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("llm.base-url", "http://127.0.0.1:9/v1", "llm.model", "m",
                "llm.timeout", "60s", "llm.max-output-tokens", "${llm-defaults.max-output-tokens}"));
        all.putAll(settings);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(all, "test", 300))
                .withSources(new LlmDefaultsConfigSourceFactory())
                .withMapping(LlmConfig.class).withMapping(SummarizerConfig.class)
                .build();
        return new ContextBudget(config.getConfigMapping(LlmConfig.class),
                config.getConfigMapping(SummarizerConfig.class));
    }

    /** Prompt plus answer of a passage call, in tokens, as the budget counts them. */
    private static double tokensOfAPassageCall(ContextBudget budget, int maxOutputTokens) {
        double prompt = (Prompts.longestSystemChars() + budget.contextChars() + budget.passageChars())
                / ContextBudget.CHARS_PER_TOKEN + ContextBudget.PROMPT_EXTRA_TOKENS;
        return prompt + maxOutputTokens;
    }

    @Test
    void theDefaultWindowTakesTheDefaultPassageOfEightThousandCharacters() {
        ContextBudget budget = budget(Map.of());
        assertEquals(8000, budget.passageChars());
        assertTrue(tokensOfAPassageCall(budget, 4096) <= 8192);
    }

    @Test
    void aSmallWindowMakesPassagesShorterSoThatEveryCallFits() {
        ContextBudget budget = budget(Map.of("LLM_CONTEXT_TOKENS", "4096", "llm.context-tokens", "4096"));
        assertTrue(budget.passageChars() < 4000, "passage " + budget.passageChars());
        assertTrue(tokensOfAPassageCall(budget, 2048) <= 4096);
        double translationTokens = budget.passageChars() * ContextBudget.TRANSLATION_GROWTH
                / ContextBudget.CHARS_PER_TOKEN;
        assertTrue(translationTokens + ContextBudget.ANSWER_EXTRA_TOKENS <= 2048, "the answer fits max_tokens");
    }

    @Test
    void aShortOutputLimitBoundsThePassageByItsTranslation() {
        ContextBudget budget = budget(Map.of("llm.max-output-tokens", "1000"));
        assertTrue(budget.passageChars() * ContextBudget.TRANSLATION_GROWTH / ContextBudget.CHARS_PER_TOKEN
                + ContextBudget.ANSWER_EXTRA_TOKENS <= 1000);
    }

    @Test
    void aWindowTooSmallForAnythingStillGivesUsablePassages() {
        ContextBudget budget = budget(Map.of("LLM_CONTEXT_TOKENS", "1024", "llm.context-tokens", "1024"));
        assertEquals(ContextBudget.MIN_PASSAGE_CHARS, budget.passageChars());
    }
}
