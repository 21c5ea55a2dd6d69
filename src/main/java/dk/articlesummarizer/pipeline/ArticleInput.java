package dk.articlesummarizer.pipeline;

import java.util.Map;

import dk.articlesummarizer.text.ArticleFormat;

/**
 * An article as a caller sent it, not yet checked.
 *
 * @param title may be null
 * @param format how the text is written; the translation comes back the same way
 * @param glossary the request's own names and terms (Danish to English; empty English: keep as written), added to
 *        the house glossary; may be null
 */
public record ArticleInput(String text, String title, Map<String, String> glossary, ArticleFormat format) {

    public ArticleInput {
        format = format == null ? ArticleFormat.TEXT : format;
    }

    public static ArticleInput of(String text, String title) {
        return new ArticleInput(text, title, null, ArticleFormat.TEXT);
    }
}
