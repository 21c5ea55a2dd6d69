package dk.articlesummarizer.llm;

/**
 * One model of the chain and what is its own: where it is, how it is asked, its admission point (limit, queue,
 * breaker), how its failures read, and what its tokens cost.
 *
 * @param label how operators know it: {@code primary}, {@code fallback 1}, ...
 * @param model the model id, reported in the answers it gives
 * @param settings the prefix of its environment variables, {@code LLM_} or {@code LLM_FALLBACK_1_}
 * @param chat the answer in one piece; a call whose thread is interrupted is aborted (its connection closed)
 * @param streaming the prompt form, streamed; {@code streaming().start(request, handler).cancel()} aborts a stream
 */
public record ModelLink(String label, String model, String settings, LlmEndpoint endpoint, StructuredOutputModel chat,
        CancellableStreamingModel streaming, LlmGate gate, ProviderFailures failures, TokenPrices price) {

    /** A call's tokens, priced at this model's prices. */
    public Usage usage(int inputTokens, int outputTokens) {
        return new Usage(inputTokens, outputTokens,
                (inputTokens * price.inputPerMillion() + outputTokens * price.outputPerMillion()) / 1_000_000d);
    }

    /** Prices per million tokens, in {@code LLM_PRICE_CURRENCY}. */
    public record TokenPrices(double inputPerMillion, double outputPerMillion) {
    }

    /** How the model is named in logs and details. */
    public String describe() {
        return model + " at " + endpoint.shown() + " (" + label + ")";
    }
}
