package dk.articlesummarizer.text;

import java.text.Normalizer;
import java.util.List;

/**
 * An article's text in canonical form, so that the same article always produces the same cache key and the
 * same prompt: Unicode NFC, LF line ends, no trailing whitespace on any line, no leading or trailing blank lines,
 * no byte-order mark.
 */
public record ArticleText(String value) {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    public static ArticleText normalize(String raw) {
        String text = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw
                : Normalizer.normalize(raw, Normalizer.Form.NFC);
        String unmarked = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        List<String> lines = unmarked.lines().map(ArticleText::withoutTrailingBlanks).toList();
        int first = 0;
        int last = lines.size();
        while (first < last && lines.get(first).isEmpty()) {
            first++;
        }
        while (last > first && lines.get(last - 1).isEmpty()) {
            last--;
        }
        String canonical = String.join("\n", lines.subList(first, last));
        // Already canonical (the common case): keep the caller's string rather than a copy of it.
        return new ArticleText(canonical.equals(text) ? text : canonical);
    }

    public boolean isBlank() {
        return value.isEmpty();
    }

    public int characterCount() {
        return value.codePointCount(0, value.length());
    }

    private static String withoutTrailingBlanks(String line) {
        int end = line.length();
        while (end > 0 && isBlank(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }

    /** Whitespace within a line: spaces of every kind (no-break ones too), tab, vertical tab, form feed. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || Character.isSpaceChar(c);
    }
}
