package dk.articlesummarizer.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * An HTML article (jsoup): sanitized first (scripts, styles, frames, event attributes and {@code javascript:} URLs
 * go), then each block's text becomes a paragraph with its inline elements as placeholders; {@code alt} and
 * {@code title} attributes are paragraphs of their own. The translation goes back into the same elements, in the
 * same order and nesting, with the same attributes; the translated words are text nodes, never markup.
 */
final class HtmlArticle implements MarkedUpArticle {

    /** Relative links are kept as written; the base only lets the sanitizer check them. */
    private static final String BASE = "https://article.invalid/";
    private static final Set<String> BLOCKS = Set.of("body", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "dl", "dt", "dd", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
            "colgroup", "col", "figure", "figcaption", "div", "section", "article", "header", "footer", "aside",
            "main", "address", "details", "summary", "hr", "pre");
    /** Kept as they are: code is not translated, and these hold no words of their own. */
    private static final Set<String> ALONE = Set.of("br", "img", "wbr", "code", "kbd", "samp", "var");
    private static final Set<String> TRANSLATED_ATTRIBUTES = Set.of("alt", "title");
    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("article", "section", "header", "footer", "aside", "main", "figure", "figcaption", "mark",
                    "time", "abbr", "s", "del", "ins", "hr", "address", "details", "summary", "kbd", "samp", "var",
                    "wbr")
            .addAttributes(":all", "id", "class", "title", "lang", "dir")
            .addAttributes("time", "datetime")
            .addAttributes("a", "rel", "target")
            .preserveRelativeLinks(true);

    private final Document document;
    private final List<Segment> segments = new ArrayList<>();
    private final List<String> removed;

    /** A paragraph: a run of nodes under one element, or one attribute's value. */
    private sealed interface Segment {
    }

    /** @param numbered the elements behind the placeholders, {@code <g1>} first */
    private record Run(List<Node> nodes, List<Element> numbered, String text) implements Segment {
    }

    private record Attr(Element element, String name) implements Segment {
    }

    private HtmlArticle(Document document, List<String> removed) {
        this.document = document;
        this.removed = removed;
        document.outputSettings().prettyPrint(false);
        collect(document.body());
    }

    static HtmlArticle parse(String html) {
        Document dirty = Jsoup.parse(html, BASE);
        List<String> removed = unsafeParts(dirty.body());
        return new HtmlArticle(new Cleaner(SAFE).clean(dirty), removed);
    }

    @Override
    public List<String> paragraphs() {
        List<String> paragraphs = new ArrayList<>();
        for (Segment segment : segments) {
            paragraphs.add(segment instanceof Run run ? run.text()
                    : ((Attr) segment).element().attr(((Attr) segment).name()).strip());
        }
        return paragraphs;
    }

    @Override
    public String render(List<String> translated) {
        Document copy = document.clone();
        // The segments point into the original; they are re-collected on the copy, in the same order.
        HtmlArticle target = new HtmlArticle(copy, removed);
        for (int i = 0; i < target.segments.size(); i++) {
            Segment segment = target.segments.get(i);
            if (segment instanceof Run run) {
                replace(run, Inline.parse(translated.get(i)));
            } else if (segment instanceof Attr attribute) {
                attribute.element().attr(attribute.name(), Placeholders.strip(translated.get(i)));
            }
        }
        return copy.body().html();
    }

    @Override
    public List<String> removed() {
        return removed;
    }

    private void collect(Element element) {
        if ("pre".equals(element.normalName())) {
            return;
        }
        List<Node> run = new ArrayList<>();
        for (Node child : element.childNodes()) {
            if (child instanceof Element block && BLOCKS.contains(block.normalName())) {
                flush(run);
                attributes(block);
                collect(block);
            } else {
                run.add(child);
            }
        }
        flush(run);
    }

    private void attributes(Element element) {
        for (String name : TRANSLATED_ATTRIBUTES) {
            if (!element.attr(name).isBlank()) {
                segments.add(new Attr(element, name));
            }
        }
    }

    /** A run of inline nodes with words in it becomes a paragraph; whitespace at its edges stays where it is. */
    private void flush(List<Node> run) {
        int first = 0;
        int last = run.size();
        while (first < last && blank(run.get(first))) {
            first++;
        }
        while (last > first && blank(run.get(last - 1))) {
            last--;
        }
        if (first < last) {
            List<Node> nodes = List.copyOf(run.subList(first, last));
            List<Element> numbered = new ArrayList<>();
            List<Attr> attributes = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            nodes.forEach(node -> serialize(node, text, numbered, attributes));
            String paragraph = text.toString().replaceAll("\\s+", " ").strip();
            if (!Placeholders.strip(paragraph).isBlank()) {
                segments.add(new Run(nodes, numbered, paragraph));
            }
            segments.addAll(attributes);
        }
        run.clear();
    }

    private static boolean blank(Node node) {
        return node instanceof TextNode text && text.isBlank();
    }

    private static void serialize(Node node, StringBuilder text, List<Element> numbered, List<Attr> attributes) {
        if (node instanceof TextNode words) {
            text.append(words.text());
        } else if (node instanceof Element element) {
            numbered.add(element);
            int number = numbered.size();
            for (String name : TRANSLATED_ATTRIBUTES) {
                if (!element.attr(name).isBlank()) {
                    attributes.add(new Attr(element, name));
                }
            }
            if (ALONE.contains(element.normalName())) {
                text.append(Placeholders.alone(number));
                return;
            }
            text.append(Placeholders.open(number));
            element.childNodes().forEach(child -> serialize(child, text, numbered, attributes));
            text.append(Placeholders.close(number));
        }
    }

    /** The run's nodes replaced by the translation's: its words as text, its placeholders as the elements. */
    private static void replace(Run run, List<Inline> translated) {
        Node first = run.nodes().get(0);
        for (Node node : build(translated, run.numbered())) {
            first.before(node);
        }
        run.nodes().forEach(Node::remove);
    }

    private static List<Node> build(List<Inline> pieces, List<Element> numbered) {
        List<Node> nodes = new ArrayList<>();
        for (Inline piece : pieces) {
            if (piece.isText()) {
                nodes.add(new TextNode(piece.text()));
            } else if (piece.number() <= numbered.size()) {
                Element original = numbered.get(piece.number() - 1);
                if (piece.alone() || ALONE.contains(original.normalName())) {
                    nodes.add(original.clone());
                } else {
                    Element element = original.shallowClone();
                    build(piece.children(), numbered).forEach(element::appendChild);
                    nodes.add(element);
                }
            }
        }
        return nodes;
    }

    /** What the sanitizer will take out, named by kind, for the answer to say. */
    private static List<String> unsafeParts(Element body) {
        Set<String> parts = new LinkedHashSet<>();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            if (!SAFE.isSafeTag(element.normalName())) {
                parts.add(element.normalName());
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                if (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:")) {
                    parts.add(value.substring(0, value.indexOf(':') + 1) + " URL");
                } else if (!SAFE.isSafeAttribute(element.normalName(), element, attribute)) {
                    parts.add(attribute.getKey().toLowerCase(Locale.ROOT) + " attribute");
                }
            }
        }
        return List.copyOf(parts);
    }
}
