package dk.articlesummarizer.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A client over a raw socket, for the paths nobody takes on purpose: it sends {@code POST /summarize} and can leave
 * (close its connection) whenever the test says, while its call waits for a turn, or after the first event.
 */
public final class LeavingClient implements AutoCloseable {

    private final Socket socket;

    private LeavingClient(Socket socket) {
        this.socket = socket;
    }

    /** Posts the article as JSON with these extra headers ({@code Accept: text/event-stream} for a stream). */
    public static LeavingClient post(int port, String article, Map<String, String> headers) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        byte[] body = OpenAiStubs.write(Map.of("text", article)).getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST /summarize HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return new LeavingClient(socket);
    }

    /** Posts the article asking for a stream. */
    public static LeavingClient stream(int port, String article, Map<String, String> headers) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept", "text/event-stream");
        return post(port, article, all);
    }

    /** Reads until an event of this name arrives; false when the connection ended first. */
    public boolean awaitEvent(String name) throws IOException {
        BufferedReader events = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        do {
            line = events.readLine();
        } while (line != null && !line.replace(" ", "").startsWith("event:" + name));
        return line != null;
    }

    /** Leaves: the connection closes. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
