package dk.articlesummarizer.checks;

import java.util.Locale;

/** One reason an answer is not acceptable, and what to tell the model when asking again. */
public record Violation(Cause cause, String instruction) {

    public enum Cause {
        TRUNCATED,
        NOT_JSON,
        MISSING_FIELD,
        NOT_ENGLISH,
        TRANSLATION_TOO_SHORT,
        BULLET_COUNT,
        BULLET_FORM,
        PARAGRAPH_COUNT,
        INVENTED_NUMBER,
        INVENTED_NAME,
        GLOSSARY_TERM,
        MARKUP,
        QUOTATION,
        INVENTED_QUOTE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
