package dk.articlesummarizer.llm;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible provider on a raw socket that never finishes an answer, and notes when the client closes its
 * connection (a read that ends or fails): what an aborted call looks like from the provider's side. One chat
 * completion; {@code streamedPieces} pieces of a streamed answer are sent before it stalls (none for a blocking
 * call). Anything else (the service's look at {@code /models}) gets a 404.
 */
final class StallingProvider implements AutoCloseable {

    private final ServerSocket server;
    private final int streamedPieces;
    private final Duration stall;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong closedAt = new AtomicLong();
    private final Thread acceptor;

    /** @param stall how long the provider takes before it would end the answer, if the client still waited */
    StallingProvider(int streamedPieces, Duration stall) throws IOException {
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.streamedPieces = streamedPieces;
        this.stall = stall;
        this.acceptor = new Thread(this::accept, "stalling-provider");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    /** Waits until the request has come in (and the pieces to send are sent). */
    void awaitRequest() throws InterruptedException {
        if (!requested.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the provider got no request");
        }
    }

    /** When the client's connection was seen closed ({@link System#nanoTime()}), or -1 if not within the wait. */
    long awaitClose(Duration wait) throws InterruptedException {
        return closed.await(wait.toMillis(), TimeUnit.MILLISECONDS) ? closedAt.get() : -1;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread serving = new Thread(() -> serve(socket), "stalling-provider-call");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (Socket socket = connection) {
            InputStream in = socket.getInputStream();
            String requestLine = readRequest(in);
            OutputStream out = socket.getOutputStream();
            if (!requestLine.startsWith("POST ") || !requestLine.contains("/chat/completions")) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(US_ASCII));
                return;
            }
            if (streamedPieces > 0) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(US_ASCII));
                for (int piece = 0; piece < streamedPieces; piece++) {
                    chunk(out, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":"
                            + "\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"piece " + piece + " \"},"
                            + "\"finish_reason\":null}]}\n\n");
                }
                out.flush();
            }
            requested.countDown();
            socket.setSoTimeout((int) stall.toMillis());
            try {
                while (in.read() != -1) {
                    // the client sends nothing more; a read ends when it closes the connection
                }
                noteClosed();
            } catch (java.net.SocketTimeoutException stillOpen) {
                // the client waited the whole stall: never closed
            } catch (IOException reset) {
                noteClosed();
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void noteClosed() {
        closedAt.set(System.nanoTime());
        closed.countDown();
    }

    /** Reads one request and returns its first line. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("request ended early");
            }
            head.write(b);
        }
        int length = 0;
        for (String line : head.toString(US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        in.readNBytes(length);
        return head.toString(US_ASCII).lines().findFirst().orElse("");
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(US_ASCII));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
