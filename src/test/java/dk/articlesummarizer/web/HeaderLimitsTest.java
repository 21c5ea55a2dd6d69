package dk.articlesummarizer.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dk.articlesummarizer.support.FakeOpenAi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The header limits docs/api.md states are the ones enforced: 20 KiB of headers in all, however they are split into
 * lines (one line may use all of it), and a request line of 4 KiB.
 */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class HeaderLimitsTest {

    /** "headers over 20 KiB in all" (docs/api.md). */
    private static final int DOCUMENTED_HEADER_BYTES = 20 * 1024;
    /** "a request line or URI over 4 KiB" (docs/api.md). */
    private static final int DOCUMENTED_REQUEST_LINE_BYTES = 4 * 1024;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private String statusLine(String requestLine, String... headers) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static String header(String name, int valueBytes) {
        return name + ": " + "a".repeat(valueBytes);
    }

    @Test
    void oneHeaderLineWithinTheLimitIsAccepted() throws IOException {
        String status = statusLine("GET /usage HTTP/1.1", header("X-Large", DOCUMENTED_HEADER_BYTES - 1024));
        assertTrue(status.startsWith("HTTP/1.1 200"), status);
    }

    @Test
    void oneHeaderLineOverTheLimitIsRefused() throws IOException {
        String status = statusLine("GET /usage HTTP/1.1", header("X-Large", DOCUMENTED_HEADER_BYTES + 1));
        assertTrue(status.startsWith("HTTP/1.1 431"), status);
    }

    @Test
    void smallerLinesThatTogetherPassTheLimitAreRefused() throws IOException {
        int third = DOCUMENTED_HEADER_BYTES / 3 + 100;
        String status = statusLine("GET /usage HTTP/1.1", header("X-One", third), header("X-Two", third),
                header("X-Three", third));
        assertTrue(status.startsWith("HTTP/1.1 431"), status);
    }

    @Test
    void aRequestLineOverItsLimitIsRefused() throws IOException {
        String status = statusLine("GET /usage?q=" + "a".repeat(DOCUMENTED_REQUEST_LINE_BYTES) + " HTTP/1.1");
        // Vert.x answers in HTTP/1.0 when it could not read the request line.
        assertTrue(status.matches("HTTP/1\\.[01] 414 .*"), status);
    }
}
