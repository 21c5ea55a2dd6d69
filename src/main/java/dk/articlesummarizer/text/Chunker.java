package dk.articlesummarizer.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Splits a long article into chunks of at most {@code chunkChars} characters on paragraph boundaries, and a
 * paragraph longer than that on sentence boundaries.
 * <p>
 * Chunk boundaries are content-defined: besides the size limit, a chunk may also end after a paragraph whose hash
 * marks it as a cut point. An edit therefore moves boundaries only until the next cut point, so the chunks (and
 * their cached translations) of the rest of the article stay the same; with boundaries from size alone, one
 * added sentence would shift every later chunk.
 */
public final class Chunker {

    /** On average one piece in this many is a cut point. */
    private static final int CUT_POINT_EVERY = 4;
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Chunker() {
    }

    public static List<String> paragraphs(String text) {
        return List.of(PARAGRAPH_BREAK.split(text.strip()));
    }

    /**
     * @param contextChars how much of the end of the piece before a chunk goes along with it as its context
     */
    public static List<Chunk> split(String text, int chunkChars, int contextChars) {
        List<Chunk.Piece> pieces = pieces(paragraphs(text), chunkChars);
        List<Chunk> chunks = new ArrayList<>();
        List<Chunk.Piece> current = new ArrayList<>();
        int size = 0;
        String context = "";
        for (int i = 0; i < pieces.size(); i++) {
            Chunk.Piece piece = pieces.get(i);
            if (!current.isEmpty() && size + 2 + piece.text().length() > chunkChars) {
                chunks.add(new Chunk(current, context));
                context = tail(pieces.get(i - 1).text(), contextChars);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(piece);
            size += (size == 0 ? 0 : 2) + piece.text().length();
            if (size >= chunkChars / 2 && isCutPoint(piece) && i < pieces.size() - 1) {
                chunks.add(new Chunk(current, context));
                context = tail(piece.text(), contextChars);
                current = new ArrayList<>();
                size = 0;
            }
        }
        if (!current.isEmpty()) {
            chunks.add(new Chunk(current, context));
        }
        return chunks;
    }

    private static List<Chunk.Piece> pieces(List<String> paragraphs, int chunkChars) {
        List<Chunk.Piece> pieces = new ArrayList<>();
        for (int index = 0; index < paragraphs.size(); index++) {
            String paragraph = paragraphs.get(index);
            if (paragraph.length() <= chunkChars) {
                pieces.add(new Chunk.Piece(index, paragraph));
                continue;
            }
            for (String run : pack(sentences(paragraph, chunkChars), " ", chunkChars)) {
                pieces.add(new Chunk.Piece(index, run));
            }
        }
        return pieces;
    }

    /** Joins consecutive items with {@code separator} into as few runs of at most {@code maxChars} as it can. */
    public static List<String> pack(List<String> items, String separator, int maxChars) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (String item : items) {
            if (run.length() > 0 && run.length() + separator.length() + item.length() > maxChars) {
                runs.add(run.toString());
                run.setLength(0);
            }
            run.append(run.length() == 0 ? "" : separator).append(item);
        }
        runs.add(run.toString());
        return runs;
    }

    /** Sentences, and a sentence longer than a chunk cut at word boundaries: never inside a word. */
    private static List<String> sentences(String paragraph, int chunkChars) {
        List<String> result = new ArrayList<>();
        for (String sentence : DanishSentences.split(paragraph)) {
            String trimmed = sentence.strip();
            if (trimmed.length() <= chunkChars) {
                result.add(trimmed);
                continue;
            }
            result.addAll(pack(List.of(WHITESPACE.split(trimmed)), " ", chunkChars));
        }
        return result;
    }

    /**
     * A chunk in two halves, each with the text before it as context: by pieces, or a single piece by sentences.
     * Empty for a single sentence, which cannot be halved.
     */
    public static Optional<List<Chunk>> halves(Chunk chunk, int contextChars) {
        List<Chunk.Piece> pieces = chunk.pieces();
        if (pieces.size() > 1) {
            int middle = pieces.size() / 2;
            List<Chunk.Piece> first = pieces.subList(0, middle);
            return Optional.of(List.of(new Chunk(first, chunk.context()), new Chunk(pieces.subList(middle,
                    pieces.size()), tail(first.get(middle - 1).text(), contextChars))));
        }
        Chunk.Piece only = pieces.get(0);
        List<String> sentences = DanishSentences.split(only.text()).stream().map(String::strip)
                .filter(sentence -> !sentence.isEmpty()).toList();
        if (sentences.size() < 2) {
            return Optional.empty();
        }
        int middle = sentences.size() / 2;
        String first = String.join(" ", sentences.subList(0, middle));
        String second = String.join(" ", sentences.subList(middle, sentences.size()));
        return Optional.of(List.of(new Chunk(List.of(new Chunk.Piece(only.paragraph(), first)), chunk.context()),
                new Chunk(List.of(new Chunk.Piece(only.paragraph(), second)), tail(first, contextChars))));
    }

    private static boolean isCutPoint(Chunk.Piece piece) {
        CRC32 crc = new CRC32();
        crc.update(piece.text().getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % CUT_POINT_EVERY == 0;
    }

    private static String tail(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int from = text.length() - maxChars;
        int space = text.indexOf(' ', from);
        return space < 0 ? text.substring(from) : text.substring(space + 1);
    }
}
