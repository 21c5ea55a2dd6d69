package dk.articlesummarizer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamedTranslationTest {

    private static String streamed(String answer, int chunkSize) {
        StreamedTranslation stream = new StreamedTranslation();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < answer.length(); i += chunkSize) {
            shown.append(stream.add(answer.substring(i, Math.min(answer.length(), i + chunkSize))));
        }
        return shown.toString();
    }

    @Test
    void theTranslationComesOutDecodedWhateverTheChunksCut() {
        String answer = "{\"title\": \"Harbour bath\", \"translation\": \"Aalborg opens a bath.\\n\\n\\\"We waited,\\\""
                + " says S\\u00f8gaard.\", \"summary\": [\"One.\", \"Two.\", \"Three.\"]}";
        for (int size = 1; size <= 9; size++) {
            assertEquals("Aalborg opens a bath.\n\n\"We waited,\" says Søgaard.", streamed(answer, size),
                    "chunks of " + size);
        }
    }

    @Test
    void proseAndFencesAroundTheObjectAndACapitalizedFieldAreFine() {
        String answer = "Here is the JSON:\n```json\n{\"Translation\": \"Line one.\\nLine two.\"}\n```";
        assertEquals("Line one.\nLine two.", streamed(answer, 4));
    }

    @Test
    void nothingIsShownWithoutATranslationField() {
        assertEquals("", streamed("{\"title\": \"x\", \"summary\": [\"a\"]}", 3));
    }
}
