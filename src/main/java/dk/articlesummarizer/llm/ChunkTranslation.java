package dk.articlesummarizer.llm;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The structured answer for one passage of a long article: its translation and its key facts. */
@RegisterForReflection
public record ChunkTranslation(
        String translation,
        List<String> facts) {

    public ChunkTranslation {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }
}
