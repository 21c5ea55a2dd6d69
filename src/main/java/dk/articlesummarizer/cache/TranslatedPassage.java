package dk.articlesummarizer.cache;

import java.util.List;

import dk.articlesummarizer.llm.Usage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The English translation of one passage, its key facts, and what its call cost. Registered for reflection because
 * the shared tier stores it as JSON.
 */
@RegisterForReflection
public record TranslatedPassage(String translation, List<String> facts, Usage usage) {

    private static final int OVERHEAD_BYTES = 128;
    private static final int OVERHEAD_PER_FACT_BYTES = 48;

    public TranslatedPassage {
        facts = List.copyOf(facts);
    }

    /** The same passage taken from the cache: this request paid nothing for it. */
    public TranslatedPassage withoutUsage() {
        return new TranslatedPassage(translation, facts, Usage.NONE);
    }

    public int approximateBytes() {
        return OVERHEAD_BYTES + 2 * translation.length()
                + facts.stream().mapToInt(fact -> OVERHEAD_PER_FACT_BYTES + 2 * fact.length()).sum();
    }
}
