package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.glossary.Term;

/** One spelling per name, and never two names made one. */
class NameFormsTest {

    @Test
    void theTranslationsUsualFormWinsEverywhere() {
        NameForms.Outcome outcome = NameForms.unify(Glossary.EMPTY,
                "Yevgeny Prigozhin led the group. Prigosjin later left Rostov. Prigozhin's men followed him.",
                "Prigosjin leaves Rostov", List.of("Jevgenij Prigosjin led the group.", "Prigozhin left Rostov."));

        assertEquals("Yevgeny Prigozhin led the group. Prigozhin later left Rostov. Prigozhin's men followed him.",
                outcome.translation());
        assertEquals("Prigozhin leaves Rostov", outcome.title());
        assertEquals(List.of("Yevgeny Prigozhin led the group.", "Prigozhin left Rostov."), outcome.bullets());
        assertEquals(Set.of(Repair.NAME_FORM), outcome.repairs());
    }

    @Test
    void onATieTheTranslationsFirstFormWins() {
        NameForms.Outcome outcome = NameForms.unify(Glossary.EMPTY,
                "President Zelenskyj spoke on Monday. On Tuesday Zelensky travelled on.", "",
                List.of("Zelensky travelled on Tuesday."));

        assertEquals("President Zelenskyj spoke on Monday. On Tuesday Zelenskyj travelled on.", outcome.translation());
        assertEquals(List.of("Zelenskyj travelled on Tuesday."), outcome.bullets());
    }

    @Test
    void danishLettersAndTheirAsciiSpellingsAreOneName() {
        NameForms.Outcome outcome = NameForms.unify(Glossary.EMPTY,
                "The chairman, Jens Søgaard, opened the meeting. Later Søgaard spoke again.", "",
                List.of("Jens Soegaard opened the meeting.", "Mayor Sogaard spoke."));

        assertEquals(List.of("Jens Søgaard opened the meeting.", "Mayor Søgaard spoke."), outcome.bullets());
    }

    @Test
    void differentNamesAreNeverMadeOne() {
        String translation = "Anne Hansen and Peter Jensen met Tom Hanson, Eva Hanssen, Lars Nielsen and Ida Nilsen."
                + " Ian and Jan came later.";
        List<String> bullets = List.of("Hansen met Jensen.", "Hanson met Hanssen, Nielsen and Nilsen.");
        NameForms.Outcome outcome = NameForms.unify(Glossary.EMPTY, translation, "", bullets);

        assertEquals(translation, outcome.translation());
        assertEquals(bullets, outcome.bullets());
        assertTrue(outcome.repairs().isEmpty());
    }

    @Test
    void aNameTheGlossaryRulesIsLeftToTheGlossary() {
        Glossary glossary = new Glossary(List.of(Term.of("Zelenskyj", "Zelenskyy")));
        String translation = "Zelensky spoke. Zelensky travelled. Later Zelenskyy rested.";
        NameForms.Outcome outcome = NameForms.unify(glossary, translation, "", List.of("Zelenskyy spoke."));

        assertEquals(translation, outcome.translation());
        assertTrue(outcome.repairs().isEmpty());
    }

    @Test
    void aCommonWordOpeningASentenceIsNotAName() {
        // "Yoke" opens a sentence and is a common word here ("the yoke"); Joke Visser is a person.
        String translation = "Joke Visser restored the barn. Yoke marks were found on the beam, and the yoke was old.";
        NameForms.Outcome outcome = NameForms.unify(Glossary.EMPTY, translation, "", List.of("Joke Visser spoke."));

        assertEquals(translation, outcome.translation());
        assertTrue(outcome.repairs().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({ "Prigosjin,Prigozhin", "Zelenskyj,Zelenskyy", "Jevgenij,Yevgeny", "Navalnyj,Navalny",
            "Aleksej,Alexei", "Tjekhov,Chekhov", "Søren,Soeren", "Ålborg,Aalborg", "Mærsk,Maersk" })
    void transliterationsShareAKey(String danish, String english) {
        assertEquals(NameForms.key(danish), NameForms.key(english));
    }

    @ParameterizedTest
    @CsvSource({ "Hansen,Jensen", "Hansen,Hanson", "Hansen,Hanssen", "Nielsen,Nilsen", "Ian,Jan",
            "Mohammad,Muhammad" })
    void differentNamesDoNot(String one, String other) {
        assertNotEquals(NameForms.key(one), NameForms.key(other));
    }
}
