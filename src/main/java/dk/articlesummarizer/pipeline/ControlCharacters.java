package dk.articlesummarizer.pipeline;

import java.util.Locale;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/**
 * Refuses control characters in what a caller sends: an article has tabs and line breaks, never NUL, escape or
 * other controls (C0 and C1), which a provider, a log or a terminal may act on.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /** @param field the field's name, for the caller */
    static void refuseIn(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                int line = 1;
                for (int j = 0; j < i; j++) {
                    line += value.charAt(j) == '\n' ? 1 : 0;
                }
                throw new ProblemException(ProblemType.INVALID_REQUEST, String.format(Locale.ROOT, "The %s has the"
                        + " control character U+%04X at character %d (line %d); only tab, line feed and carriage"
                        + " return are allowed.", field, (int) c, value.codePointCount(0, i) + 1, line));
            }
        }
    }
}
