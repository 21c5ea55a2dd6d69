package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.llm.Bullet;

class CitationsTest {

    private static final List<String> DANISH = List.of(
            "Byrådet i Vejle vedtog torsdag en plan for en ny svømmehal.",
            "Hallen skal koste 84 mio. kr. og stå klar i 2029, oplyser borgmester Karen Brix.",
            "Oppositionen stemte imod og kalder prisen for høj.",
            "Svømmeklubben Delfinen har 1.200 medlemmer og venter på bedre forhold.");
    private static final List<String> ENGLISH = List.of(
            "Vejle city council on Thursday adopted a plan for a new swimming hall.",
            "The hall will cost DKK 84 million and be ready in 2029, says mayor Karen Brix.",
            "The opposition voted against and calls the price too high.",
            "The swimming club Delfinen has 1,200 members and is waiting for better conditions.");

    @Test
    void aBulletCitesTheParagraphThatStatesItsNumbersAndNames() {
        assertEquals(List.of(new Bullet("The hall costs DKK 84 million, says mayor Karen Brix.", List.of(2))),
                Citations.locate(DANISH, ENGLISH, List.of("The hall costs DKK 84 million, says mayor Karen Brix.")));
    }

    @Test
    void aBulletJoiningTwoParagraphsCitesBoth() {
        assertEquals(List.of(2, 4), Citations.locate(DANISH, ENGLISH,
                List.of("The hall will be ready in 2029 for the 1,200 members of Delfinen.")).get(0).paragraphs());
    }

    @Test
    void aBulletWithoutNumbersOrNamesCitesTheParagraphSharingMostOfItsWords() {
        assertEquals(List.of(3), Citations.locate(DANISH, ENGLISH,
                List.of("The opposition voted against because the price is too high.")).get(0).paragraphs());
    }

    @Test
    void withoutATranslationParagraphForEachSourceParagraphTheDanishIsSearchedAlone() {
        assertEquals(List.of(4), Citations.locate(DANISH, List.of(String.join(" ", ENGLISH)),
                List.of("The club has 1,200 members.")).get(0).paragraphs());
    }

    @Test
    void aNumberCitesTheParagraphWritingItNotOneThatMightReadAsIt() {
        assertEquals(List.of(2), Citations.locate(
                List.of("Udlånet er steget med 14 procent.", "Biblioteket får 2 nye filialer."),
                List.of("Lending is up 14 per cent; the municipality wants to grow it.", "The library gets 2 new"
                        + " branches."), List.of("The library gets 2 new branches.")).get(0).paragraphs());
        assertEquals(List.of(2), Citations.locate(
                List.of("Kommunen åbner en ny hal i Vejle.", "Ved ulykken kom 1 person til skade."),
                List.of(), List.of("1 person was injured in the accident.")).get(0).paragraphs());
    }

    @Test
    void aNumberWrittenOnlyInWordsIsStillFound() {
        assertEquals(List.of(2), Citations.locate(List.of("Hallen åbner i maj.", "Der kommer tre nye baner."),
                List.of(), List.of("There will be 3 new lanes.")).get(0).paragraphs());
    }
}
