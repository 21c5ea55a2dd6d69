package dk.articlesummarizer.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.LongArticles;

class LanguageGateTest {

    private static final String ENGLISH = "The council said on Tuesday that the new harbour bath would open in June."
            + " Residents have asked for it for years, and the mayor said that the cost was lower than feared.";
    private static final String ENGLISH_WITH_DANISH_NAMES = "Mayor Søren Ærø opened the harbour bath in Åbenrå on"
            + " Tuesday. He said that the town had waited for it for years and that the water was clean.";
    private static final String DANISH_QUOTING_ENGLISH = "Bandet The Who spillede i aftes i Aarhus, og anmelderen"
            + " skrev, at \"The Kids Are Alright\" stadig er deres bedste sang. Koncerten varede i to timer.";

    private static final String GERMAN_WITH_DANISH_NAMES = "Der dänische Minister Søren Ærø besuchte am Dienstag"
            + " Flensburg. Er sagte, dass die Zusammenarbeit über die Grenze nach Åbenrå gut sei und weiter wachsen solle.";

    private static final String ENGLISH_ABOUT_DANISH_FOOD = "Visitors to Copenhagen queue for smørrebrød, rødgrød med"
            + " fløde and æbleskiver, and the tourist office said that the lines were longer this year than ever.";

    private final LanguageGate gate = gate(List.of("en", "de"));

    private static LanguageGate gate(List<String> refused) {
        return new LanguageGate(new LanguageConfig() {
            @Override
            public List<String> accepted() {
                return List.of("da", "nb", "nn", "sv");
            }

            @Override
            public List<String> refused() {
                return refused;
            }
        });
    }

    @Test
    void plainlyScandinavianArticlesAreWeighedAgainstTheScandinavianLanguagesOnly() {
        for (String name : List.of(Articles.SHORT_DANISH, Articles.MEDIUM_DANISH, Articles.NORWEGIAN)) {
            assertTrue(gate.takesScandinavianShortcut(Articles.load(name)), name);
        }
        assertFalse(gate.takesScandinavianShortcut(ENGLISH_WITH_DANISH_NAMES));
        assertFalse(gate.takesScandinavianShortcut(GERMAN_WITH_DANISH_NAMES));
        assertFalse(gate.takesScandinavianShortcut(ENGLISH_ABOUT_DANISH_FOOD));
        assertThrows(ProblemException.class, () -> gate.admit(GERMAN_WITH_DANISH_NAMES));
    }

    @Test
    void theShortcutReachesTheSameVerdictAsTheFullDetector() {
        assertEquals("nb", gate.admit(Articles.load(Articles.NORWEGIAN)).join());
        for (String name : List.of(Articles.SHORT_DANISH, Articles.MEDIUM_DANISH, Articles.NORWEGIAN)) {
            String article = Articles.load(name);
            assertEquals(gate.requireAcceptedByFullDetector(article), gate.admit(article).join(), name);
        }
        for (long seed = 0; seed < 100; seed++) {
            String article = LongArticles.generate(3_000, seed);
            assertTrue(gate.takesScandinavianShortcut(article), "seed " + seed);
            assertEquals("da", gate.requireAcceptedByFullDetector(article), "seed " + seed);
            assertEquals("da", gate.admit(article).join(), "seed " + seed);
        }
    }

    @Test
    void aRefusalComesAtOnceNotFromTheBackgroundWeighing() {
        assertThrows(ProblemException.class, () -> gate.admit(GERMAN_WITH_DANISH_NAMES));
        assertThrows(ProblemException.class, () -> gate.admit(ENGLISH));
        assertEquals("da", gate.admit(Articles.load(Articles.MEDIUM_DANISH)).join());
    }

    @Test
    void aRefusedLanguageTheShortcutDoesNotKnowTurnsItOff() {
        LanguageGate withIcelandic = gate(List.of("en", "de", "is"));
        assertFalse(withIcelandic.takesScandinavianShortcut(Articles.load(Articles.MEDIUM_DANISH)));
        assertEquals("da", withIcelandic.admit(Articles.load(Articles.MEDIUM_DANISH)).join());
    }

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
