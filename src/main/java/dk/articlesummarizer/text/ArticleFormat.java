package dk.articlesummarizer.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an article is written: plain text, HTML or Markdown; its translation comes back the same way. */
public enum ArticleFormat {
    TEXT,
    HTML,
    MARKDOWN;

    /** As callers write it: {@code text}, {@code html}, {@code markdown}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ArticleFormat> of(String name) {
        return Arrays.stream(values()).filter(format -> format.json().equals(name)).findFirst();
    }
}
