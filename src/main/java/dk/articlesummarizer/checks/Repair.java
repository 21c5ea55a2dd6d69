package dk.articlesummarizer.checks;

import java.util.Locale;

/**
 * An untidy part of a usable answer that is put right without asking the model again. Each is counted
 * ({@code summarizer.guardrail.repairs}); the table in docs/architecture.md says which faults are repairs and
 * which are refusals.
 */
public enum Repair {
    /** The JSON object stood inside markdown fences or prose. */
    JSON_WRAPPED,
    /** Raw line breaks in strings, trailing commas, single quotes, comments or unquoted names. */
    JSON_SYNTAX,
    /** A field under a near name ({@code bullets}, {@code Headline}) or inside a wrapping object. */
    FIELD_NAME,
    /** The summary came as one string of lines instead of an array. */
    SUMMARY_AS_TEXT,
    /** A field came in another JSON shape: a list for a text, numbered parts, items as objects, a number. */
    FIELD_SHAPE,
    /** Bullets carried list markers, numbering or bold markup. */
    LIST_MARKERS,
    /** A bullet held several sentences; each became a bullet of its own. */
    BULLET_SPLIT,
    /** More than the promised number of bullets; the first ones were kept. */
    BULLETS_TRIMMED,
    /** No headline was given; the first bullet became the headline. */
    TITLE_DERIVED,
    /** Paragraphs were separated by single line breaks instead of blank lines. */
    PARAGRAPH_BREAKS,
    /** A passage's translation merged or split a paragraph; it covers the source and is joined as it is. */
    PARAGRAPHS_REGROUPED,
    /** A passage's translation began with the read-only context translated too; that paragraph was dropped. */
    CONTEXT_DROPPED,
    /** A passage's key facts were missing, or some named numbers or names the passage does not; those were left out. */
    FACTS_DROPPED,
    /** A glossary term stood in a wrong form (left in Danish, or spelled another way); its form was put in. */
    GLOSSARY_FORM,
    /** An HTML or Markdown paragraph's placeholder came twice or a lone one was left out; it was put right. */
    MARKUP_PLACEHOLDERS,
    /** A name stood in two spellings (a transliteration, Danish letters); the translation's usual one was put in. */
    NAME_FORM,
    /** Quotations in the translation kept the Danish marks (»…«, „…“); English ones were put in. */
    QUOTE_MARKS,
    /** A bullet or headline put quotation marks around words the translation has, but not as a quotation; they went. */
    QUOTE_MARKS_DROPPED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
