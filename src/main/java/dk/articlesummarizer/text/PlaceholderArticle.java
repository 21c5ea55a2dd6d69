package dk.articlesummarizer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an HTML and a Markdown article share: a paragraph's inline elements written as {@link Placeholders}, and a
 * translation read back into the same elements, in the same order and nesting. Only the node types differ.
 *
 * @param <N> the document's node type
 */
abstract class PlaceholderArticle<N> implements MarkedUpArticle {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<Segment> segments = new ArrayList<>();
    private final List<String> removed;

    /** A paragraph for the model, and how its translation is put in its place. */
    record Segment(String text, Consumer<String> fill) {
    }

    PlaceholderArticle(List<String> removed) {
        this.removed = removed;
    }

    /** The same document again, segmented the same way, to fill with a translation. */
    abstract PlaceholderArticle<N> copy();

    abstract String write();

    /** A node's words, or null when it is an element. */
    abstract String words(N node);

    /** Whether an element wraps words (emphasis, a link) rather than standing alone (an image, code). */
    abstract boolean wraps(N element);

    abstract List<N> children(N element);

    /** Paragraphs an element brings along, such as its {@code alt} text. */
    abstract List<Segment> ownSegments(N element);

    abstract N text(String words);

    /** The element again with the translated children, or as it is when {@code children} is null. */
    abstract N rebuilt(N element, List<N> children);

    @Override
    public List<String> paragraphs() {
        return segments.stream().map(Segment::text).toList();
    }

    @Override
    public String render(List<String> translated) {
        PlaceholderArticle<N> target = copy();
        // Last first: an element's own paragraphs (its alt text) come after the paragraph it stands in, which puts
        // a copy of the element in its place; the copy must carry them translated.
        for (int i = target.segments.size() - 1; i >= 0; i--) {
            target.segments.get(i).fill().accept(translated.get(i));
        }
        return target.write();
    }

    @Override
    public List<String> removed() {
        return removed;
    }

    void addAll(List<Segment> more) {
        segments.addAll(more);
    }

    /**
     * A run of inline nodes as one paragraph, unless it has no words; {@code put} replaces the run with the nodes
     * made from its translation.
     */
    void addParagraph(List<N> nodes, Consumer<List<N>> put) {
        List<N> numbered = new ArrayList<>();
        List<Segment> inner = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        nodes.forEach(node -> serialize(node, text, numbered, inner));
        String paragraph = WHITESPACE.matcher(text).replaceAll(" ").strip();
        if (!Placeholders.strip(paragraph).isBlank()) {
            segments.add(new Segment(paragraph, translated -> put.accept(build(translated, numbered))));
        }
        segments.addAll(inner);
    }

    private void serialize(N node, StringBuilder text, List<N> numbered, List<Segment> inner) {
        String words = words(node);
        if (words != null) {
            text.append(words);
            return;
        }
        numbered.add(node);
        int number = numbered.size();
        inner.addAll(ownSegments(node));
        if (!wraps(node)) {
            text.append(Placeholders.alone(number));
            return;
        }
        text.append(Placeholders.open(number));
        children(node).forEach(child -> serialize(child, text, numbered, inner));
        text.append(Placeholders.close(number));
    }

    /**
     * The translation's words as text nodes and its placeholders as the numbered elements, nested as written. A
     * placeholder without its partner (the checks refuse those) is left out; an unclosed one's words stay.
     */
    private List<N> build(String translated, List<N> numbered) {
        List<List<N>> levels = new ArrayList<>();
        List<Integer> openNumbers = new ArrayList<>();
        levels.add(new ArrayList<>());
        Matcher tag = Placeholders.TAG.matcher(translated);
        int at = 0;
        while (tag.find()) {
            addText(levels.get(levels.size() - 1), translated.substring(at, tag.start()));
            at = tag.end();
            int number = Integer.parseInt(tag.group(2));
            N original = number >= 1 && number <= numbered.size() ? numbered.get(number - 1) : null;
            if (!tag.group(3).isEmpty()) {
                if (original != null) {
                    levels.get(levels.size() - 1).add(rebuilt(original, null));
                }
            } else if (tag.group(1).isEmpty()) {
                openNumbers.add(number);
                levels.add(new ArrayList<>());
            } else if (!openNumbers.isEmpty() && openNumbers.get(openNumbers.size() - 1) == number) {
                openNumbers.remove(openNumbers.size() - 1);
                List<N> children = levels.remove(levels.size() - 1);
                if (original != null) {
                    levels.get(levels.size() - 1).add(rebuilt(original, wraps(original) ? children : null));
                }
            }
        }
        addText(levels.get(levels.size() - 1), translated.substring(at));
        while (levels.size() > 1) {
            List<N> unclosed = levels.remove(levels.size() - 1);
            levels.get(levels.size() - 1).addAll(unclosed);
        }
        return levels.get(0);
    }

    private void addText(List<N> into, String words) {
        if (!words.isEmpty()) {
            into.add(text(words));
        }
    }
}
