package dk.articlesummarizer.llm;

/** What a streamed answer brings: pieces of its JSON as the model writes them, then the whole. */
public sealed interface StreamEvent {

    /** A piece of the answer's JSON text. */
    record Partial(String text) implements StreamEvent {
    }

    /**
     * The whole answer, not yet checked.
     *
     * @param truncated whether the model stopped at its output limit
     * @param model the model of the chain that wrote it
     */
    record Completed(String text, boolean truncated, Usage usage, String model) implements StreamEvent {
    }
}
