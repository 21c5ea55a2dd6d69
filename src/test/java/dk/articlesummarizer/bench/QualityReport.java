package dk.articlesummarizer.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import dk.articlesummarizer.llm.guardrail.SourceCoverage;
import dk.articlesummarizer.support.LongArticles;

/**
 * Sends the golden set (bench/golden, our own Danish articles, plus one very long generated one) through the
 * packaged service to the LLM at {@code LLM_BASE_URL}, one article at a time, and prints a row per article: what
 * it cost and how faithful the answer is. Without {@code LLM_BASE_URL} it uses {@link GoldenProvider}, so CI can
 * run it. See docs/benchmarks.md.
 */
public final class QualityReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? ([0-9.eE+-]+)( #.*)?$");
    private static final LanguageDetector LANGUAGES = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH,
            Language.DANISH, Language.BOKMAL, Language.SWEDISH, Language.GERMAN).build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String service;
    /** Health and metrics: the management interface. */
    private final String management;

    private QualityReport(String service, String management) {
        this.management = management;
        this.service = service;
    }

    public static void main(String[] args) throws Exception {
        Path golden = Path.of(args.length > 0 ? args[0] : "bench/golden");
        Map<String, String> articles = articles(golden);
        String baseUrl = System.getenv("LLM_BASE_URL");
        GoldenProvider fake = null;
        Map<String, String> environment = new HashMap<>();
        if (baseUrl == null || baseUrl.isBlank()) {
            fake = new GoldenProvider(referenceAnswers(golden, articles));
            environment.put("LLM_BASE_URL", fake.baseUrl());
            environment.put("LLM_MODEL", "golden-reference");
        }
        int port = freePort();
        int managementPort = freePort();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.putIfAbsent("SUMMARIZER_REQUEST_TIMEOUT", "30m");
        Process process = startService(environment);
        try {
            QualityReport report = new QualityReport("http://127.0.0.1:" + port, "http://127.0.0.1:" + managementPort);
            report.awaitLive(process);
            String model = environment.getOrDefault("LLM_MODEL", System.getenv().getOrDefault("LLM_MODEL", "default"));
            System.out.printf("Quality report: %d articles, model %s at %s%n", articles.size(), model,
                    environment.getOrDefault("LLM_BASE_URL", baseUrl));
            System.out.printf("%-22s %6s %5s %7s %7s %8s %7s %6s %7s %4s %s%n", "article", "chars", "status", "calls",
                    "prompt", "complet.", "seconds", "nums", "names", "bul", "lang  repairs / faults");
            for (Map.Entry<String, String> article : articles.entrySet()) {
                System.out.println(report.row(article.getKey(), article.getValue()));
            }
        } finally {
            process.destroy();
            process.waitFor();
            if (fake != null) {
                fake.close();
            }
        }
    }

    private String row(String name, String text) throws Exception {
        Map<String, Double> before = metrics();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/summarize"))
                .header("Content-Type", "application/json").header("Cache-Control", "no-store")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text))))
                .build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> after = metrics();
        JsonNode answer = JSON.readTree(response.body());
        double calls = delta(before, after, "gen_ai_client_operation_duration_seconds_count");
        StringBuilder events = new StringBuilder();
        for (Map.Entry<String, Double> sample : after.entrySet()) {
            double added = sample.getValue() - before.getOrDefault(sample.getKey(), 0.0);
            if (added > 0 && sample.getKey().startsWith("summarizer_guardrail_")) {
                String label = sample.getKey().replaceAll(".*\"(.*)\".*", "$1");
                events.append(sample.getKey().contains("repairs") ? "" : "!").append(label)
                        .append(added > 1 ? "x" + (int) added : "").append(' ');
            }
        }
        if (response.statusCode() != 200) {
            return String.format("%-22s %6d %5d %7.0f %7s %8s %7.1f %6s %7s %4s %s %s", name, text.length(),
                    response.statusCode(), calls, "-", "-", seconds, "-", "-", "-", answer.path("type").asText(),
                    events.toString().strip());
        }
        String translation = answer.path("translation").asText();
        return String.format("%-22s %6d %5d %7.0f %7d %8d %7.1f %5.0f%% %6.0f%% %4d %-5s %s", name, text.length(), 200,
                calls, answer.path("usage").path("inputTokens").asInt(), answer.path("usage").path("outputTokens")
                        .asInt(), seconds, 100 * SourceCoverage.numbers(text, translation),
                100 * SourceCoverage.names(text, translation), answer.path("summary").size(),
                LANGUAGES.detectLanguageOf(translation).getIsoCode639_1().toString().toLowerCase(),
                events.toString().strip());
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String metric) {
        double sum = 0;
        for (Map.Entry<String, Double> sample : after.entrySet()) {
            if (sample.getKey().startsWith(metric)) {
                sum += sample.getValue() - before.getOrDefault(sample.getKey(), 0.0);
            }
        }
        return sum;
    }

    /** Every sample of /q/metrics, keyed by name and labels. */
    private Map<String, Double> metrics() throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                        Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    private void awaitLive(Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the service is still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service did not start; see target/quality/service.log");
    }

    private static Process startService(Map<String, String> environment) throws IOException {
        Path log = Path.of("target/quality/service.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The golden articles by name, in order, and the very long one generated from our own sentences. */
    private static Map<String, String> articles(Path golden) throws IOException {
        Map<String, String> articles = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(golden)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".da.txt")).sorted().toList()) {
                articles.put(file.getFileName().toString().replace(".da.txt", ""),
                        Files.readString(file, StandardCharsets.UTF_8).strip());
            }
        }
        articles.put("10-meget-lang", LongArticles.generate(40_000, 2026));
        return articles;
    }

    private static Map<String, JsonNode> referenceAnswers(Path golden, Map<String, String> articles)
            throws IOException {
        Map<String, JsonNode> answers = new HashMap<>();
        for (Map.Entry<String, String> article : articles.entrySet()) {
            Path reference = golden.resolve(article.getKey() + ".en.json");
            if (Files.exists(reference)) {
                answers.put(article.getValue(), JSON.readTree(reference.toFile()));
            }
        }
        return answers;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
