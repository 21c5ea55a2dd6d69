package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PassageCheckTest {

    private static final String CONTEXT = "Borgmester Lene Dahl oplyste tirsdag, at 214 familier har søgt om plads i"
            + " den nye børnehave i Hobro.";
    private static final String PASSAGE = "Børnehaven åbner 1. august med plads til 96 børn.\n\n"
            + "\"Vi ansætter 14 pædagoger,\" siger institutionsleder Karim Haddad.";
    private static final String CONTEXT_IN_ENGLISH = "Mayor Lene Dahl said on Tuesday that 214 families have applied"
            + " for a place in the new kindergarten in Hobro.";
    private static final String PASSAGE_IN_ENGLISH = "The kindergarten opens on 1 August with room for 96 children."
            + "\n\n\"We are hiring 14 teachers,\" says head of institution Karim Haddad.";

    @Test
    void aTranslatedCopyOfTheContextInFrontIsDropped() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);

        assertEquals(PASSAGE_IN_ENGLISH, PassageCheck.withoutContext(CONTEXT, PASSAGE,
                CONTEXT_IN_ENGLISH + "\n\n" + PASSAGE_IN_ENGLISH, repairs));
        assertEquals(Set.of(Repair.CONTEXT_DROPPED), repairs);
    }

    @Test
    void aSplitFirstParagraphIsKept() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        String split = "The kindergarten opens on 1 August.\n\nIt has room for 96 children.\n\n\"We are hiring 14"
                + " teachers,\" says head of institution Karim Haddad.";

        assertEquals(split, PassageCheck.withoutContext(CONTEXT, PASSAGE, split, repairs));
        assertEquals(Set.of(), repairs);
    }

    @Test
    void theFirstPassageHasNoContextToDrop() {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        String extra = CONTEXT_IN_ENGLISH + "\n\n" + PASSAGE_IN_ENGLISH;

        assertEquals(extra, PassageCheck.withoutContext("", PASSAGE, extra, repairs));
    }

    @Test
    void oneParagraphOffIsToleratedAndMoreInALongPassageToo() {
        assertEquals(1, PassageCheck.tolerance(3));
        assertEquals(4, PassageCheck.tolerance(20));
    }
}
