package dk.articlesummarizer.summary;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * An article's text in canonical form, so that the same article always produces the same cache key and the
 * same prompt: Unicode NFC, LF line ends, no trailing whitespace on any line, no leading or trailing blank lines.
 */
public record ArticleText(String value) {

    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n?");
    private static final Pattern TRAILING_WHITESPACE = Pattern.compile("[\\h\\x0B\\f]+$", Pattern.MULTILINE);
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("^(?:[\\h\\x0B\\f]*\n)+");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    public static ArticleText normalize(String raw) {
        String text = raw.indexOf(BYTE_ORDER_MARK) == 0 ? raw.substring(1) : raw;
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        text = LINE_BREAKS.matcher(text).replaceAll("\n");
        text = TRAILING_WHITESPACE.matcher(text).replaceAll("");
        text = LEADING_BLANK_LINES.matcher(text).replaceFirst("");
        return new ArticleText(text.strip().isEmpty() ? "" : stripTrailingNewlines(text));
    }

    public boolean isBlank() {
        return value.isEmpty();
    }

    public int characterCount() {
        return value.codePointCount(0, value.length());
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }
}
