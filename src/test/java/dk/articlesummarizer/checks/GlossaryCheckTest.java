package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.glossary.Term;

/** One form per glossary term: every wrong form is put right, also beside the right one. */
class GlossaryCheckTest {

    private static final Glossary WAGNER = new Glossary(List.of(Term.of("Prigosjin", "Prigozhin")));
    private static final String WAGNER_SOURCE = "Lejesoldaterne fulgte Jevgenij Prigosjin, og Prigosjins folk trak"
            + " sig tilbage fra byen.";

    @Test
    void theDanishFormIsPutRightWhereTheEnglishOneAppearsToo() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        GlossaryCheck.Outcome outcome = GlossaryCheck.enforce(WAGNER, WAGNER_SOURCE,
                "The mercenaries followed Prigozhin. Later Jevgenij Prigosjin's men left the town, and Prigosjins"
                        + " officers followed.",
                "Prigosjin's men leave the town", List.of("Jevgenij Prigosjin led the mercenaries.",
                        "Prigozhin's officers followed."), repairs);

        assertTrue(outcome.violation().isEmpty());
        assertEquals("The mercenaries followed Prigozhin. Later Jevgenij Prigozhin's men left the town, and"
                + " Prigozhin's officers followed.", outcome.translation());
        assertEquals("Prigozhin's men leave the town", outcome.title());
        assertEquals(List.of("Jevgenij Prigozhin led the mercenaries.", "Prigozhin's officers followed."),
                outcome.bullets());
        assertEquals(Set.of(Repair.GLOSSARY_FORM), repairs);
    }

    @Test
    void aTransliterationIsPutRightWhereTheGlossaryFormAppearsToo() {
        Glossary president = new Glossary(List.of(Term.of("Zelenskyj", "Zelenskyy")));
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        GlossaryCheck.Outcome outcome = GlossaryCheck.enforce(president, "Præsident Zelenskyj talte i Kyiv.",
                "President Zelenskyy spoke in Kyiv. Zelensky's adviser was there too.", "Zelensky speaks in Kyiv",
                List.of("Zelenskyy spoke in Kyiv."), repairs);

        assertTrue(outcome.violation().isEmpty());
        assertEquals("President Zelenskyy spoke in Kyiv. Zelenskyy's adviser was there too.", outcome.translation());
        assertEquals("Zelenskyy speaks in Kyiv", outcome.title());
        assertEquals(Set.of(Repair.GLOSSARY_FORM), repairs);
    }

    @Test
    void theDanishTermInsideItsOwnEnglishFormIsLeftAlone() {
        Glossary party = new Glossary(List.of(Term.of("Venstre", "the Liberal Party (Venstre)")));
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        GlossaryCheck.Outcome outcome = GlossaryCheck.enforce(party, "Venstre tabte stemmer ved valget.",
                "At the election the Liberal Party (Venstre) lost votes. Venstre's leader stayed on.",
                "The Liberal Party (Venstre) loses votes", List.of("The Liberal Party (Venstre) lost votes."),
                repairs);

        assertEquals("At the election the Liberal Party (Venstre) lost votes. The Liberal Party (Venstre)'s leader"
                + " stayed on.", outcome.translation());
        assertEquals("The Liberal Party (Venstre) loses votes", outcome.title());
        assertEquals(List.of("The Liberal Party (Venstre) lost votes."), outcome.bullets());
    }

    @Test
    void aTranslationInTheRightFormOnlyIsNotRepaired() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        GlossaryCheck.Outcome outcome = GlossaryCheck.enforce(WAGNER, WAGNER_SOURCE,
                "The mercenaries followed Yevgeny Prigozhin, and Prigozhin's men left the town.", "",
                List.of("Prigozhin's men left."), repairs);

        assertTrue(outcome.violation().isEmpty());
        assertEquals("The mercenaries followed Yevgeny Prigozhin, and Prigozhin's men left the town.",
                outcome.translation());
        assertTrue(repairs.isEmpty(), repairs.toString());
    }

    @Test
    void aDanishGenitiveBecomesTheEnglishOne() {
        Glossary academy = new Glossary(List.of(Term.of("Forsvarsakademiet", "the Royal Danish Defence College")));
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        GlossaryCheck.Outcome outcome = GlossaryCheck.enforce(academy, "Forsvarsakademiets rektor taler.",
                "Forsvarsakademiets rector speaks.", "", List.of(), repairs);

        assertEquals("The Royal Danish Defence College's rector speaks.", outcome.translation());
        assertEquals(Set.of(Repair.GLOSSARY_FORM), repairs);
    }

    @Test
    void aTermThatIsMissingAndCannotBeLocatedIsAskedForAgain() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        String translation = "The mercenaries followed their leader out of the town.";
        GlossaryCheck.Outcome outcome = GlossaryCheck.enforce(WAGNER, WAGNER_SOURCE, translation, "",
                List.of("The leader left."), repairs);

        assertTrue(outcome.violation().isPresent());
        assertEquals(Violation.Cause.GLOSSARY_TERM, outcome.violation().get().cause());
        assertTrue(outcome.violation().get().instruction().contains("render \"Prigosjin\" (in any form) as"
                + " \"Prigozhin\""), outcome.violation().get().instruction());
        assertEquals(translation, outcome.translation());
    }
}
