package dk.articlesummarizer.llm;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An updated article's new or changed paragraphs in English, in order, with the whole article's new headline and
 * bullets.
 */
@RegisterForReflection
public record ArticleUpdate(List<String> paragraphs, String title, List<String> summary) {

    public ArticleUpdate {
        paragraphs = List.copyOf(paragraphs);
        summary = List.copyOf(summary);
    }
}
