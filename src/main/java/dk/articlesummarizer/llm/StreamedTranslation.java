package dk.articlesummarizer.llm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the translation out of the JSON object a model is still writing, so that it can be shown as it comes: the
 * value of the first {@code "translation"} field (any capitalization), its JSON escapes decoded. Everything else
 * of the answer (headline, bullets, untidy prose around the object) waits for the whole answer. Hand-written
 * because the JSON is incomplete until the end, which no JSON parser reads; it decodes only one string.
 */
public final class StreamedTranslation {

    private static final Pattern FIELD = Pattern.compile("\"translation\"\\s*:\\s*\"");

    private final StringBuilder answer = new StringBuilder();
    private int next = -1;
    private boolean ended;

    /** Adds a chunk of the answer; returns the part of the translation it completes (perhaps empty). */
    public String add(String chunk) {
        answer.append(chunk);
        if (ended) {
            return "";
        }
        if (next < 0) {
            Matcher field = FIELD.matcher(answer.toString().toLowerCase(Locale.ROOT));
            if (!field.find()) {
                return "";
            }
            next = field.end();
        }
        StringBuilder decoded = new StringBuilder();
        while (next < answer.length()) {
            char c = answer.charAt(next);
            if (c == '"') {
                ended = true;
                break;
            }
            if (c != '\\') {
                decoded.append(c);
                next++;
                continue;
            }
            if (next + 1 >= answer.length()) {
                break; // the escape's second half is in the next chunk
            }
            char escaped = answer.charAt(next + 1);
            if (escaped == 'u') {
                if (next + 6 > answer.length()) {
                    break;
                }
                decoded.append((char) Integer.parseInt(answer.substring(next + 2, next + 6), 16));
                next += 6;
                continue;
            }
            decoded.append(switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> escaped; // \" \\ \/ and anything a lenient model writes
            });
            next += 2;
        }
        return decoded.toString();
    }

    /** The whole answer so far. */
    public String answer() {
        return answer.toString();
    }
}
