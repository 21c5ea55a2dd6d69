package dk.articlesummarizer.text;

import java.text.Normalizer;

/**
 * An article's text in canonical form, so that the same article always produces the same cache key and the
 * same prompt: Unicode NFC, LF line ends, no trailing whitespace on any line, no leading or trailing blank lines,
 * no byte-order mark.
 * <p>
 * One pass over the characters instead of a regular expression per rule: normalization runs on every request,
 * cache hits included, and texts run to hundreds of kilobytes.
 */
public record ArticleText(String value) {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    public static ArticleText normalize(String raw) {
        String text = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw
                : Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (isCanonical(text)) {
            return new ArticleText(text); // the common case: no copy
        }
        StringBuilder out = new StringBuilder(text.length());
        int lineStart = 0;
        boolean contentSeen = false;
        int pendingBlankLines = 0;
        int start = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        for (int i = start; i <= text.length(); i++) {
            boolean end = i == text.length();
            char c = end ? '\n' : text.charAt(i);
            if (c != '\n' && c != '\r') {
                continue;
            }
            int lineEnd = i;
            while (lineEnd > Math.max(lineStart, start) && isBlank(text.charAt(lineEnd - 1))) {
                lineEnd--;
            }
            int from = Math.max(lineStart, start);
            if (lineEnd == from) {
                pendingBlankLines++;
            } else {
                if (contentSeen) {
                    out.append('\n');
                    out.append("\n".repeat(pendingBlankLines));
                }
                out.append(text, from, lineEnd);
                contentSeen = true;
                pendingBlankLines = 0;
            }
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            lineStart = i + 1;
        }
        return new ArticleText(out.toString());
    }

    /**
     * Whether the text already has canonical form: no CR, BOM, trailing blanks or blank first/last lines. Jumps
     * from line break to line break (String.indexOf is vectorized) and looks only at the characters around them.
     */
    private static boolean isCanonical(String text) {
        int length = text.length();
        if (length == 0) {
            return true;
        }
        if (text.charAt(0) == BYTE_ORDER_MARK || text.charAt(0) == '\n' || isBlank(text.charAt(0))
                        && text.isBlank()
                || isBlank(text.charAt(length - 1)) || text.charAt(length - 1) == '\n' || text.indexOf('\r') >= 0) {
            return false;
        }
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (isBlank(text.charAt(i - 1)) || isBlankLineAhead(text, i + 1)) {
                return false;
            }
        }
        return true;
    }

    /** A line after position {@code from} that is whitespace only but not empty. */
    private static boolean isBlankLineAhead(String text, int from) {
        int i = from;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i > from && (i == text.length() || text.charAt(i) == '\n');
    }

    public boolean isBlank() {
        return value.isEmpty();
    }

    public int characterCount() {
        return value.codePointCount(0, value.length());
    }

    /** Trailing whitespace as the old rule defined it: horizontal space, vertical tab, form feed. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || Character.isSpaceChar(c);
    }
}
