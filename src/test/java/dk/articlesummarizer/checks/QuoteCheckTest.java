package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Quotations kept as quotations, in their paragraphs and with their speakers; none made up in the summary. */
class QuoteCheckTest {

    private static final String SOURCE = """
            Borgmester Anne Hansen glæder sig over aftalen om den nye havn. „Det er en god dag for byen,“ siger hun.

            Kritikerne er ikke enige. »Planen er alt for dyr,« siger rådmand Peter Jensen.

            – Vi har ventet på det her i ti år, siger formand Lise Berg.

            Ifølge Berg går arbejdet i gang til foråret.""";

    private static final String TRANSLATION = """
            Mayor Anne Hansen welcomes the agreement on the new harbour. "It is a good day for the city," she says.

            The critics disagree. "The plan is far too expensive," says councillor Peter Jensen.

            – We have waited for this for ten years, says chairwoman Lise Berg.

            According to Berg, the work will start in the spring.""";

    private static final String TITLE = "Mayor welcomes harbour agreement";

    private final Set<Repair> repairs = EnumSet.noneOf(Repair.class);

    private QuoteCheck.Outcome check(String source, String givenTitle, String translation, String title,
            List<String> bullets) {
        return QuoteCheck.check(source, givenTitle, translation, title, bullets, repairs);
    }

    private static List<String> words(String text) {
        return QuoteCheck.quotations(text).stream().map(QuoteCheck.Quotation::words).toList();
    }

    @Test
    void theArticlesQuotationsAreFoundInTheirMarksAndAfterTheDialogueDash() {
        assertEquals(List.of("Det er en god dag for byen,", "Planen er alt for dyr,",
                "Vi har ventet på det her i ti år"), words(SOURCE));
        assertEquals(List.of("Det er for sent"), words("– Det er for sent – siger Jensen – men vi prøver."));
        assertEquals(List.of("Vi starter i morgen."), words("Hun sagde: ”Vi starter i morgen.”"));
        assertEquals(List.of(), words("- 45 mio. kr. til forskning\n\n- 10 mio. kr. til drift"));
        assertEquals(List.of("We are glad,"), words("– “We are glad,” says Anne Hansen."));
        assertEquals(List.of("It is a good day for the city,", "The plan is far too expensive,",
                "We have waited for this for ten years"), words(TRANSLATION));
    }

    @Test
    void aFaithfulAnswerPassesUntouched() {
        List<String> bullets = List.of("Mayor Anne Hansen welcomes the agreement on the new harbour.",
                "Councillor Peter Jensen calls the plan \"far too expensive\".",
                "Work starts in the spring.");
        QuoteCheck.Outcome outcome = check(SOURCE, "", TRANSLATION, TITLE, bullets);

        assertTrue(outcome.violation().isEmpty(), () -> outcome.violation().get().instruction());
        assertEquals(TRANSLATION, outcome.translation());
        assertEquals(bullets, outcome.bullets());
        assertTrue(repairs.isEmpty(), repairs.toString());
    }

    @Test
    void danishMarksLeftInTheTranslationBecomeEnglishOnes() {
        String kept = TRANSLATION.replace("\"It is a good day for the city,\"", "„It is a good day for the city,“")
                .replace("\"The plan is far too expensive,\"", "»The plan is far too expensive,«");
        QuoteCheck.Outcome outcome = check(SOURCE, "", kept, TITLE, List.of("The plan is »far too"
                + " expensive«, says Jensen."));

        assertTrue(outcome.violation().isEmpty(), () -> outcome.violation().get().instruction());
        assertTrue(outcome.translation().contains("“It is a good day for the city,” she says."),
                outcome.translation());
        assertTrue(outcome.translation().contains("“The plan is far too expensive,” says councillor"),
                outcome.translation());
        assertEquals(List.of("The plan is “far too expensive”, says Jensen."), outcome.bullets());
        assertEquals(Set.of(Repair.QUOTE_MARKS), repairs);
    }

    @Test
    void danishMarksFollowTheTranslationsOwnStyle() {
        String mixed = TRANSLATION.replace("\"The plan is far too expensive,\"", "»The plan is far too expensive,«");
        QuoteCheck.Outcome outcome = check(SOURCE, "", mixed, TITLE, List.of());

        assertEquals(TRANSLATION, outcome.translation());
    }

    @Test
    void aQuotationTurnedIntoProseIsAskedForAgain() {
        String indirect = TRANSLATION.replace("\"The plan is far too expensive,\" says councillor Peter Jensen.",
                "Councillor Peter Jensen says that the plan is far too expensive.");
        QuoteCheck.Outcome outcome = check(SOURCE, "", indirect, TITLE, List.of());

        assertEquals(Violation.Cause.QUOTATION, outcome.violation().get().cause());
        assertEquals("Keep every direct quotation of the article as a quotation, in quotation marks: the article"
                + " has 3, the translation has 2.", outcome.violation().get().instruction());
    }

