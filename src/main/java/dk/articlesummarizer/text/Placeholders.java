package dk.articlesummarizer.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline markup as the model sees it: {@code <g1>words</g1>} for an element around words (a link, emphasis), and
 * {@code <g2/>} for one that stands alone (a line break, an image, a code span), numbered within each paragraph.
 * Only the text is translated; the markup itself never goes to the model.
 */
public final class Placeholders {

    static final Pattern TAG = Pattern.compile("<(/?)g(\\d+)(/?)>");

    private Placeholders() {
    }

    static String open(int number) {
        return "<g" + number + ">";
    }

    static String close(int number) {
        return "</g" + number + ">";
    }

    static String alone(int number) {
        return "<g" + number + "/>";
    }

    /** The text without its placeholders, for the checks that read words and numbers. */
    public static String strip(String text) {
        return TAG.matcher(text).replaceAll("");
    }

    /** The placeholders of a text, in order, as written. */
    static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            tags.add(tag.group());
        }
        return tags;
    }

    /**
     * The translation with what can be put right put right: a placeholder given more often than the source has it
     * keeps its first occurrences (a closing one its last), and a lone placeholder left out goes at the end.
     */
    public static String repaired(String source, String translation) {
        Map<String, Integer> wanted = counts(tags(source));
        Map<String, Integer> given = counts(tags(translation));
        String result = translation;
        for (Map.Entry<String, Integer> tag : given.entrySet()) {
            int extra = tag.getValue() - wanted.getOrDefault(tag.getKey(), 0);
            for (int i = 0; i < extra; i++) {
                String doubled = tag.getKey();
                int at = doubled.startsWith("</") ? result.indexOf(doubled) : result.lastIndexOf(doubled);
                result = result.substring(0, at) + result.substring(at + doubled.length());
            }
        }
        for (Map.Entry<String, Integer> tag : wanted.entrySet()) {
            if (tag.getKey().endsWith("/>") && !result.contains(tag.getKey())) {
                result = result + tag.getKey();
            }
        }
        return result;
    }

    /** What is wrong with the translation's placeholders against its source's, if anything. */
    public static Optional<String> problem(String source, String translation) {
        Map<String, Integer> wanted = counts(tags(source));
        Map<String, Integer> given = counts(tags(translation));
        if (!wanted.equals(given)) {
            List<String> missing = new ArrayList<>();
            wanted.forEach((tag, count) -> {
                if (given.getOrDefault(tag, 0) < count) {
                    missing.add(tag);
                }
            });
            List<String> extra = new ArrayList<>();
            given.forEach((tag, count) -> {
                if (wanted.getOrDefault(tag, 0) < count) {
                    extra.add(tag);
                }
            });
            return Optional.of((missing.isEmpty() ? "" : "missing " + String.join(" ", missing))
                    + (missing.isEmpty() || extra.isEmpty() ? "" : "; ")
                    + (extra.isEmpty() ? "" : "not in the source " + String.join(" ", extra)));
        }
        // Each element's closing tag after its opening one, and elements nested, not crossed.
        List<Integer> openNow = new ArrayList<>();
        Matcher tag = TAG.matcher(translation);
        while (tag.find()) {
            int number = Integer.parseInt(tag.group(2));
            if (!tag.group(3).isEmpty()) {
                continue;
            }
            if (tag.group(1).isEmpty()) {
                openNow.add(number);
            } else if (openNow.isEmpty() || openNow.get(openNow.size() - 1) != number) {
                return Optional.of("</g" + number + "> closes before what it encloses, or crosses another tag");
            } else {
                openNow.remove(openNow.size() - 1);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Integer> counts(List<String> tags) {
        Map<String, Integer> counts = new HashMap<>();
        tags.forEach(tag -> counts.merge(tag, 1, Integer::sum));
        return counts;
    }
}
