package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a faithful English translation does to Danish figures and names must pass the checks: each row is a claim a
 * translator would write for our own sample article, or a claim the article does not support.
 */
class TranslatorConventionsTest {

    private static final String ECONOMY = """
            Rederiet Nordhavn A/S kom ud af 2026 med et overskud på 42,5 mio. kr. Omsætningen steg med 3,8 procent \
            til 1,2 mia. kr., og selskabet har nu 1.850 ansatte fordelt på fem lande.

            Aktionærerne mødes til generalforsamling den 1. januar kl. 19.30 i Esbjerg. Et skib koster \
            halvanden milliard kroner, og billetter til færgen koster fra 349,95 kr.

            "Vi har haft to svære år, men nu går det fremad," siger direktør Jevgenij Prigosjin-Larsen. \
            Han overtog posten efter Volodymyr Zelenskyj Hansen, der gik på pension i tre måneder.
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The shipping company made a profit of DKK 42.5 million.",
            "The profit was DKK 42.5m.",
            "The profit was 42,500,000 kroner.",
            "Revenue rose by 3.8 per cent.",
            "Revenue rose 3.8% to DKK 1.2 billion.",
            "Revenue reached DKK 1.2bn.",
            "Revenue reached 1,200 million kroner.",
            "The company has 1,850 employees in 5 countries.",
            "Shareholders meet on 1 January at 7.30 pm in Esbjerg.",
            "Shareholders meet at 19:30.",
            "Shareholders meet at 7:30 pm.",
            "A ship costs 1.5 billion kroner.",
            "Ferry tickets cost from DKK 349.95.",
            "The director says the last 2 years were hard.",
            "His predecessor retired for 3 months." })
    void faithfulRenderingsOfTheArticlesNumbersPass(String claim) {
        assertTrue(AnswerReading.numbers(ECONOMY, List.of(claim)).isEmpty(), claim);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The company made a profit of DKK 45.2 million.|45.2 million",
            "Revenue rose by 4.8 per cent.|4.8",
            "The company has 1,580 employees.|1,580",
            "Shareholders meet at 8.30 pm.|8.30",
            "A ship costs 2.5 billion kroner.|2.5 billion" })
    void numbersTheArticleDoesNotStateAreRefusedByName(String claim, String invented) {
        Violation violation = AnswerReading.numbers(ECONOMY, List.of(claim)).orElseThrow();
        assertEquals(Violation.Cause.INVENTED_NUMBER, violation.cause());
        assertTrue(violation.instruction().contains(invented), violation.instruction());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The new director is Yevgeny Prigozhin-Larsen.",
            "He succeeded Volodymyr Zelensky Hansen.",
            "The Danish company Nordhavn meets in Esbjerg on Thursday.",
            "Shareholders of Nordhavn's ferries meet in January." })
    void namesTheArticleSpellsTheDanishWayPass(String bullet) {
        assertTrue(AnswerReading.names(ECONOMY, List.of(bullet)).isEmpty(), bullet);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The meeting is in Aarhus.|Aarhus",
            "Chairman Henrik Madsen opened the meeting.|Henrik, Madsen" })
    void namesTheArticleDoesNotMentionAreRefused(String bullet, String invented) {
        Violation violation = AnswerReading.names(ECONOMY, List.of(bullet)).orElseThrow();
        assertEquals(Violation.Cause.INVENTED_NAME, violation.cause());
        assertTrue(violation.instruction().contains(invented), violation.instruction());
    }
}
