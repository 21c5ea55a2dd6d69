package dk.articlesummarizer.llm.guardrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerInspectorSentencesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "The park costs 21.4 billion kroner.",
            "Dr. Anne-Marie Lund says the turbines are smaller than a match.",
            "Nordvind Energi A/S rejects the criticism, says director J. K. Lund.",
            "\"We are not against green energy,\" says Jens Kristian Holm.",
            "The decision falls after the deadline on 1 October" })
    void oneSentence(String bullet) {
        assertEquals(1, AnswerInspector.sentences(bullet));
    }

    @ParameterizedTest
    @ValueSource(strings = { "The bath opens. It is big.", "Is it open? Yes, every day.", "It costs money! Many object." })
    void twoSentences(String bullet) {
        assertEquals(2, AnswerInspector.sentences(bullet));
    }

    @Test
    void listMarkersAreStripped() {
        assertEquals(List.of("One.", "Two.", "Three.", "Four."),
                AnswerInspector.cleanBullets(List.of("- One.", "• Two.", "3. Three.", "Four.")));
    }
}
