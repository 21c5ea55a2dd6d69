package dk.articlesummarizer.summary;

import java.util.Map;

/**
 * An article as a caller sent it, not yet checked.
 *
 * @param title may be null
 * @param glossary the request's own names and terms (Danish to English; empty English: keep as written), added to
 *        the house glossary; may be null
 */
public record ArticleInput(String text, String title, Map<String, String> glossary) {

    public static ArticleInput of(String text, String title) {
        return new ArticleInput(text, title, null);
    }
}
