package dk.articlesummarizer.pipeline;

import dk.articlesummarizer.llm.Usage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an answer cost the caller now: the tokens of the LLM calls this request made and their cost; a cached answer
 * cost nothing now and says what it saved (what producing it cost).
 */
@RegisterForReflection
public record AnswerUsage(int inputTokens, int outputTokens, double cost, int savedTokens, double savedCost,
        String currency) {

    static AnswerUsage of(Usage usage, boolean cached, String currency) {
        return cached ? new AnswerUsage(0, 0, 0, usage.tokens(), rounded(usage.cost()), currency)
                : new AnswerUsage(usage.inputTokens(), usage.outputTokens(), rounded(usage.cost()), 0, 0, currency);
    }

    /** Sums of per-token prices carry binary noise; a billionth of a currency unit is below any price. */
    private static double rounded(double cost) {
        return Math.round(cost * 1e9) / 1e9;
    }
}
