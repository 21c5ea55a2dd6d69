package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AnswerReadingNumbersTest {

    private static final String SOURCE = "Byrådet i Vejle har holdt tre borgermøder om den nye bro. Broen koster 412"
            + " mio. kr., og halvdelen af de 1.250 fremmødte stemte imod, sagde borgmester Karen Holm.";

    @Test
    void numbersWrittenInDigitsInTheSourceAreSupported() {
        assertTrue(AnswerReading.numbers(SOURCE, List.of("The bridge costs DKK 412 million", "1,250 attended"))
                .isEmpty());
    }

    @Test
    void numbersTheSourceSpellsOutAreSupported() {
        assertTrue(AnswerReading.numbers(SOURCE, List.of("The council held 3 town hall meetings")).isEmpty());
    }

    @Test
    void aNumberNeitherInDigitsNorInWordsIsReportedOnceWithTheOthersSupported() {
        Violation violation = AnswerReading.numbers(SOURCE,
                List.of("The council held 4 meetings", "3 of them were in Vejle", "412 million")).orElseThrow();

        assertEquals(Violation.Cause.INVENTED_NUMBER, violation.cause());
        assertTrue(violation.instruction().contains("does not state: 4."), violation.instruction());
    }

    @Test
    void claimsWithoutNumbersPass() {
        assertTrue(AnswerReading.numbers(SOURCE, List.of("Vejle is building a new bridge")).isEmpty());
    }
}
