package dk.articlesummarizer.cache;

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

    private static final String MAGIC = "AS1 ";

    private SharedValue() {
    }

    static byte[] seal(String name, byte[] payload) {
        byte[] header = (MAGIC + name + " " + HexFormat.of().formatHex(Sha256.of(payload)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, sealed, header.length, payload.length);
        return sealed;
    }

    static Optional<byte[]> open(String name, byte[] stored) {
        int newline = indexOf(stored, (byte) '\n');
        if (newline < 0) {
            return Optional.empty();
        }
        String header = new String(stored, 0, newline, StandardCharsets.UTF_8);
        String expectedStart = MAGIC + name + " ";
        if (!header.startsWith(expectedStart)) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOfRange(stored, newline + 1, stored.length);
        String digest = header.substring(expectedStart.length());
        return digest.equals(HexFormat.of().formatHex(Sha256.of(payload))) ? Optional.of(payload) : Optional.empty();
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
