package dk.articlesummarizer.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Tokens the LLM counted for the call that produced an answer. */
@RegisterForReflection
public record Usage(int inputTokens, int outputTokens) {
}
