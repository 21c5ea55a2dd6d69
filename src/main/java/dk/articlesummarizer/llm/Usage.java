package dk.articlesummarizer.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Tokens the LLM counted for the call that produced an answer. */
@RegisterForReflection
public record Usage(int inputTokens, int outputTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
