package dk.articlesummarizer.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SharedValueTest {

    private static final String NAME = "article-summarizer:v1:answer:ab12";
    private static final byte[] ANSWER = "{\"title\":\"Harbour bath opens\",\"summary\":[\"450 guests\"]}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedValueOpensAsItsPayload() {
        assertArrayEquals(ANSWER, SharedValue.open(NAME, SharedValue.seal(NAME, ANSWER)).orElseThrow());
    }

    @Test
    void aValueCutShortIsAMiss() {
        byte[] sealed = SharedValue.seal(NAME, ANSWER);
        assertTrue(SharedValue.open(NAME, Arrays.copyOf(sealed, sealed.length - 5)).isEmpty());
    }

    @Test
    void anAlteredPayloadIsAMiss() {
        byte[] sealed = SharedValue.seal(NAME, ANSWER);
        sealed[sealed.length - 3] = 'X';
        assertTrue(SharedValue.open(NAME, sealed).isEmpty());
    }

    @Test
    void aValueWrittenForAnotherKeyIsAMiss() {
        assertTrue(SharedValue.open(NAME, SharedValue.seal("article-summarizer:v1:answer:cd34", ANSWER)).isEmpty());
    }

    @Test
    void aValueInAnotherFormatIsAMiss() {
        assertTrue(SharedValue.open(NAME, ANSWER).isEmpty());
        assertTrue(SharedValue.open(NAME, new byte[0]).isEmpty());
    }
}
