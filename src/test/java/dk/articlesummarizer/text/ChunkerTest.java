package dk.articlesummarizer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.support.LongArticles;

class ChunkerTest {

    private static final int CHUNK = 8000;
    private static final int CONTEXT = 400;

    @Test
    void chunksHoldWholeParagraphsInOrderAndNeverExceedTheLimit() {
        String article = LongArticles.generate(60_000, 11);
        List<Chunk> chunks = Chunker.split(article, CHUNK, CONTEXT);

        assertTrue(chunks.size() > 1);
        chunks.forEach(chunk -> assertTrue(chunk.text().length() <= CHUNK));
        String rejoined = String.join("\n\n", chunks.stream().map(Chunk::text).toList());
        assertEquals(article, rejoined, "nothing lost, nothing reordered");
    }

    @Test
    void eachChunkGetsTheEndOfThePrecedingTextAsContext() {
        List<Chunk> chunks = Chunker.split(LongArticles.generate(30_000, 12), CHUNK, CONTEXT);

        assertEquals("", chunks.get(0).context());
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            assertTrue(previous.endsWith(chunks.get(i).context()));
            assertTrue(chunks.get(i).context().length() <= CONTEXT);
        }
    }

    @Test
    void aParagraphLongerThanAChunkIsSplitAtSentenceEnds() {
        String paragraph = LongArticles.singleParagraph(20_000, 13);
        List<Chunk> chunks = Chunker.split(paragraph, CHUNK, CONTEXT);

        assertTrue(chunks.size() >= 3);
        for (Chunk chunk : chunks) {
            assertEquals(1, chunk.paragraphCount());
            assertTrue(chunk.text().endsWith("."), chunk.text().substring(chunk.text().length() - 20));
        }
        assertEquals(paragraph, String.join(" ", chunks.stream().map(Chunk::text).toList()));
    }

    @Test
    void aSentenceLongerThanAChunkIsCutBetweenWords() {
        String sentence = "ord ".repeat(3000).strip() + ".";
        List<Chunk> chunks = Chunker.split(sentence, 1000, CONTEXT);

        chunks.forEach(chunk -> assertTrue(chunk.text().length() <= 1000 && !chunk.text().startsWith(" ")));
        assertEquals(sentence, String.join(" ", chunks.stream().map(Chunk::text).toList()));
    }

    @Test
    void aChunkIsHalvedByPiecesAndASinglePieceBySentencesEachHalfWithItsContext() {
        Chunk several = Chunker.split(LongArticles.generate(6_000, 14), CHUNK, CONTEXT).get(0);
        List<Chunk> halves = Chunker.halves(several, CONTEXT).orElseThrow();
        assertEquals(several.text(), halves.get(0).text() + "\n\n" + halves.get(1).text());
        assertTrue(halves.get(0).text().endsWith(halves.get(1).context()));

        Chunk one = new Chunk(List.of(new Chunk.Piece(3, "Første sætning. Anden sætning. Tredje sætning.")), "");
        List<Chunk> sentences = Chunker.halves(one, CONTEXT).orElseThrow();
        assertEquals("Første sætning.", sentences.get(0).text());
        assertEquals("Anden sætning. Tredje sætning.", sentences.get(1).text());
        assertEquals(3, sentences.get(1).pieces().get(0).paragraph());

        assertTrue(Chunker.halves(new Chunk(List.of(new Chunk.Piece(0, "Én sætning.")), ""), CONTEXT).isEmpty());
    }
}