    @Test
    void aQuotationMissingFromItsParagraphIsFoundThoughTheTotalAgrees() {
        String moved = TRANSLATION.replace("\"The plan is far too expensive,\" says councillor Peter Jensen.",
                "Councillor Peter Jensen says that the plan is far too expensive.")
                .replace("the work will start", "the work on \"the new harbour in the north\" will start");
        QuoteCheck.Outcome outcome = check(SOURCE, "", moved, TITLE, List.of());

        assertEquals("Keep every direct quotation of the article as a quotation, in quotation marks, in its"
                + " paragraph: paragraph 2 of the article has 1, its translation 0.",
                outcome.violation().get().instruction());
    }

    @Test
    void aQuotationGivenToAnotherSpeakerIsAskedForAgain() {
        String swapped = TRANSLATION.replace("says councillor Peter Jensen", "says Mayor Anne Hansen");
        QuoteCheck.Outcome outcome = check(SOURCE, "", swapped, TITLE, List.of());

        assertEquals(Violation.Cause.QUOTATION, outcome.violation().get().cause());
        assertEquals("Keep every quotation with the person who said it: in paragraph 2 the article quotes Peter"
                + " Jensen, the translation gives the words to Mayor Anne Hansen.",
                outcome.violation().get().instruction());
    }

    @Test
    void quotesAShortAttributionApartAreOneQuotation() {
        String source = "Formanden er tilfreds. „Ja,“ siger Lise Berg, „vi er klar til at gå i gang.“";
        String joined = "The chairwoman is satisfied. \"Yes, we are ready to get started,\" says Lise Berg.";

        assertTrue(check(source, "", joined, "", List.of()).violation().isEmpty());
        assertEquals(1, QuoteCheck.quotations(source).size());
    }

    @Test
    void anInventedQuoteInABulletIsAskedForAgain() {
        QuoteCheck.Outcome outcome = check(SOURCE, "", TRANSLATION, TITLE, List.of(
                "Anne Hansen calls the deal \"a victory for every citizen\".", "Work starts in the spring."));

        assertEquals(Violation.Cause.INVENTED_QUOTE, outcome.violation().get().cause());
        assertEquals("The summary put quotation marks around words nobody in the article said: \"a victory for"
                + " every citizen\". Quote only words the translation quotes, word for word, or leave out the"
                + " quotation marks.", outcome.violation().get().instruction());
    }

    @Test
    void aParaphraseInQuotesLosesItsQuotationMarks() {
        QuoteCheck.Outcome outcome = check(SOURCE, "", TRANSLATION, "Mayor “welcomes the agreement”",
                List.of("Anne Hansen \"welcomes the agreement on the new harbour\".",
                        "Peter Jensen: the plan is “far too … expensive”."));

        assertTrue(outcome.violation().isEmpty(), () -> outcome.violation().get().instruction());
        assertEquals("Mayor welcomes the agreement", outcome.title());
        assertEquals(List.of("Anne Hansen welcomes the agreement on the new harbour.",
                "Peter Jensen: the plan is “far too … expensive”."), outcome.bullets());
        assertEquals(Set.of(Repair.QUOTE_MARKS_DROPPED), repairs);
    }

    @Test
    void aBulletGivingAQuoteToAnotherSpeakerIsAskedForAgain() {
        QuoteCheck.Outcome outcome = check(SOURCE, "", TRANSLATION, TITLE, List.of(
                "Lise Berg calls the plan \"far too expensive\"."));

        assertEquals(Violation.Cause.INVENTED_QUOTE, outcome.violation().get().cause());
        assertEquals("The summary gives quoted words to someone who did not say them: \"far too expensive\" was"
                + " not said by Lise Berg.", outcome.violation().get().instruction());
    }

    @Test
    void apostrophesAreNeverQuotationMarks() {
        String english = "It's the Hansens' farm, and don't forget Jensen’s barn or the Bergs’ old mill.";
        assertTrue(QuoteCheck.quotes(english, true).isEmpty());

        String british = "‘We sold the Hansens’ old barn,’ says Peter Jensen. It’s the farmers’ choice.";
        assertEquals(List.of("We sold the Hansens’ old barn,"), words(british));

        QuoteCheck.Outcome outcome = check("Gårdene skifter ejer. De fleste er solgt.", "", english,
                "Farmers' choice", List.of("It's the Hansens' farm.", "Don’t forget the Bergs’ old mill."));
        assertTrue(outcome.violation().isEmpty());
        assertTrue(repairs.isEmpty());
    }

    @Test
    void aHeadlineTranslatingAQuotedDanishHeadlineMayQuoteIt() {
        QuoteCheck.Outcome outcome = check(SOURCE, "Borgmester: »Vi har fået en ny havn«", TRANSLATION,
                "Mayor: “We have got a new harbour”", List.of("The mayor says “we have got a new harbour”."));

        assertTrue(outcome.violation().isEmpty(), () -> outcome.violation().get().instruction());
        assertEquals("Mayor: “We have got a new harbour”", outcome.title());
    }

    @Test
    void theMarkupsPlaceholdersAreNotWords() {
        String marked = TRANSLATION.replace("\"The plan is far too expensive,\"",
                "\"The plan is <g1>far too</g1> expensive,\"");
        QuoteCheck.Outcome outcome = check(SOURCE, "", marked, TITLE,
                List.of("Peter Jensen finds the plan \"far too expensive\"."));

        assertTrue(outcome.violation().isEmpty(), () -> outcome.violation().get().instruction());
    }
}
