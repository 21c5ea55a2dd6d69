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
 * image's alt text is a paragraph of its own), and so is each cell of a table; code blocks are not translated.
 * Link and image URLs never reach the model. Raw HTML in the Markdown is sanitized like an HTML article's.
 */
final class MarkdownArticle extends PlaceholderArticle<Node> {

    private static final Pattern UNSAFE_INLINE = Pattern.compile(
            "(?i)<\\s*(script|style|iframe|object|embed)|\\son\\w+\\s*=|javascript:");

    /** GitHub-flavoured tables too: their cells are paragraphs of their own. */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder().extensions(EXTENSIONS).build();

    private final Node document;

    private MarkdownArticle(Node document, List<String> removed) {
        super(removed);
        this.document = document;
        collect(document);
    }

    static MarkdownArticle parse(String markdown) {
        Node document = PARSER.parse(markdown);
        return new MarkdownArticle(document, sanitize(document));
    }

    /** Parsing again gives a copy to fill. */
    @Override
    MarkdownArticle copy() {
        return new MarkdownArticle(PARSER.parse(write()), removed());
    }

    @Override
    String write() {
        return RENDERER.render(document);
    }

    private void collect(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph || child instanceof Heading || child instanceof TableCell) {
                Node block = child;
                addParagraph(children(block), translated -> {
                    removeChildren(block);
                    translated.forEach(block::appendChild);
                });
            } else {
                collect(child);
            }
        }
    }

    @Override
    String words(Node node) {
        return node instanceof Text words ? words.getLiteral() : node instanceof SoftLineBreak ? " " : null;
    }

    /** Code spans, line breaks, images, raw HTML and anything unknown stand as they are. */
    @Override
    boolean wraps(Node element) {
        return element instanceof Emphasis || element instanceof StrongEmphasis || element instanceof Link;
    }

    @Override
    List<Node> children(Node element) {
        List<Node> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        return children;
    }

    @Override
    List<Segment> ownSegments(Node element) {
        if (element instanceof Image image && !plainText(image).isBlank()) {
            return List.of(new Segment(plainText(image), translated -> {
                removeChildren(image);
                image.appendChild(new Text(Placeholders.strip(translated)));
            }));
        }
        return List.of();
    }

    @Override
    Node text(String words) {
        return new Text(words);
    }

    /** As it is: taken out of the copy's block, whose children are replaced anyway. */
    @Override
    Node rebuilt(Node element, List<Node> children) {
        if (children == null) {
            element.unlink();
            return element;
        }
        Node rebuilt = element instanceof Emphasis emphasis ? new Emphasis(emphasis.getOpeningDelimiter())
                : element instanceof StrongEmphasis strong ? new StrongEmphasis(strong.getOpeningDelimiter())
                : new Link(((Link) element).getDestination(), ((Link) element).getTitle());
        children.forEach(rebuilt::appendChild);
        return rebuilt;
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
