package dk.articlesummarizer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A local URL where nothing listens: a provider that is down. */
public final class ClosedPort {

    public static final String BASE_URL = "http://127.0.0.1:" + freePort() + "/v1";

    private ClosedPort() {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
