package dk.articlesummarizer.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A caller of {@code POST /summarize} on a raw socket, so that the probe decides when it leaves: it closes its
 * connection, as a browser tab or a client timeout does. The JDK's HttpClient keeps connections in a pool and
 * does not say when one is closed.
 */
final class LeavingCaller implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile long leftAt;

    private LeavingCaller(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Sends {@code json} to {@code path} on the service at {@code port} with these headers; reads nothing yet. */
    static LeavingCaller post(int port, String path, String json, Map<String, String> headers) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        return new LeavingCaller(socket);
    }

    /**
     * Reads until the first server-sent event has arrived whole, for at most {@code max}; false when the answer
     * was no event (an error status) or nothing came in time.
     */
    boolean awaitFirstEvent(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                String seen = received.toString(StandardCharsets.UTF_8);
                int headEnd = seen.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    if (!seen.startsWith("HTTP/1.1 200")) {
                        return false;
                    }
                    if (seen.indexOf("\n\n", headEnd + 4) >= 0) {
                        return true;
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) left);
                int read = in.read(buffer);
                if (read < 0) {
                    return false;
                }
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException late) {
            return false;
        } catch (IOException closed) {
            return false;
        }
    }

    /** The status line of the answer, or "" when none has been read. */
    String statusLine() {
        String seen = received.toString(StandardCharsets.UTF_8);
        int end = seen.indexOf("\r\n");
        return end < 0 ? "" : seen.substring(0, end);
    }

    /** Closes the connection now. */
    void leave() {
        leftAt = System.nanoTime();
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // left either way
        }
    }

    /** When ({@link System#nanoTime}) it left; 0 while it waits. */
    long leftAt() {
        return leftAt;
    }

    @Override
    public void close() {
        if (leftAt == 0) {
            leave();
        }
    }
}
