package dk.articlesummarizer.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.support.Articles;

class LanguageGateTest {

    private static final String ENGLISH = "The council said on Tuesday that the new harbour bath would open in June."
            + " Residents have asked for it for years, and the mayor said that the cost was lower than feared.";
    private static final String ENGLISH_WITH_DANISH_NAMES = "Mayor Søren Ærø opened the harbour bath in Åbenrå on"
            + " Tuesday. He said that the town had waited for it for years and that the water was clean.";
    private static final String DANISH_QUOTING_ENGLISH = "Bandet The Who spillede i aftes i Aarhus, og anmelderen"
            + " skrev, at \"The Kids Are Alright\" stadig er deres bedste sang. Koncerten varede i to timer.";

    private final LanguageGate gate = new LanguageGate(new LanguageConfig() {
        @Override
        public List<String> accepted() {
            return List.of("da", "nb", "nn", "sv");
        }

        @Override
        public List<String> refused() {
            return List.of("en", "de");
        }
    });

    @Test
    void plainEnglishIsRecognizedWithoutTheDetector() {
        assertTrue(LanguageGate.plainlyEnglish(ENGLISH));
        assertEquals(Optional.of(true), gate.isEnglish(ENGLISH));
    }

    @Test
    void danishLettersLeaveTheDecisionToTheDetector() {
        assertFalse(LanguageGate.plainlyEnglish(ENGLISH_WITH_DANISH_NAMES));
        assertEquals(Optional.of(true), gate.isEnglish(ENGLISH_WITH_DANISH_NAMES));
    }

    @Test
    void danishWithAFewEnglishWordsIsNotEnglish() {
        assertFalse(LanguageGate.plainlyEnglish(DANISH_QUOTING_ENGLISH));
        assertEquals(Optional.of(false), gate.isEnglish(DANISH_QUOTING_ENGLISH));
        String danish = Articles.load(Articles.MEDIUM_DANISH);
        assertFalse(LanguageGate.plainlyEnglish(danish.substring(0, LanguageGate.SAMPLE_CHARS)));
        assertEquals(Optional.of(false), gate.isEnglish(danish));
    }
}
