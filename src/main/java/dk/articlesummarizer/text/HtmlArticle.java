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
final class HtmlArticle extends PlaceholderArticle<Node> {

    /** Relative links are kept as written; the base only lets the sanitizer check them. */
    private static final String BASE = "https://article.invalid/";
    private static final Set<String> BLOCKS = Set.of("body", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "dl", "dt", "dd", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
            "colgroup", "col", "figure", "figcaption", "div", "section", "article", "header", "footer", "aside",
            "main", "address", "details", "summary", "hr", "pre");
    /** Kept as they are: code is not translated, and these hold no words of their own. */
    private static final Set<String> ALONE = Set.of("br", "img", "wbr", "code", "kbd", "samp", "var");
    private static final List<String> TRANSLATED_ATTRIBUTES = List.of("alt", "title");
    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("article", "section", "header", "footer", "aside", "main", "figure", "figcaption", "mark",
                    "time", "abbr", "s", "del", "ins", "hr", "address", "details", "summary", "kbd", "samp", "var",
                    "wbr")
            .addAttributes(":all", "id", "class", "title", "lang", "dir")
            .addAttributes("time", "datetime")
            .addAttributes("a", "rel", "target")
            .preserveRelativeLinks(true);

    private final Document document;

    private HtmlArticle(Document document, List<String> removed) {
        super(removed);
        this.document = document;
        document.outputSettings().prettyPrint(false);
        collect(document.body());
    }

    static HtmlArticle parse(String html) {
        Document dirty = Jsoup.parse(html, BASE);
        List<String> removed = unsafeParts(dirty.body());
        return new HtmlArticle(new Cleaner(SAFE).clean(dirty), removed);
    }

    @Override
    HtmlArticle copy() {
        return new HtmlArticle(document.clone(), removed());
    }

    @Override
    String write() {
        return document.body().html();
    }

    private void collect(Element element) {
        if ("pre".equals(element.normalName())) {
            return;
        }
        List<Node> run = new ArrayList<>();
        for (Node child : element.childNodes()) {
            if (child instanceof Element block && BLOCKS.contains(block.normalName())) {
                flush(run);
                addAll(ownSegments(block));
                collect(block);
            } else {
                run.add(child);
            }
        }
        flush(run);
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
            addParagraph(nodes, translated -> {
                translated.forEach(nodes.get(0)::before);
                nodes.forEach(Node::remove);
            });
        }
        run.clear();
    }

    private static boolean blank(Node node) {
        return node instanceof TextNode text && text.isBlank();
    }

    @Override
    String words(Node node) {
        return node instanceof Element ? null : node instanceof TextNode text ? text.text() : "";
    }

    @Override
    boolean wraps(Node element) {
        return !ALONE.contains(element.normalName());
    }

    @Override
    List<Node> children(Node element) {
        return element.childNodes();
    }

    @Override
    List<Segment> ownSegments(Node node) {
        Element element = (Element) node;
        return TRANSLATED_ATTRIBUTES.stream().filter(name -> !element.attr(name).isBlank())
                .map(name -> new Segment(element.attr(name).strip(),
                        translated -> element.attr(name, Placeholders.strip(translated))))
                .toList();
    }

    @Override
    Node text(String words) {
        return new TextNode(words);
    }

    @Override
    Node rebuilt(Node element, List<Node> children) {
        if (children == null) {
            return element.clone();
        }
        Element rebuilt = ((Element) element).shallowClone();
        children.forEach(rebuilt::appendChild);
        return rebuilt;
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
