package dk.articlesummarizer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

class KnownLengthBodyReaderTest {

    private static final byte[] BODY = "{\"text\":\"Byrådet vedtog planen med 17 stemmer mod 8.\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final KnownLengthBodyReader reader = new KnownLengthBodyReader(new MemorySize(BigInteger.valueOf(1024)));

    @Test
    void readsExactlyTheDeclaredLength() throws IOException {
        assertArrayEquals(BODY, read(String.valueOf(BODY.length), BODY));
    }

    @Test
    void readsToTheEndWithoutAUsableLength() throws IOException {
        assertArrayEquals(BODY, read(null, BODY));
        assertArrayEquals(BODY, read("not a number", BODY));
        // Over the limit the declared length is not trusted for an allocation; the body is read as it comes.
        assertArrayEquals(BODY, read("4096", BODY));
    }

    @Test
    void takesABodyTheFilterReadAsItIs() throws IOException {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Length", String.valueOf(BODY.length));
        assertSame(BODY, reader.readFrom(byte[].class, byte[].class, null, MediaType.APPLICATION_JSON_TYPE, headers,
                new PrefetchedBody(BODY)));
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAnError() {
        assertThrows(EOFException.class, () -> read(String.valueOf(BODY.length + 10), BODY));
    }

    private byte[] read(String contentLength, byte[] body) throws IOException {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (contentLength != null) {
            headers.putSingle("Content-Length", contentLength);
        }
        return reader.readFrom(byte[].class, byte[].class, null, MediaType.APPLICATION_JSON_TYPE, headers,
                chunked(body));
    }

    /** A stream that, like Quarkus's, hands out at most 16 bytes a read and has no bulk reads of its own. */
    private static InputStream chunked(byte[] body) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new InputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, Math.min(length, 16));
            }
        };
    }
}
