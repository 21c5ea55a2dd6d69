package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerReadingSentencesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "The park costs 21.4 billion kroner.",
            "Dr. Anne-Marie Lund says the turbines are smaller than a match.",
            "Nordvind Energi A/S rejects the criticism, says director J. K. Lund.",
            "\"We are not against green energy,\" says Jens Kristian Holm.",
            "The decision falls after the deadline on 1 October" })
    void oneSentence(String bullet) {
        assertEquals(1, AnswerReading.splitSentences(bullet).size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "The bath opens. It is big.", "Is it open? Yes, every day.", "It costs money! Many object." })
    void twoSentences(String bullet) {
        assertEquals(2, AnswerReading.splitSentences(bullet).size());
    }

    @Test
    void listMarkersAndMarkupAreStripped() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        assertEquals(List.of("One.", "Two.", "Three.", "Cost: four.", "Five."),
                AnswerReading.tidyBullets(List.of("- One.", "• Two.", "3. Three.", "**Cost:** four.", "Five."),
                        repairs));
        assertEquals(Set.of(Repair.LIST_MARKERS), repairs);
    }

    @Test
    void aBulletOfSeveralSentencesBecomesOneBulletPerSentence() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        assertEquals(List.of("The bath opens on 1 May.", "Dr. Lund welcomes it.", "It is free."),
                AnswerReading.tidyBullets(List.of("The bath opens on 1 May. Dr. Lund welcomes it.", "It is free."),
                        repairs));
        assertEquals(Set.of(Repair.BULLET_SPLIT), repairs);
    }

    @Test
    void moreThanSevenBulletsKeepTheFirstSeven() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        List<String> nine = List.of("A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "I.");
        assertEquals(nine.subList(0, 7), AnswerReading.tidyBullets(nine, repairs));
        assertEquals(Set.of(Repair.BULLETS_TRIMMED), repairs);
    }

    @Test
    void emptyBulletsAreDropped() {
        assertEquals(List.of("One.", "Two."),
                AnswerReading.tidyBullets(List.of("One.", "", "  ", "Two."), EnumSet.noneOf(Repair.class)));
    }

    @Test
    void aMissingTitleIsTheFirstBulletWithoutItsFullStop() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        assertEquals("Aalborg opens a harbour bath", AnswerReading.titleOrDerived("",
                List.of("Aalborg opens a harbour bath.", "B.", "C."), repairs));
        assertEquals(Set.of(Repair.TITLE_DERIVED), repairs);
        assertEquals("Given", AnswerReading.titleOrDerived("Given", List.of("A.", "B.", "C."), repairs));
    }

    @Test
    void paragraphsOnSingleLineBreaksGetBlankLines() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        assertEquals("One.\n\nTwo.\n\nThree.", AnswerReading.paragraphBreaks(3, "One.\nTwo.\n Three.\n", repairs));
        assertEquals(Set.of(Repair.PARAGRAPH_BREAKS), repairs);
        assertEquals("One.\n\nTwo.", AnswerReading.paragraphBreaks(2, "One.\n\nTwo.", repairs));
        assertEquals("One line.", AnswerReading.paragraphBreaks(1, "One line.", repairs));
    }
}
