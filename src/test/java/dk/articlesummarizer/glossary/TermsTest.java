package dk.articlesummarizer.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Danish word forms, the glossary file's lines, and the prompt block read back. */
class TermsTest {

    @Test
    void aTermIsFoundInItsDanishFormsButNotInsideOtherWords() {
        Term academy = Term.of("Forsvarsakademiet", "the Royal Danish Defence College");
        assertTrue(academy.occursIn("Forsvarsakademiet åbner"));
        assertTrue(academy.occursIn("ifølge Forsvarsakademiets rektor"));
        assertTrue(academy.occursIn("FORSVARSAKADEMIET"));
        assertFalse(academy.occursIn("Forsvarsakademietbygningen"));
        Term mill = Term.of("vindmølle", "wind turbine");
        for (String form : List.of("en vindmølle", "vindmøllen", "vindmøller", "vindmøllerne", "vindmøllernes")) {
            assertTrue(mill.occursIn(form), form);
        }
        assertTrue(Term.of("Folketinget", "").keepsAsWritten());
    }

    @Test
    void theFileMayQuoteATermWithACommaAndRefusesABadLineNamingIt() {
        Glossary read = GlossaryFile.read(GlossaryTest.file("danish,english\n\"Nato, Bruxelles\",NATO Brussels\n"));
        assertEquals("Nato, Bruxelles", read.terms().get(0).danish());

        ConfigurationException noComma = assertThrows(ConfigurationException.class,
                () -> GlossaryFile.read(GlossaryTest.file("Folketinget,\nStatsministeriet the PM's Office\n")));
        assertTrue(noComma.getMessage().contains(".csv:2: "), noComma.getMessage());
        ConfigurationException twice = assertThrows(ConfigurationException.class,
                () -> GlossaryFile.read(GlossaryTest.file("Folketinget,\nfolketinget,the Parliament\n")));
        assertTrue(twice.getMessage().contains(".csv:2: ") && twice.getMessage().contains("line 1"),
                twice.getMessage());
    }
}
