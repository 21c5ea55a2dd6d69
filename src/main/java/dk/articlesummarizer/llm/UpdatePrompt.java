package dk.articlesummarizer.llm;

import java.util.List;

/**
 * The changed paragraphs of an updated article as its prompt carries them, each with the English text around it
 * for context.
 */
public final class UpdatePrompt {

    /** Context is a reminder of names and thread, not a text to read: a sentence or two either side. */
    static final int NEAR_CHARS = 240;

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
}
