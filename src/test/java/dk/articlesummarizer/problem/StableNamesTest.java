package dk.articlesummarizer.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.articlesummarizer.checks.Violation;

/** Problem types and metric tags are the same names whatever the JVM's default locale (Turkish lowercases I to ı). */
class StableNamesTest {

    private Locale before;

    @BeforeEach
    void turkish() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void aProblemTypeKeepsItsName() {
        assertEquals("invalid-request", ProblemType.INVALID_REQUEST.slug());
    }

    @Test
    void aViolationKeepsItsTag() {
        assertEquals("invented-quote", Violation.Cause.INVENTED_QUOTE.tag());
    }
}
