package dk.articlesummarizer.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * A Markdown article (commonmark-java): each paragraph and heading (in lists and block quotes too) is a paragraph
 * for the model, with emphasis and links as placeholders; code spans, line breaks and images stand alone (an
 * image's alt text is a paragraph of its own), and so is each cell of a table; code blocks are not translated. Link and image URLs never reach the
 * model. Raw HTML in the Markdown is sanitized like an HTML article's.
 */
final class MarkdownArticle implements MarkedUpArticle {

    private static final Pattern UNSAFE_INLINE = Pattern.compile(
            "(?i)<\\s*(script|style|iframe|object|embed)|\\son\\w+\\s*=|javascript:");

    /** GitHub-flavoured tables too: their cells are paragraphs of their own. */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder().extensions(EXTENSIONS).build();

    private final Node document;
    private final List<Segment> segments = new ArrayList<>();
    private final List<String> removed;

    private sealed interface Segment {
    }

    /** A block's inline content; {@code numbered} the nodes behind the placeholders. */
    private record Block(Node block, List<Node> numbered, String text) implements Segment {
    }

    /** An image's alt text. */
    private record Alt(Image image) implements Segment {
    }

    private MarkdownArticle(Node document, List<String> removed) {
        this.document = document;
        this.removed = removed;
        collect(document);
    }

    static MarkdownArticle parse(String markdown) {
        Node document = PARSER.parse(markdown);
        return new MarkdownArticle(document, sanitize(document));
    }

    @Override
    public List<String> paragraphs() {
        List<String> paragraphs = new ArrayList<>();
        for (Segment segment : segments) {
            paragraphs.add(segment instanceof Block block ? block.text() : plainText(((Alt) segment).image()));
        }
        return paragraphs;
    }

    @Override
    public String render(List<String> translated) {
        // Parsing again gives a copy to fill, segmented the same way.
        MarkdownArticle target = new MarkdownArticle(PARSER.parse(source()), removed);
        for (int i = 0; i < target.segments.size(); i++) {
            Segment segment = target.segments.get(i);
            if (segment instanceof Block block) {
                replace(block, Inline.parse(translated.get(i)));
            } else if (segment instanceof Alt alt) {
                removeChildren(alt.image());
                alt.image().appendChild(new Text(Placeholders.strip(translated.get(i))));
            }
        }
        return RENDERER.render(target.document);
    }

    private String source() {
        return RENDERER.render(document);
    }

    @Override
    public List<String> removed() {
        return removed;
    }

    private void collect(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph || child instanceof Heading || child instanceof TableCell) {
                List<Node> numbered = new ArrayList<>();
                List<Alt> alts = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                for (Node inline = child.getFirstChild(); inline != null; inline = inline.getNext()) {
                    serialize(inline, text, numbered, alts);
                }
                String paragraph = text.toString().replaceAll("\\s+", " ").strip();
                if (!Placeholders.strip(paragraph).isBlank()) {
                    segments.add(new Block(child, numbered, paragraph));
                }
                segments.addAll(alts);
            } else {
                collect(child);
            }
        }
    }

    private static void serialize(Node node, StringBuilder text, List<Node> numbered, List<Alt> alts) {
        if (node instanceof Text words) {
            text.append(words.getLiteral());
        } else if (node instanceof SoftLineBreak) {
            text.append(' ');
        } else if (node instanceof Emphasis || node instanceof StrongEmphasis || node instanceof Link) {
            numbered.add(node);
            int number = numbered.size();
            text.append(Placeholders.open(number));
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                serialize(child, text, numbered, alts);
            }
            text.append(Placeholders.close(number));
        } else {
            // Code spans, line breaks, images, raw HTML and anything unknown stand as they are.
            numbered.add(node);
            text.append(Placeholders.alone(numbered.size()));
            if (node instanceof Image image && !plainText(image).isBlank()) {
                alts.add(new Alt(image));
            }
        }
    }

    private static void replace(Block block, List<Inline> translated) {
        List<Node> nodes = build(translated, block.numbered());
        removeChildren(block.block());
        nodes.forEach(block.block()::appendChild);
    }

    private static List<Node> build(List<Inline> pieces, List<Node> numbered) {
        List<Node> nodes = new ArrayList<>();
        for (Inline piece : pieces) {
            if (piece.isText()) {
                nodes.add(new Text(piece.text()));
            } else if (piece.number() <= numbered.size()) {
                Node original = numbered.get(piece.number() - 1);
                Node container = piece.alone() ? null : emptyLike(original);
                if (container == null) {
                    original.unlink();
                    nodes.add(original);
                } else {
                    build(piece.children(), numbered).forEach(container::appendChild);
                    nodes.add(container);
                }
            }
        }
        return nodes;
    }

    /** A new, empty element of the original's kind, with its delimiter or URL. */
    private static Node emptyLike(Node original) {
        if (original instanceof Emphasis emphasis) {
            return new Emphasis(emphasis.getOpeningDelimiter());
        }
        if (original instanceof StrongEmphasis strong) {
            return new StrongEmphasis(strong.getOpeningDelimiter());
        }
        if (original instanceof Link link) {
            return new Link(link.getDestination(), link.getTitle());
        }
        return null;
    }

    private static void removeChildren(Node node) {
        while (node.getFirstChild() != null) {
            node.getFirstChild().unlink();
        }
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            text.append(child instanceof Text words ? words.getLiteral() : plainText(child));
        }
        return text.toString();
    }

    /** Raw HTML sanitized as an HTML article's; an inline tag that would run anything is dropped. */
    private static List<String> sanitize(Node node) {
        Set<String> removed = new LinkedHashSet<>();
        sanitize(node, removed);
        return List.copyOf(removed);
    }

    private static void sanitize(Node node, Set<String> removed) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof HtmlBlock html) {
                HtmlArticle article = HtmlArticle.parse(html.getLiteral());
                removed.addAll(article.removed());
                html.setLiteral(Jsoup.clean(html.getLiteral(), Safelist.relaxed()));
            } else if (child instanceof HtmlInline html && UNSAFE_INLINE.matcher(html.getLiteral()).find()) {
                removed.add(html.getLiteral().replaceAll("(?s)^<\\s*(\\w+).*", "$1").toLowerCase(Locale.ROOT)
                        + " (inline HTML)");
                child.unlink();
            } else {
                sanitize(child, removed);
            }
            child = next;
        }
    }
}
