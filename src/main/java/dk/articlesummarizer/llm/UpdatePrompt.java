package dk.articlesummarizer.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changed paragraphs of an updated article as its prompt carries them, each with the English text around it
 * for context, and read back by the answer's checks.
 */
public final class UpdatePrompt {

    /** Context is a reminder of names and thread, not a text to read: a sentence or two either side. */
    static final int NEAR_CHARS = 240;
    private static final Pattern CHANGED = Pattern.compile("<<<CHANGED \\d+\\n(.*?)\\nCHANGED>>>", Pattern.DOTALL);
    private static final Pattern NEAR = Pattern.compile("<<<NEAR\\n(.*?)\\nNEAR>>>", Pattern.DOTALL);

    private UpdatePrompt() {
    }

    /**
     * A changed paragraph and its neighbours.
     *
     * @param position its place in the article, from 1
     * @param before the English paragraph before it, when known ("" when there is none or it changed too)
     * @param after the English paragraph after it, likewise
     */
    public record Change(int position, String danish, String before, String after) {
    }

    public static String changes(List<Change> changes) {
        StringBuilder block = new StringBuilder();
        for (Change change : changes) {
            near(block, change.before().length() > NEAR_CHARS
                    ? "…" + change.before().substring(change.before().length() - NEAR_CHARS) : change.before());
            block.append("<<<CHANGED ").append(change.position()).append('\n').append(change.danish())
                    .append("\nCHANGED>>>\n");
            near(block, change.after().length() > NEAR_CHARS
                    ? change.after().substring(0, NEAR_CHARS) + "…" : change.after());
        }
        return block.toString();
    }

    private static void near(StringBuilder block, String english) {
        if (!english.isBlank()) {
            block.append("<<<NEAR\n").append(english).append("\nNEAR>>>\n");
        }
    }

    /** The Danish paragraphs of a changes block, in order. */
    public static List<String> changedParagraphs(String changes) {
        List<String> paragraphs = new ArrayList<>();
        Matcher changed = CHANGED.matcher(changes);
        while (changed.find()) {
            paragraphs.add(changed.group(1));
        }
        return paragraphs;
    }

    /** The English context of a changes block. */
    public static String nearText(String changes) {
        StringBuilder near = new StringBuilder();
        Matcher context = NEAR.matcher(changes);
        while (context.find()) {
            near.append(context.group(1)).append('\n');
        }
        return near.toString();
    }
}
