package dk.articlesummarizer.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.checks.AnswerJson.Field;

/**
 * A field written in another JSON shape than asked is read for what it means, the same way for every field; where
 * the shape leaves the meaning in doubt the field counts as missing, so it is asked for again.
 */
class AnswerJsonShapesTest {

    private static AnswerJson json(String answer) {
        return AnswerJson.parse(answer).orElseThrow();
    }

    private static void assertMissing(AnswerJson json, String field) {
        Optional<Violation> missing = json.missingFields();
        assertTrue(missing.isPresent(), "missing: " + field);
        assertEquals(Violation.Cause.MISSING_FIELD, missing.get().cause());
        assertTrue(missing.get().instruction().contains(field), missing.get().instruction());
    }

    @Test
    void aTidyAnswerNeedsNoRepair() {
        AnswerJson json = json("{\"title\": \"Harbour bath opens\", \"translation\": \"One.\\n\\nTwo.\","
                + " \"summary\": [\"A.\", \"B.\", \"C.\"]}");

        assertEquals("Harbour bath opens", json.text(Field.TITLE, false));
        assertEquals("One.\n\nTwo.", json.text(Field.TRANSLATION, true));
        assertEquals(List.of("A.", "B.", "C."), json.strings(Field.SUMMARY));
        assertEquals(Optional.empty(), json.missingFields());
        assertEquals(Set.of(), json.repairs());
    }

    @Test
    void aTextGivenAsAListIsItsParagraphs() {
        AnswerJson json = json("{\"translation\": [\"First paragraph.\", \" Second paragraph. \"]}");

        assertEquals("First paragraph.\n\nSecond paragraph.", json.text(Field.TRANSLATION, true));
        assertEquals(Optional.empty(), json.missingFields());
        assertEquals(Set.of(Repair.FIELD_SHAPE), json.repairs());
    }

    @Test
    void aTextGivenAsNumberedPartsIsThemInNumericOrder() {
        AnswerJson json = json("{\"translation\": {\"2\": \"Second.\", \"1\": \"First.\", \"10\": \"Tenth.\"},"
                + " \"title\": {\"1\": \"Harbour bath\"}}");

        assertEquals("First.\n\nSecond.\n\nTenth.", json.text(Field.TRANSLATION, true));
        assertEquals("Harbour bath", json.text(Field.TITLE, false));
        assertEquals(Set.of(Repair.FIELD_SHAPE), json.repairs());
    }

    @Test
    void namedNumberedPartsAreReadInNumericOrder() {
        AnswerJson json = json("{\"translation\": {\"paragraph1\": \"First.\", \"paragraph10\": \"Tenth.\","
                + " \"paragraph2\": \"Second.\"}, \"summary\": {\"Bullet 1\": \"A.\", \"Bullet 2\": \"B.\","
                + " \"Bullet 3\": \"C.\"}}");

        assertEquals("First.\n\nSecond.\n\nTenth.", json.text(Field.TRANSLATION, true));
        assertEquals(List.of("A.", "B.", "C."), json.strings(Field.SUMMARY));
        assertEquals(Optional.empty(), json.missingFields());
    }

    @Test
    void aListGivenAsNumberedPartsIsThemInOrder() {
        AnswerJson json = json("{\"translation\": \"Text.\", \"paragraphs\": {\"1\": \"First.\", \"2\": \"Second.\"},"
                + " \"facts\": {\"fact_2\": \"B.\", \"fact_1\": \"A.\"}}");

        assertEquals(List.of("First.", "Second."), json.strings(Field.PARAGRAPHS));
        assertEquals(List.of("A.", "B."), json.strings(Field.FACTS, false));
        assertEquals(Set.of(Repair.FIELD_SHAPE), json.repairs());
    }

    @Test
    void aListGivenAsOneStringIsItsLines() {
        AnswerJson json = json("{\"summary\": \"- A.\\n- B.\\n\\n- C.\"}");

        assertEquals(List.of("- A.", "- B.", "- C."), json.strings(Field.SUMMARY));
        assertEquals(Set.of(Repair.SUMMARY_AS_TEXT), json.repairs());
    }

    @Test
    void listItemsAsObjectsWithOneTextAreThatText() {
        AnswerJson json = json("{\"summary\": [{\"bullet\": \"A.\"}, {\"sentence\": \"B.\"}, {\"id\": 3,"
                + " \"content\": \"C.\"}], \"facts\": [{\"point\": \"D.\"}]}");

        assertEquals(List.of("A.", "B.", "C."), json.strings(Field.SUMMARY));
        assertEquals(List.of("D."), json.strings(Field.FACTS, false));
        assertEquals(Set.of(Repair.FIELD_SHAPE), json.repairs());
    }

    @Test
    void aTextGivenAsItemObjectsIsTheirParagraphs() {
        AnswerJson json = json("{\"translation\": [{\"paragraph\": 1, \"text\": \"First.\"}, {\"paragraph\": 2,"
                + " \"text\": \"Second.\"}]}");

        assertEquals("First.\n\nSecond.", json.text(Field.TRANSLATION, true));
        assertEquals(Optional.empty(), json.missingFields());
    }

