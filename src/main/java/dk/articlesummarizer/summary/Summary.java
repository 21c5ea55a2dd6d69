package dk.articlesummarizer.summary;

import java.util.List;

import dk.articlesummarizer.llm.Usage;

/**
 * A finished answer for one article (cached as its serialized response, see CachedAnswer).
 *
 * @param usage tokens of the LLM calls made to produce it
 * @param chunks passages the article was translated in (1 for an ordinary article)
 * @param reused paragraphs whose translation was remembered from an earlier answer rather than asked for now
 */
public record Summary(String title, String translation, List<String> summary, String sourceLanguage, String model,
        Usage usage, int chunks, int reused) {

    public Summary {
        summary = List.copyOf(summary);
    }
}
