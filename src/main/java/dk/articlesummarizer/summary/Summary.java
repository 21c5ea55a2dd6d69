package dk.articlesummarizer.summary;

import java.util.List;

import dk.articlesummarizer.llm.Usage;

/**
 * A finished answer for one article, as cached and as returned.
 *
 * @param usage tokens of the LLM calls made to produce it
 * @param chunks passages the article was translated in (1 for an ordinary article)
 */
public record Summary(String title, String translation, List<String> summary, String sourceLanguage, String model,
        Usage usage, int chunks) {

    private static final int FIXED_OVERHEAD_BYTES = 256;
    private static final int PER_STRING_OVERHEAD_BYTES = 56;

    public Summary {
        summary = List.copyOf(summary);
    }

    /** Approximate heap footprint, used to bound the cache by bytes (Latin-1 strings would take half). */
    public int approximateBytes() {
        long chars = (long) title.length() + translation.length() + sourceLanguage.length() + model.length();
        for (String bullet : summary) {
            chars += bullet.length();
        }
        long bytes = FIXED_OVERHEAD_BYTES + 2 * chars + PER_STRING_OVERHEAD_BYTES * (4L + summary.size());
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
