package dk.articlesummarizer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CountingProvider;

/**
 * The admission probe (bench/probe.sh): the packaged service in its own process against a provider that counts
 * what it sees, driven down every path. Prints, in one table: provider calls started after their request's 504,
 * the most calls in flight against the limit for plain, batch, job and streamed requests, the threads that 1,000
 * queued jobs add, and the provider calls per article when identical requests reach three replicas sharing a Redis
 * (Debian's redis-server) at once, right after they start and after an idle spell.
 */
public final class AdmissionProbe {

    private static final int LIMIT = 4;
    private static final int PORT = 18_290;
    private static final String BASE = "http://127.0.0.1:" + PORT;
    /** Health and metrics of a service at port P are on P + 100 (its management interface). */
    private static final int MANAGEMENT_OFFSET = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern THREADS = Pattern.compile("^jvm_threads_live_threads\\S* ([0-9.]+)$",
            Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> rows = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private final CountingProvider providerServer = new CountingProvider();
    private CountingProvider.Calls provider;
    private int articles;

    public static void main(String[] args) throws Exception {
        new AdmissionProbe().run();
    }

    private void run() throws Exception {
        Map<String, String> llm = providerServer.start();
        provider = providerServer.calls();
        Files.createDirectories(Path.of("target"));
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(Path.of("target/probe-service.log").toFile());
        builder.environment().putAll(Map.of("QUARKUS_HTTP_PORT", String.valueOf(PORT),
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(PORT + MANAGEMENT_OFFSET),
                "LLM_BASE_URL", llm.get("llm.base-url"), "LLM_MODEL", "probe-model",
                "LLM_MAX_CONCURRENCY", String.valueOf(LIMIT), "LLM_QUEUE_SIZE", "64", "LLM_MAX_ATTEMPTS", "1",
                "LLM_TIMEOUT", "30s", "SUMMARIZER_REQUEST_TIMEOUT", "3s", "SUMMARIZER_JOBS_MAX_WAITING", "1000"));
        Process service = builder.start();
        try {
            awaitReady(service);
            callsAfterTheirDeadline();
            inFlight("plain", this::plain);
            inFlight("batch", this::batch);
            inFlight("job", this::jobs);
            inFlight("stream", this::streams);
            threadsOfQueuedJobs();
            service.destroyForcibly().waitFor();
            replicas(llm.get("llm.base-url"));
        } finally {
            service.destroyForcibly().waitFor();
            providerServer.stop();
        }
        System.out.println();
        rows.forEach(System.out::println);
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    /** 16 requests for 4 turns and a 2 s provider with a 3 s deadline: half of them pass their deadline. */
    private void callsAfterTheirDeadline() throws Exception {
        provider.reset(Duration.ofSeconds(2));
        List<String> markers = IntStream.range(0, 16).mapToObj(i -> marker()).toList();
        List<CompletableFuture<Long>> timeouts = new ArrayList<>();
        for (String marker : markers) {
            timeouts.add(http.sendAsync(post("/summarize", article(marker), Map.of()),
                    HttpResponse.BodyHandlers.discarding()).thenApply(response -> response.statusCode() == 504
                            ? System.nanoTime() : Long.MAX_VALUE));
        }
        // A call that would start late starts within the next provider round: wait that out before counting.
        timeouts.forEach(CompletableFuture::join);
        Thread.sleep(5_000);
        int timedOut = 0;
        int late = 0;
        for (int i = 0; i < markers.size(); i++) {
            long answeredAt = timeouts.get(i).join();
            if (answeredAt == Long.MAX_VALUE) {
                continue;
            }
            timedOut++;
            Long startedAt = provider.startOf(markers.get(i)).orElse(null);
            if (startedAt != null && startedAt > answeredAt) {
                late++;
            }
        }
        row("16 requests, limit " + LIMIT + ", 2 s provider, 3 s deadline", timedOut + " answered 504; "
                + provider.started() + " provider calls; " + late + " started after their request's 504");
        verdict("no provider call starts after its request's 504", late == 0, late + " late");
    }

    /** One way in, driven with 16 distinct articles. */
    private interface Drive {
        void articles() throws Exception;
    }

    private void inFlight(String path, Drive drive) throws Exception {
        provider.reset(Duration.ofMillis(500));
        drive.articles();
        row("16 " + path + " articles at once, limit " + LIMIT, provider.started() + " provider calls, at most "
                + provider.mostInFlight() + " in flight");
        verdict("calls in flight <= limit (" + path + ")", provider.mostInFlight() <= LIMIT,
                String.valueOf(provider.mostInFlight()));
    }

    private void plain() {
        List<CompletableFuture<HttpResponse<Void>>> sent = IntStream.range(0, 16)
                .mapToObj(i -> http.sendAsync(post("/summarize", article(marker()), Map.of()),
                        HttpResponse.BodyHandlers.discarding()))
                .toList();
        sent.forEach(CompletableFuture::join);
    }

    private void batch() throws Exception {
        List<Map<String, String>> batch = IntStream.range(0, 16)
                .mapToObj(i -> Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, marker()))).toList();
        http.send(HttpRequest.newBuilder(URI.create(BASE + "/summarize/batch"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("articles", batch))))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private void jobs() throws Exception {
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            locations.add(http.send(post("/summarize", article(marker()), Map.of("Prefer", "respond-async")),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow());
        }
        for (String location : locations) {
            while (http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"running\"")) {
                Thread.sleep(100);
            }
        }
    }

