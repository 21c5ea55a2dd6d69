package dk.articlesummarizer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits Danish prose into sentences. A period ends a sentence only when whitespace and a capital letter (or an
 * opening quote or dash) follow, and the word before it is not an abbreviation such as {@code f.eks.},
 * {@code bl.a.}, {@code ca.} or {@code kr.}; {@code 1.000} and {@code 3,5} have no whitespace after the separator.
 */
final class DanishSentences {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "f.eks", "fx", "bl.a", "ca", "kr", "mio", "mia", "nr", "jf", "dvs", "osv", "pga", "p.g.a", "hhv", "evt",
            "inkl", "ekskl", "kl", "stk", "tlf", "mv", "m.m", "m.fl", "o.l", "e.l", "ang", "vedr", "iflg", "ifølge",
            "dr", "dir", "adm", "fmd", "formd", "red", "pr", "mht", "vha", "resp", "hr", "fru", "prof", "mag", "cand",
            "lektor", "pct", "gl", "ndr", "sdr", "st", "skt", "mr", "mrs",
            "etc", "vs", "jan", "feb", "aug", "sep", "sept", "okt", "nov", "dec", "man", "tirs", "ons", "tors", "fre",
            "lør", "søn", "a/s", "aps", "amba", "i/s");

    private DanishSentences() {
    }

    static List<String> split(String paragraph) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < paragraph.length() && isClosing(paragraph.charAt(end))) {
                end++;
            }
            if (end >= paragraph.length() || !Character.isWhitespace(paragraph.charAt(end))) {
                continue;
            }
            int next = end;
            while (next < paragraph.length() && Character.isWhitespace(paragraph.charAt(next))) {
                next++;
            }
            if (next >= paragraph.length() || !opensSentence(paragraph.charAt(next))) {
                continue;
            }
            if (c == '.' && isAbbreviation(paragraph, start, i)) {
                continue;
            }
            sentences.add(paragraph.substring(start, end));
            start = next;
            i = next - 1;
        }
        if (start < paragraph.length()) {
            sentences.add(paragraph.substring(start));
        }
        return sentences;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == ')';
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '«' || c == '»'
                || c == '–' || c == '-' || c == '(';
    }

    /** The word that the period at {@code period} ends, without the period, lower-cased. */
    private static boolean isAbbreviation(String text, int sentenceStart, int period) {
        int wordStart = period;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))
                && text.charAt(wordStart - 1) != '(' && text.charAt(wordStart - 1) != '"') {
            wordStart--;
        }
        String word = text.substring(wordStart, period).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial: "J. K. Holm"
        }
        return ABBREVIATIONS.contains(word);
    }
}