    @Test
    void aFieldNestedOneLevelIsWhatItHolds() {
        AnswerJson json = json("{\"title\": \"Harbour bath\", \"summary\": {\"bullets\": [\"A.\", \"B.\", \"C.\"]},"
                + " \"translation\": {\"text\": \"One.\\n\\nTwo.\"},"
                + " \"paragraphs\": {\"items\": {\"1\": \"First.\"}}}");

        assertEquals(List.of("A.", "B.", "C."), json.strings(Field.SUMMARY));
        assertEquals("One.\n\nTwo.", json.text(Field.TRANSLATION, true));
        assertEquals(List.of("First."), json.strings(Field.PARAGRAPHS));
        assertEquals(Set.of(Repair.FIELD_NAME, Repair.FIELD_SHAPE), json.repairs());
    }

    @Test
    void aFieldNestedOneLevelAsOneStringOfLinesIsItsLines() {
        AnswerJson json = json("{\"title\": \"Harbour bath\", \"summary\": {\"text\": \"- A.\\n- B.\\n- C.\"}}");

        assertEquals(List.of("- A.", "- B.", "- C."), json.strings(Field.SUMMARY));
    }

    @Test
    void aFieldAloneInTheAnswerIsNotTakenForAWrapper() {
        AnswerJson json = json("{\"translation\": {\"1\": \"First.\", \"2\": \"Second.\"}}");

        assertEquals("First.\n\nSecond.", json.text(Field.TRANSLATION, true));
        assertEquals(Optional.empty(), json.missingFields());
    }

    @Test
    void numbersAreTheirText() {
        AnswerJson json = json("{\"title\": 2024, \"summary\": [\"A.\", 450, {\"point\": \"C.\"}],"
                + " \"facts\": {\"1\": 18.5}}");

        assertEquals("2024", json.text(Field.TITLE, false));
        assertEquals(List.of("A.", "450", "C."), json.strings(Field.SUMMARY));
        assertEquals(List.of("18.5"), json.strings(Field.FACTS, false));
        assertTrue(json.repairs().contains(Repair.FIELD_SHAPE));
    }

    @Test
    void nullItemsSayNothingAndAreLeftOut() {
        AnswerJson json = json("{\"summary\": [\"A.\", null, \"\", \"B.\", \"C.\"]}");

        assertEquals(List.of("A.", "B.", "C."), json.strings(Field.SUMMARY));
    }

    @Test
    void severalUnrelatedStringsForATextAreMissing() {
        AnswerJson json = json("{\"translation\": {\"intro\": \"One.\", \"body\": \"Two.\"}, \"summary\": [\"A.\"]}");

        assertEquals("", json.text(Field.TRANSLATION, true));
        assertMissing(json, "translation");
    }

    @Test
    void anItemWithSeveralStringsIsMissingNotGuessed() {
        AnswerJson json = json("{\"summary\": [{\"heading\": \"Capacity\", \"text\": \"450 guests.\"}, \"B.\","
                + " \"C.\"]}");

        assertEquals(List.of(), json.strings(Field.SUMMARY));
        assertMissing(json, "summary");
    }

    @Test
    void aNestedObjectHoldingSeveralThingsIsMissing() {
        AnswerJson json = json("{\"translation\": \"Text.\", \"summary\": {\"title\": \"T\", \"bullets\": [\"A.\"]}}");

        assertEquals(List.of(), json.strings(Field.SUMMARY));
        assertMissing(json, "summary");
    }

    @Test
    void nestingDeeperThanOneLevelIsMissing() {
        AnswerJson json = json("{\"translation\": \"Text.\", \"summary\": {\"result\": {\"bullets\": [\"A.\"]}},"
                + " \"title\": {\"result\": {\"text\": \"T\"}}}");

        assertEquals(List.of(), json.strings(Field.SUMMARY));
        assertEquals("", json.text(Field.TITLE, true));
        assertMissing(json, "summary");
        assertMissing(json, "title");
    }

    @Test
    void nullsAndEmptiesAreMissing() {
        AnswerJson json = json("{\"translation\": null, \"summary\": [], \"paragraphs\": \"\", \"facts\": [null],"
                + " \"title\": {}}");

        assertEquals("", json.text(Field.TRANSLATION, true));
        assertEquals(List.of(), json.strings(Field.SUMMARY));
        assertEquals(List.of(), json.strings(Field.PARAGRAPHS));
        assertEquals(List.of(), json.strings(Field.FACTS, true));
        assertEquals("", json.text(Field.TITLE, true));
        assertEquals("Your JSON lacked or left empty: translation, summary, paragraphs, facts, title. Answer again"
                + " with every requested field filled in.", json.missingFields().orElseThrow().instruction());
    }

    @Test
    void aRefusedOptionalFieldNotesNoRepair() {
        AnswerJson json = json("{\"translation\": \"Text.\", \"title\": [\"A\", {\"x\": \"B\", \"y\": \"C\"}]}");

        assertEquals("", json.text(Field.TITLE, false));
        assertEquals(Optional.empty(), json.missingFields());
        assertEquals(Set.of(), json.repairs());
    }
}
