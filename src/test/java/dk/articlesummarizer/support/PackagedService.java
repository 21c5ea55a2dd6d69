package dk.articlesummarizer.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged jar ({@code java -jar target/quarkus-app/quarkus-run.jar}) in a process of its own, on a given port
 * with its management interface on port + 10, pointed at a fake provider; started and ready when constructed.
 */
public final class PackagedService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    /** @param settings further environment variables, e.g. {@code SUMMARIZER_SHUTDOWN_DELAY} */
    public PackagedService(int port, String providerBaseUrl, Path log, Map<String, String> settings)
            throws IOException {
        this.port = port;
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(Map.of("LLM_BASE_URL", providerBaseUrl + "/v1",
                "LLM_MODEL", "it-model", "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(port + 10)));
        environment.putAll(settings);
        builder.environment().putAll(environment);
        process = builder.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
    }

    public Process process() {
        return process;
    }

    /** The public port's base URL. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The status of {@code GET /q/health/ready} on the management port, or -1 when nothing answers. */
    public int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 10) + "/q/health/ready"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
