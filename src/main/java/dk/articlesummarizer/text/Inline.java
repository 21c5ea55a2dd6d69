package dk.articlesummarizer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** A translated paragraph read back as text and placeholders, nested as the markup will be. */
record Inline(String text, int number, boolean alone, List<Inline> children) {

    static Inline text(String text) {
        return new Inline(text, 0, false, List.of());
    }

    boolean isText() {
        return number == 0;
    }

    /** The paragraph's pieces; a placeholder without its partner (the checks refuse those) is left out. */
    static List<Inline> parse(String translated) {
        List<List<Inline>> levels = new ArrayList<>();
        List<Integer> openNumbers = new ArrayList<>();
        levels.add(new ArrayList<>());
        Matcher tag = Placeholders.TAG.matcher(translated);
        int at = 0;
        while (tag.find()) {
            addText(levels.get(levels.size() - 1), translated.substring(at, tag.start()));
            at = tag.end();
            int number = Integer.parseInt(tag.group(2));
            if (!tag.group(3).isEmpty()) {
                levels.get(levels.size() - 1).add(new Inline("", number, true, List.of()));
            } else if (tag.group(1).isEmpty()) {
                openNumbers.add(number);
                levels.add(new ArrayList<>());
            } else if (!openNumbers.isEmpty() && openNumbers.get(openNumbers.size() - 1) == number) {
                List<Inline> children = levels.remove(levels.size() - 1);
                openNumbers.remove(openNumbers.size() - 1);
                levels.get(levels.size() - 1).add(new Inline("", number, false, List.copyOf(children)));
            }
        }
        addText(levels.get(levels.size() - 1), translated.substring(at));
        // Unclosed elements: their words stay, without the element.
        while (levels.size() > 1) {
            List<Inline> children = levels.remove(levels.size() - 1);
            levels.get(levels.size() - 1).addAll(children);
        }
        return levels.get(0);
    }

    private static void addText(List<Inline> into, String text) {
        if (!text.isEmpty()) {
            into.add(text(text));
        }
    }
}
