package dk.articlesummarizer.cache;

import dk.articlesummarizer.llm.Usage;

/** The English translation of one passage, and what its call cost. */
public record TranslatedPassage(String translation, Usage usage) {

    private static final int OVERHEAD_BYTES = 128;

    public int approximateBytes() {
        return OVERHEAD_BYTES + 2 * translation.length();
    }
}
