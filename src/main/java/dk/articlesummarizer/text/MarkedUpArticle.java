package dk.articlesummarizer.text;

import java.util.List;

/**
 * An HTML or Markdown article as the model sees it, and back: its text as paragraphs (one per block of text, inline
 * markup as {@link Placeholders}), and the document again with the translated paragraphs in their places.
 */
public interface MarkedUpArticle {

    /** What is translated, one paragraph per block of text (and per translatable attribute such as {@code alt}). */
    List<String> paragraphs();

    /** The document with each paragraph replaced by its translation (as many, in the same order). */
    String render(List<String> translated);

    /** What sanitizing removed, by kind ({@code script}, {@code onclick attribute}, {@code javascript: URL}). */
    List<String> removed();

    static MarkedUpArticle parse(ArticleFormat format, String source) {
        return switch (format) {
            case HTML -> HtmlArticle.parse(source);
            case MARKDOWN -> MarkdownArticle.parse(source);
            case TEXT -> throw new IllegalArgumentException("Plain text has no markup");
        };
    }
}
