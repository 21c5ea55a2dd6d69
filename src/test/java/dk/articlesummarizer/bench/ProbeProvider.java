package dk.articlesummarizer.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.articlesummarizer.support.OpenAiStubs;

/**
 * The probe's fake OpenAI provider, on raw sockets so that it sees what a provider sees of a call the service gives
 * up: its connection closing before the answer. While it "thinks" (the delay, or the pauses between a stream's
 * events) it reads the call's connection, and records when the service closed it. Every call is recorded with the
 * journal-number marker of its article ({@code Articles.uniqueDanish}), when it started, and when it was answered
 * whole or its connection closed. Answers are {@link OpenAiStubs#sampleAnswer} with 321 prompt and 123 completion
 * tokens; articles whose marker is set to fail get 500 at once. The JDK's HttpServer and WireMock cannot tell a
 * closed connection from a slow one, hence the sockets.
 */
final class ProbeProvider implements AutoCloseable {

    static final int TOKENS_PER_CALL = 321 + 123;
    private static final Pattern MARKER = Pattern.compile("journalnummer ([^ .\\\\\"]+)\\.");
    private static final int STREAM_CHUNK_CHARS = 40;

    /** One chat completion as the provider saw it; times are {@link System#nanoTime}, 0 when it did not happen. */
    static final class Call {
        final String marker;
        final boolean stream;
        final long startedAt;
        volatile long answeredAt;
        volatile long closedAt;

        Call(String marker, boolean stream, long startedAt) {
            this.marker = marker;
            this.stream = stream;
            this.startedAt = startedAt;
        }

        /** When the call ended for the provider: answered whole, or its connection closed. */
        long endedAt() {
            return answeredAt != 0 ? answeredAt : closedAt;
        }

        boolean inFlightAt(long time) {
            return startedAt <= time && (endedAt() == 0 || endedAt() > time);
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "probe-provider");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private volatile Duration delay = Duration.ofMillis(200);

    ProbeProvider() throws IOException {
        server = new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** The base URL to give the service as {@code LLM_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    /** Forgets the calls seen so far; the most in flight starts again from what is in flight now. */
    void reset(Duration delay) {
        this.delay = delay;
        calls.clear();
        mostInFlight.set(inFlight.get());
    }

    /** Calls for an article with this marker are answered 500 at once. */
    void fail(String marker) {
        failing.add(marker);
    }

    int started() {
        return calls.size();
    }

    int inFlight() {
        return inFlight.get();
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    List<Call> callsFor(String marker) {
        return calls.stream().filter(call -> marker.equals(call.marker)).toList();
    }

    Optional<Long> startOf(String marker) {
        return callsFor(marker).stream().map(call -> call.startedAt).min(Long::compare);
    }

    /** Waits, at most {@code max}, until no call is in flight. */
    void awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** HTTP/1.1 with keep-alive, one request after another, until the service closes the connection. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                socket.setSoTimeout(0);
                Request request = Request.read(in, out);
                if (request == null) {
                    return;
                }
                if (request.path.endsWith("/models")) {
                    respond(out, 200, "{\"object\":\"list\",\"data\":[]}");
                } else if (!request.path.endsWith("/chat/completions")) {
                    respond(out, 404, "{\"error\":{\"message\":\"no such path\"}}");
                } else if (!complete(socket, in, out, request.body)) {
                    return;
                }
            }
        } catch (IOException closed) {
            // the service closed the connection between calls
        }
    }

    /** Answers one chat completion; false when the service closed the connection before the answer was whole. */
    private boolean complete(Socket socket, InputStream in, OutputStream out, String body) {
        Matcher found = MARKER.matcher(body);
        String marker = found.find() ? found.group(1) : "";
        Call call = new Call(marker, body.replace(" ", "").contains("\"stream\":true"), System.nanoTime());
        calls.add(call);
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            if (failing.contains(marker)) {
                respond(out, 500, "{\"error\":{\"message\":\"probe failure\",\"type\":\"server_error\"}}");
            } else if (call.stream) {
                if (!stream(socket, in, out)) {
                    call.closedAt = System.nanoTime();
                    return false;
                }
            } else {
                if (closedWithin(socket, in, delay.toMillis())) {
                    call.closedAt = System.nanoTime();
                    return false;
                }
                respond(out, 200, OpenAiStubs.completionJson(OpenAiStubs.sampleAnswer("the probe").asJson(), "stop",
                        321, 123));
            }
            call.answeredAt = System.nanoTime();
            return true;
        } catch (IOException closed) {
            call.closedAt = System.nanoTime();
            return false;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** A streamed answer, its events spread over the delay as a model writes; false when the service left. */
    private boolean stream(Socket socket, InputStream in, OutputStream out) throws IOException {
        String[] events = OpenAiStubs.streamedBody(OpenAiStubs.sampleAnswer("the probe").asJson(),
                STREAM_CHUNK_CHARS, 321, 123).split("(?<=\n\n)");
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long pause = delay.toMillis() / events.length;
        for (String event : events) {
            if (closedWithin(socket, in, pause)) {
                return false;
            }
            byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    /** Reads the connection for up to {@code millis}: true when the service closed it meanwhile. */
    private static boolean closedWithin(Socket socket, InputStream in, long millis) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                if (in.read() < 0) {
                    return true;
                }
                // A byte while the call is unanswered: the service does not pipeline, so this does not happen.
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    private static void respond(OutputStream out, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + (status == 200 ? " OK" : " Error") + "\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** The parts of an HTTP/1.1 request the provider needs. */
    private record Request(String path, String body) {

        /** The next request on the connection, or null when the service closed it. */
        static Request read(InputStream in, OutputStream out) throws IOException {
            String requestLine = line(in);
            if (requestLine == null) {
                return null;
            }
            long length = 0;
            boolean chunked = false;
            boolean expectsContinue = false;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("expect:") && lower.contains("100-continue")) {
                    expectsContinue = true;
                }
            }
            if (expectsContinue) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
            } else {
                body.write(in.readNBytes((int) length));
            }
            String[] parts = requestLine.split(" ");
            return new Request(parts.length > 1 ? parts[1] : "/", body.toString(StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int next = in.read();
            if (next < 0) {
                return null;
            }
            while (next >= 0 && next != '\n') {
                if (next != '\r') {
                    line.append((char) next);
                }
                next = in.read();
            }
            return line.toString();
        }
    }
}
