package dk.articlesummarizer.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequestBodyIndexTest {

    private static final String JSON = "application/json";

    @Test
    void aBodyWithTheSameChecksumIsNotTakenForAnother() {
        RequestBodyIndex index = new RequestBodyIndex(1 << 20, Duration.ofHours(1), body -> 42);
        byte[] first = bytes("{\"text\":\"Borgmester Hansen åbnede havnebadet.\"}");
        byte[] second = bytes("{\"text\":\"Vindmøllen i Thy blev stoppet i går.\"}");
        CacheKey firstAnswer = new CacheKey("a".repeat(64));

        index.remember(JSON, first, firstAnswer);

        assertEquals(Optional.of(firstAnswer), index.answerKeyFor(JSON, first.clone()));
        assertEquals(Optional.empty(), index.answerKeyFor(JSON, second));
    }

    @Test
    void theSameBytesUnderAnotherMediaTypeAreAnotherBody() {
        RequestBodyIndex index = new RequestBodyIndex(1 << 20, Duration.ofHours(1), body -> 7);
        byte[] body = bytes("Borgmester Hansen åbnede havnebadet.");

        index.remember("text/plain;charset=utf-8", body, new CacheKey("b".repeat(64)));

        assertEquals(Optional.empty(), index.answerKeyFor("text/plain;charset=iso-8859-1", body));
    }

    @Test
    void keepsNoMoreBodyBytesThanItsBound() {
        long bound = 64 * 1024;
        RequestBodyIndex index = new RequestBodyIndex(bound, Duration.ofHours(1), java.util.Arrays::hashCode);
        for (int i = 0; i < 1_000; i++) {
            index.remember(JSON, bytes("{\"text\":\"Artikel nummer " + i + ". " + "Tekst. ".repeat(100) + "\"}"),
                    new CacheKey(String.format("%064d", i)));
        }
        assertTrue(index.weightedSize() <= bound, () -> index.weightedSize() + " bytes kept");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
