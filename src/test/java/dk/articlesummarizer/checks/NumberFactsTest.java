package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberFactsTest {

    private static final String SOURCE = "Projektet omfatter 64 møller med 1.000 megawatt til omkring 900.000 husstande."
            + " Det koster ca. 21,4 mia. kr. og står færdigt i 2031. 41 procent er imod, 3,5 procent ved ikke."
            + " Åbent fra klokken 10.30 til 20. Der er afholdt tre borgermøder.";

    private static final Set<BigDecimal> STATED = stated(SOURCE);

    /** Everything the source states, as AnswerReading reads it when the digits alone do not do. */
    private static Set<BigDecimal> stated(String source) {
        Set<BigDecimal> readings = NumberFacts.readingsOfDigits(source);
        readings.addAll(NumberFacts.readingsOfWords(source));
        return readings;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "64", "1,000", "1000", "900,000", "21.4", "21,400,000,000", "2031", "41", "3.5", "10", "30", "8", "3" })
    void englishRenderingsOfStatedNumbersAreSupported(String written) {
        assertTrue(NumberFacts.supported(written, STATED), written);
    }

    @ParameterizedTest
    // 64 billion: "mia." scales only the number right before it (21,4), not every number earlier in the text.
    @CsvSource(delimiter = '|', value = { "65", "2,000", "21.5", "2030", "42", "4500", "64,000,000,000" })
    void numbersTheSourceDoesNotStateAreNot(String written) {
        assertFalse(NumberFacts.supported(written, STATED), written);
    }
}
