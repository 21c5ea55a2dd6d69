package dk.articlesummarizer.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    private static final String SWEDISH = "Kommunen planerar att bygga en ny simhall i Örebro, och arbetet ska börja"
            + " redan nästa år. Simhallen ska ha plats för många besökare, säger kommunalrådet Anna Lindqvist.";

    private static LanguageGate gate(List<String> accepted) {
        return new LanguageGate(new LanguageConfig() {
            @Override
            public List<String> accepted() {
                return accepted;
            }

            @Override
            public List<String> refused() {
                return List.of("en", "de", "fr", "es", "nl", "it", "pl", "fi");
            }
        });
    }

    private final LanguageGate byDefault = gate(List.of("da", "nb", "nn", "sv"));

    @Test
    void byDefaultDanishNorwegianAndSwedishPassAsWhatTheyAre() {
        assertEquals("da", byDefault.admit(Articles.load(Articles.MEDIUM_DANISH)));
        assertEquals("da", byDefault.admit(Articles.load(Articles.SHORT_DANISH)));
        assertEquals("nb", byDefault.admit(Articles.load(Articles.NORWEGIAN)));
        assertEquals("sv", byDefault.admit(SWEDISH));
        assertEquals("da", byDefault.admit(DANISH_QUOTING_ENGLISH));
        for (long seed = 0; seed < 20; seed++) {
            assertEquals("da", byDefault.admit(LongArticles.generate(3_000, seed)), "seed " + seed);
        }
    }

    @Test
    void englishAndGermanAreRefusedEvenWithDanishNames() {
        for (String text : List.of(ENGLISH, ENGLISH_WITH_DANISH_NAMES, GERMAN_WITH_DANISH_NAMES)) {
            ProblemException refused = assertThrows(ProblemException.class, () -> byDefault.admit(text));
            assertTrue(refused.getMessage().contains("accepted languages: da, nb, nn, sv"), refused.getMessage());
        }
    }

    @Test
    void danishAloneAcceptsDanishAndRefusesNorwegianAndSwedish() {
        LanguageGate danishOnly = gate(List.of("da"));
        assertEquals("da", danishOnly.admit(Articles.load(Articles.MEDIUM_DANISH)));
        assertEquals("da", danishOnly.admit(Articles.load(Articles.SHORT_DANISH)));
        assertEquals("da", danishOnly.admit(DANISH_QUOTING_ENGLISH));
        ProblemException norwegian = assertThrows(ProblemException.class,
                () -> danishOnly.admit(Articles.load(Articles.NORWEGIAN)));
        assertTrue(norwegian.getMessage().contains("Bokmal (nb)"), norwegian.getMessage());
        ProblemException swedish = assertThrows(ProblemException.class, () -> danishOnly.admit(SWEDISH));
        assertTrue(swedish.getMessage().contains("Swedish (sv)"), swedish.getMessage());
        assertThrows(ProblemException.class, () -> danishOnly.admit(ENGLISH));
    }

    @Test
    void danishAndSwedishReportEachAsItselfAndRefuseNorwegian() {
        LanguageGate danishAndSwedish = gate(List.of("da", "sv"));
        assertEquals("sv", danishAndSwedish.admit(SWEDISH));
        assertEquals("da", danishAndSwedish.admit(Articles.load(Articles.MEDIUM_DANISH)));
        assertThrows(ProblemException.class, () -> danishAndSwedish.admit(Articles.load(Articles.NORWEGIAN)));
    }

    @Test
    void tooShortToTellPassesAsTheFirstAcceptedLanguage() {
        assertEquals("da", byDefault.admit("Kort."));
    }

    @Test
    void answersAreTestedForEnglish() {
        assertEquals(Optional.of(true), byDefault.isEnglish(ENGLISH));
        assertEquals(Optional.of(true), byDefault.isEnglish(ENGLISH_WITH_DANISH_NAMES));
        assertEquals(Optional.of(false), byDefault.isEnglish(DANISH_QUOTING_ENGLISH));
        assertEquals(Optional.of(false), byDefault.isEnglish(Articles.load(Articles.MEDIUM_DANISH)));
        assertEquals(Optional.empty(), byDefault.isEnglish("Short."));
    }
}