    private void streams() {
        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 16)
                .mapToObj(i -> http.sendAsync(post("/summarize", article(marker()),
                        Map.of("Accept", "text/event-stream")), HttpResponse.BodyHandlers.ofString()))
                .toList();
        sent.forEach(CompletableFuture::join);
    }

    /** Live threads before and after 1,000 jobs are accepted and wait for 4 turns at a 3 s provider. */
    private void threadsOfQueuedJobs() throws Exception {
        provider.reset(Duration.ofSeconds(3));
        double before = threads();
        int accepted = 0;
        for (int i = 0; i < 1_000; i++) {
            if (http.send(post("/summarize", article(marker()), Map.of("Prefer", "respond-async")),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
                accepted++;
            }
        }
        double added = threads() - before;
        row("1,000 jobs queued (limit " + LIMIT + ", 3 s provider)", accepted + " accepted; live threads "
                + (int) before + " -> " + (int) (before + added));
        verdict("threads added by 1,000 queued jobs < 50", added < 50, String.valueOf((int) added));
    }

    /** Three replicas on one Redis: identical requests, two per replica at once, at start and after 20 s idle. */
    private void replicas(String providerUrl) throws Exception {
        int redisPort = 18_296;
        Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(Path.of("target/probe-redis.log").toFile()).start();
        List<Process> replicas = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                int port = 18_291 + i;
                ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar",
                        "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true)
                        .redirectOutput(Path.of("target/probe-replica-" + i + ".log").toFile());
                builder.environment().putAll(Map.of("QUARKUS_HTTP_PORT", String.valueOf(port),
                        "QUARKUS_MANAGEMENT_PORT", String.valueOf(port + MANAGEMENT_OFFSET),
                        "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort, "LLM_BASE_URL", providerUrl,
                        "LLM_MODEL", "probe-model"));
                replicas.add(builder.start());
                bases.add("http://127.0.0.1:" + port);
            }
            for (int i = 0; i < 3; i++) {
                awaitReady(bases.get(i), replicas.get(i));
            }
            provider.reset(Duration.ofMillis(1500));
            double atStart = callsPerArticle(bases, 5);
            Thread.sleep(20_000);
            double afterIdle = callsPerArticle(bases, 5);
            row("identical requests, 2 on each of 3 replicas at once", String.format(
                    "%.2f provider calls per article right after start, %.2f after 20 s idle (5 articles each)",
                    atStart, afterIdle));
            verdict("one provider call per article over three replicas", atStart == 1 && afterIdle == 1,
                    String.format("%.2f at start, %.2f after idle", atStart, afterIdle));
        } finally {
            for (Process replica : replicas) {
                replica.destroyForcibly().waitFor();
            }
            redis.destroyForcibly().waitFor();
        }
    }

    private double callsPerArticle(List<String> bases, int articleCount) {
        int before = provider.started();
        for (int a = 0; a < articleCount; a++) {
            String article = article(marker());
            List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(http.sendAsync(post(bases.get(i % 3), "/summarize", article, Map.of()),
                        HttpResponse.BodyHandlers.discarding()));
            }
            sent.forEach(CompletableFuture::join);
        }
        return (provider.started() - before) / (double) articleCount;
    }

    private double threads() throws Exception {
        String scrape = http.send(HttpRequest.newBuilder(URI.create(management(BASE) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher live = THREADS.matcher(scrape);
        if (!live.find()) {
            throw new IllegalStateException("no jvm_threads_live_threads in /q/metrics");
        }
        return Double.parseDouble(live.group(1));
    }

    private String marker() {
        return "probe-" + System.nanoTime() + "-" + articles++;
    }

    private static String article(String marker) {
        return Articles.uniqueDanish(Articles.SHORT_DANISH, marker);
    }

    private static HttpRequest post(String path, String article, Map<String, String> headers) {
        return post(BASE, path, article, headers);
    }

    private static HttpRequest post(String base, String path, String article, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", article))));
            headers.forEach(request::header);
            return request.build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Process service) throws Exception {
        awaitReady(BASE, service);
    }

    private void awaitReady(String base, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && service.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(management(base) + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service did not start; see target/probe-service.log");
    }

    private static String management(String base) {
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        return "http://127.0.0.1:" + (port + MANAGEMENT_OFFSET);
    }

    private void row(String what, String figures) {
        rows.add(String.format("%-52s %s", what, figures));
    }

    private void verdict(String target, boolean met, String figure) {
        verdicts.add((met ? "MET     " : "MISSED  ") + target + ": " + figure);
    }
}
