package dk.articlesummarizer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /**
     * The translation with what can be put right put right: a placeholder given more often than the source has it
     * keeps its first occurrences (a closing one its last), and a lone placeholder left out goes at the end.
     */
    public static String repaired(String source, String translation) {
        Map<String, Long> wanted = counts(source);
        String result = translation;
        for (Map.Entry<String, Long> tag : counts(translation).entrySet()) {
            long extra = tag.getValue() - wanted.getOrDefault(tag.getKey(), 0L);
            for (long i = 0; i < extra; i++) {
                String doubled = tag.getKey();
                int at = doubled.startsWith("</") ? result.indexOf(doubled) : result.lastIndexOf(doubled);
                result = result.substring(0, at) + result.substring(at + doubled.length());
            }
        }
        for (String tag : wanted.keySet()) {
            if (tag.endsWith("/>") && !result.contains(tag)) {
                result = result + tag;
            }
        }
        return result;
    }

    /** What is wrong with the translation's placeholders against its source's, if anything. */
    public static Optional<String> problem(String source, String translation) {
        Map<String, Long> wanted = counts(source);
        Map<String, Long> given = counts(translation);
        if (!wanted.equals(given)) {
            String missing = fewerIn(given, wanted);
            String extra = fewerIn(wanted, given);
            return Optional.of((missing.isEmpty() ? "" : "missing " + missing)
                    + (missing.isEmpty() || extra.isEmpty() ? "" : "; ")
                    + (extra.isEmpty() ? "" : "not in the source " + extra));
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
                return Optional.of(close(number) + " closes before what it encloses, or crosses another tag");
            } else {
                openNow.remove(openNow.size() - 1);
            }
        }
        return Optional.empty();
    }

    /** The tags that {@code some} has fewer of than {@code others}, separated by spaces. */
    private static String fewerIn(Map<String, Long> some, Map<String, Long> others) {
        return others.entrySet().stream().filter(tag -> some.getOrDefault(tag.getKey(), 0L) < tag.getValue())
                .map(Map.Entry::getKey).collect(Collectors.joining(" "));
    }

    private static Map<String, Long> counts(String text) {
        return TAG.matcher(text).results().map(MatchResult::group)
                .collect(Collectors.groupingBy(tag -> tag, Collectors.counting()));
    }
}
