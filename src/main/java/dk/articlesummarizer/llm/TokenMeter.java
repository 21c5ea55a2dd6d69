package dk.articlesummarizer.llm;

import java.util.function.Supplier;

import dev.langchain4j.model.output.TokenUsage;

/**
 * Sums the tokens of every request one AI-service call makes (a reprompt included), on the calling thread: the
 * AI service returns only the answer (see ArticleTranslator), and its requests run on the thread that called it.
 */
final class TokenMeter {

    private static final ThreadLocal<Usage[]> CURRENT = new ThreadLocal<>();

    private TokenMeter() {
    }

    /** The call's answer with the tokens of all its requests, priced at the model that answered. */
    static <T> ArticleLlmClient.Translated<T> measure(ModelLink link, Supplier<T> call) {
        Usage[] total = { Usage.NONE };
        CURRENT.set(total);
        try {
            T value = call.get();
            Usage tokens = total[0];
            return new ArticleLlmClient.Translated<>(value, new Usage(tokens.inputTokens(), tokens.outputTokens(),
                    link.cost(tokens)), link.model());
        } finally {
            CURRENT.remove();
        }
    }

    /** Adds one request's tokens to the call being measured on this thread, if any. */
    static void count(TokenUsage usage) {
        Usage[] total = CURRENT.get();
        if (total != null && usage != null) {
            total[0] = total[0].plus(new Usage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()), 0));
        }
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
