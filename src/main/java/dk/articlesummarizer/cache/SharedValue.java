package dk.articlesummarizer.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import dk.articlesummarizer.common.Sha256;

/**
 * The envelope of a value in Redis: a header naming the key it was written for and the SHA-256 of the payload,
 * then the payload. A value that was cut short, altered, or written under another key or format opens as empty, so
 * it is a miss and never a wrong answer.
 */
final class SharedValue {

    private SharedValue() {
    }

    static byte[] seal(String name, byte[] payload) {
        byte[] header = ("AS1 " + name + " " + HexFormat.of().formatHex(Sha256.of(payload)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + payload.length).put(header).put(payload).array();
    }

    /** Seals the payload again and compares: every header for one name has the same length. */
    static Optional<byte[]> open(String name, byte[] stored) {
        int headerLength = seal(name, new byte[0]).length;
        if (stored.length < headerLength) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOfRange(stored, headerLength, stored.length);
        return Arrays.equals(seal(name, payload), stored) ? Optional.of(payload) : Optional.empty();
    }
}
