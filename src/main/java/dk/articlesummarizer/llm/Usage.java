package dk.articlesummarizer.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the LLM calls behind an answer spent: the tokens the provider counted, and their cost at the prices of the
 * model that answered each call ({@code LLM_PRICE_*}), in {@code LLM_PRICE_CURRENCY}.
 */
@RegisterForReflection
public record Usage(int inputTokens, int outputTokens, double cost) {

    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, cost + other.cost);
    }

    public int tokens() {
        return inputTokens + outputTokens;
    }
}
