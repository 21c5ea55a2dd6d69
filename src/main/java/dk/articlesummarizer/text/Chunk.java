package dk.articlesummarizer.text;

import java.util.List;

/**
 * A run of whole paragraphs (its first and last may be parts of a paragraph too long for one chunk) to translate
 * in one call, with the paragraph before it as read-only context.
 *
 * @param pieces the text pieces in order
 * @param context the source paragraph before the first piece, or "" for the first chunk
 */
public record Chunk(List<Piece> pieces, String context) {

    /** A paragraph, or a run of sentences of one. */
    public record Piece(int paragraph, String text) {
    }

    public Chunk {
        pieces = List.copyOf(pieces);
    }

    /** The chunk's text: pieces of different paragraphs separated by a blank line, parts of one by a space. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                text.append(pieces.get(i).paragraph() == pieces.get(i - 1).paragraph() ? " " : "\n\n");
            }
            text.append(pieces.get(i).text());
        }
        return text.toString();
    }

    /** How many (parts of) paragraphs the chunk holds, which its translation must have too. */
    public int paragraphCount() {
        return (int) pieces.stream().mapToInt(Piece::paragraph).distinct().count();
    }
}
