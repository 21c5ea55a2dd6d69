package dk.articlesummarizer.glossary;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One glossary entry: a Danish term and its English rendering ({@code english} equal to {@code danish}: keep as
 * written). The term is found in any of its Danish word forms: the definite and plural endings and the genitive
 * {@code -s} on its last word ({@code Forsvarsakademiet}, {@code Forsvarsakademiets}; {@code vindmølle},
 * {@code vindmøllen}, {@code vindmøllerne}), in any letter case.
 */
public record Term(String danish, String english, Pattern forms) {

    /**
     * Danish inflection endings, longest first so that the longest one matches; a word ending in -e takes the
     * short ones ({@code vindmølle-n}, {@code -r}, {@code -rne}).
     */
    private static final String ENDINGS = "(?:ernes|rnes|enes|erne|rne|ene|ens|ets|ers|en|et|er|es|ne|ns|rs|e|s|n|r"
            + "|'s|’s)?";

    public static Term of(String danish, String english) {
        String keep = english == null || english.isBlank() ? danish : english;
        return new Term(danish, keep, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(danish) + ENDINGS
                + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    public boolean keepsAsWritten() {
        return english.equals(danish);
    }

    /** Whether any form of the term occurs in the text. */
    public boolean occursIn(String text) {
        return forms.matcher(text).find();
    }

    /** The Danish forms in the text, at their places. */
    public Matcher danishForms(String text) {
        return forms.matcher(text);
    }
}
