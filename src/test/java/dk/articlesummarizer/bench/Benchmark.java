package dk.articlesummarizer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.support.LongArticles;

/**
 * The benchmark behind bench/run.sh, measured the way README runs the service: the packaged jar started with
 * {@code java -jar} on the default Java, and the fake provider ({@link BenchProvider}) in a process of its own.
 * Prints one table with a verdict per target; docs/benchmarks.md explains the figures.
 */
public final class Benchmark {

    private static final int PROVIDER_PORT = 18089;
    private static final int SERVICE_PORT = 18080;
    private static final String SERVICE = "http://127.0.0.1:" + SERVICE_PORT;
    /** Health and metrics: the management interface's own port. */
    private static final int MANAGEMENT_PORT = 18090;
    private static final String PROVIDER = "http://127.0.0.1:" + PROVIDER_PORT;
    private static final int REDIS_PORT = 18479;
    private static final int FIRST_REPLICA_PORT = 18481;
    private static final int SHARED_ARTICLES = Integer.getInteger("bench.sharedArticles", 400);
    private static final int MISS_WARM_UP = Integer.getInteger("bench.missWarmUp", 200);
    private static final int MISSES = Integer.getInteger("bench.misses", 100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int seconds = Integer.getInteger("bench.seconds", 10);
    private final int repeats = Integer.getInteger("bench.repeats", 3);
    private final Path work = Path.of("target/bench");
    private final List<String> rows = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private int articles;

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        String classpath = System.getProperty("java.class.path");
        Process provider = start("provider", javaCommand("-cp", classpath, BenchProvider.class.getName(),
                String.valueOf(PROVIDER_PORT)), Map.of());
        Process service = null;
        try {
            awaitUp(PROVIDER + "/v1/models", provider);
            long started = System.nanoTime();
            service = start("service", javaCommand("-jar", "target/quarkus-app/quarkus-run.jar"), Map.of(
                    "QUARKUS_HTTP_PORT", String.valueOf(SERVICE_PORT),
                    "QUARKUS_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT),
                    "LLM_BASE_URL", PROVIDER + "/v1", "LLM_MODEL", "bench-model"));
            awaitFirstAnswer(service);
            double startMillis = (System.nanoTime() - started) / 1e6;
            long idleRss = rssMb(service.pid());
            row("start to first answer (java -jar, " + System.getProperty("java.version") + ")",
                    String.format("%.0f ms; RSS %d MB", startMillis, idleRss));
            hits();
            misses();
            coalescing();
            longArticle();
            row("RSS after the run", rssMb(service.pid()) + " MB (idle after start " + idleRss + " MB)");
            service.destroy();
            service.waitFor();
            service = null;
            replicas();
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            provider.destroy();
            provider.waitFor();
        }
        System.out.println();
        rows.forEach(System.out::println);
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    /** Cache hits of a 3 kB article against /q/health/live of the same process, with wrk. */
    private void hits() throws Exception {
        String body = JSON.writeValueAsString(Map.of("text", LongArticles.generate(3_000, 3)));
        if (post(body).statusCode() != 200) {
            throw new IllegalStateException("the hit's first request failed");
        }
        Path bodyFile = work.resolve("hit-3k.json");
        Files.writeString(bodyFile, body);
        for (int connections : new int[] { 16, 64 }) {
            List<double[]> hits = new ArrayList<>();
            List<double[]> floors = new ArrayList<>();
            for (int run = 0; run < repeats; run++) {
                hits.add(wrk("/summarize", bodyFile, connections));
                floors.add(wrk("/q/health/live", null, connections));
            }
            double[] hit = median(hits);
            double[] floor = median(floors);
            double ratio = hit[0] / floor[0];
            row(String.format("HIT 3 kB article, %d connections (median of %d)", connections, repeats),
                    String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms; /q/health/live %.0f req/s; ratio %.2f",
                            hit[0], hit[1], hit[2], floor[0], ratio));
            verdict(String.format("HIT >= 0.6x /q/health/live at %d connections", connections), ratio >= 0.6,
                    String.format("%.2f", ratio));
        }
    }

    /** What the service adds to a 500 ms provider on a miss, after warm-up misses. */
    private void misses() throws Exception {
        control("/control/delay?ms=500");
        List<CompletableFuture<HttpResponse<String>>> warmUp = new ArrayList<>();
        for (int i = 0; i < MISS_WARM_UP; i++) {
            warmUp.add(postAsync(uniqueArticle()));
            if (warmUp.size() % 16 == 0) {
                CompletableFuture.allOf(warmUp.toArray(CompletableFuture[]::new)).join();
            }
        }
        CompletableFuture.allOf(warmUp.toArray(CompletableFuture[]::new)).join();
        List<Double> overheads = new ArrayList<>();
        for (int i = 0; i < MISSES; i++) {
            String body = uniqueArticle();
            control("/control/reset");
            long start = System.nanoTime();
            HttpResponse<String> response = post(body);
            double millis = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("miss failed: " + response.statusCode() + " " + response.body());
            }
            overheads.add(millis - stats().path("heldMillis").asDouble());
        }
        overheads.sort(Double::compare);
        double p50 = percentile(overheads, 50);
        row(String.format("MISS overhead over a 500 ms provider (%d misses after %d to warm up)", MISSES,
                MISS_WARM_UP), String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", p50,
                        percentile(overheads, 90), percentile(overheads, 99), overheads.get(overheads.size() - 1)));
        verdict("MISS overhead p50 <= 5 ms over a 500 ms provider", p50 <= 5, String.format("%.2f ms", p50));
        control("/control/delay?ms=0");
    }

    /** 100 identical concurrent requests for a new article. */
    private void coalescing() throws Exception {
        control("/control/delay?ms=200");
        control("/control/reset");
        String body = uniqueArticle();
        List<CompletableFuture<HttpResponse<String>>> requests = IntStream.range(0, 100).mapToObj(i -> postAsync(body))
                .toList();
        long ok = requests.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
        int calls = stats().path("calls").asInt();
        row("100 identical concurrent requests", ok + " answered 200 with " + calls + " provider call(s)");
        verdict("identical concurrent requests share one provider call", calls == 1 && ok == 100, calls + " call(s)");
        control("/control/delay?ms=0");
    }

    /** All prompts of a 60,000-character article against the article itself. */
    private void longArticle() throws Exception {
        control("/control/reset");
        String article = LongArticles.generate(60_000, 60);
        HttpResponse<String> response = post(JSON.writeValueAsString(Map.of("text", article)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("long article failed: " + response.statusCode());
        }
        JsonNode stats = stats();
        double ratio = stats.path("promptChars").asDouble() / article.length();
        row("60,000-character article", String.format("%d calls; all prompts together %.2fx the article's"
                + " characters (system prompts, context, schema and digest included)", stats.path("calls").asInt(),
                ratio));
        verdict("a long article's prompts <= 1.3x the article", ratio <= 1.3, String.format("%.2fx", ratio));
    }

    /**
     * Three replicas sharing a Redis (Debian's redis-server): provider calls for identical concurrent requests
     * spread over them, and an L2 hit (the answer in Redis, not in this replica's memory) against an L1 hit.
     */
    private void replicas() throws Exception {
        Process redis = start("redis", List.of("redis-server", "--port", String.valueOf(REDIS_PORT), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of());
        List<Process> replicas = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                int port = FIRST_REPLICA_PORT + i;
                replicas.add(start("replica-" + i, javaCommand("-jar", "target/quarkus-app/quarkus-run.jar"), Map.of(
                        "QUARKUS_HTTP_PORT", String.valueOf(port),
                        "QUARKUS_MANAGEMENT_PORT", String.valueOf(port + 10), "QUARKUS_REDIS_HOSTS",
                        "redis://127.0.0.1:" + REDIS_PORT, "LLM_BASE_URL", PROVIDER + "/v1", "LLM_MODEL",
                        "bench-model")));
                bases.add("http://127.0.0.1:" + port);
            }
            for (int i = 0; i < 3; i++) {
                awaitFirstAnswer(bases.get(i), replicas.get(i));
            }
            // Warm-up misses on every replica (Redis reads, leases and writes included), as the single service's
            // misses are warmed up before they are measured.
            for (String base : bases) {
                List<String> warmUp = new ArrayList<>();
                for (int i = 0; i < MISS_WARM_UP; i++) {
                    warmUp.add(uniqueArticle());
                }
                timed(base, warmUp, 8);
            }
            control("/control/delay?ms=200");
            control("/control/reset");
            String same = uniqueArticle();
            List<CompletableFuture<HttpResponse<String>>> requests = IntStream.range(0, 100)
                    .mapToObj(i -> postAsync(bases.get(i % 3), same)).toList();
            long ok = requests.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
            int calls = stats().path("calls").asInt();
            row("100 identical concurrent requests over 3 replicas", ok + " answered 200 with " + calls
                    + " provider call(s)");
            verdict("replicas share one provider call", calls == 1 && ok == 100, calls + " call(s)");
            control("/control/delay?ms=0");

            List<String> shared = new ArrayList<>();
            for (int i = 0; i < SHARED_ARTICLES; i++) {
                shared.add(uniqueArticle());
            }
            timed(bases.get(0), shared, 8); // made on replica 0: in Redis and in replica 0's memory only
            double[] l2 = timed(bases.get(1), shared, 16);
            double[] l1 = timed(bases.get(1), shared, 16);
            row(String.format("L2 hit, 3 kB article (%d articles, 16 concurrent)", SHARED_ARTICLES),
                    String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms", l2[0], l2[1], l2[2]));
            row(String.format("L1 hit, the same articles on the same replica"),
                    String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms", l1[0], l1[1], l1[2]));
            row("Redis memory per cached answer (3 kB article)", redisBytesPerAnswer() + " bytes");
        } finally {
            for (Process replica : replicas) {
                replica.destroy();
                replica.waitFor();
            }
            redis.destroy();
            redis.waitFor();
        }
    }

    /** Posts every article once, {@code concurrency} at a time: req/s, p50 and p99 latency in ms. */
    private double[] timed(String base, List<String> bodies, int concurrency) throws Exception {
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
            for (String body : bodies) {
                pending.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> response = post(base, body);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("failed: " + response.statusCode() + " " + response.body());
                    }
                    latencies.add((System.nanoTime() - start) / 1e6);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> each : pending) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        sorted.sort(Double::compare);
        return new double[] { bodies.size() / seconds, percentile(sorted, 50), percentile(sorted, 99) };
    }

    private long redisBytesPerAnswer() throws Exception {
        Process scan = new ProcessBuilder("redis-cli", "-p", String.valueOf(REDIS_PORT), "--scan", "--pattern",
                "article-summarizer:v1:answer:*").start();
        List<String> keys = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .limit(50).toList();
        long total = 0;
        for (String key : keys) {
            Process usage = new ProcessBuilder("redis-cli", "-p", String.valueOf(REDIS_PORT), "MEMORY", "USAGE", key)
                    .start();
            total += Long.parseLong(new String(usage.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        return keys.isEmpty() ? 0 : total / keys.size();
    }

    private String uniqueArticle() throws IOException {
        articles++;
        return JSON.writeValueAsString(Map.of("text", LongArticles.generate(3_000, 1000 + articles)));
    }

    private double[] wrk(String path, Path bodyFile, int connections) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", "2", "-c", String.valueOf(connections), "-d",
                seconds + "s", "--latency"));
        if (bodyFile != null) {
            Path script = work.resolve("post.lua");
            Files.writeString(script, "local f = io.open(\"" + bodyFile.toAbsolutePath() + "\", \"rb\")\n"
                    + "wrk.method = \"POST\"\nwrk.body = f:read(\"*a\")\nf:close()\n"
                    + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
            command.addAll(List.of("-s", script.toString()));
        }
        command.add((path.startsWith("/q/") ? "http://127.0.0.1:" + MANAGEMENT_PORT : SERVICE) + path);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw errors on " + path + ":\n" + out);
        }
        return new double[] { number(out, "Requests/sec:\\s+([0-9.]+)"), latency(out, "50%"), latency(out, "99%") };
    }

    private static double[] median(List<double[]> runs) {
        List<double[]> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        return sorted.get(sorted.size() / 2);
    }

    private static double latency(String wrk, String percentile) {
        Matcher m = Pattern.compile(percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(wrk);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " in wrk output:\n" + wrk);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(SERVICE, body);
    }

    private HttpResponse<String> post(String base, String body) throws IOException, InterruptedException {
        return http.send(request(base, body), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String body) {
        return postAsync(SERVICE, body);
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String base, String body) {
        return http.sendAsync(request(base, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String base, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/summarize")).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void control(String path) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(PROVIDER + path)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private JsonNode stats() throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(PROVIDER + "/control/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private void awaitFirstAnswer(Process service) throws Exception {
        awaitFirstAnswer(SERVICE, service);
    }

    private void awaitFirstAnswer(String base, Process service) throws Exception {
        String body = JSON.writeValueAsString(Map.of("text", LongArticles.generate(1_000, 1)));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && service.isAlive()) {
            try {
                if (post(base, body).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the service gave no answer; see target/bench/service.log");
    }

    private void awaitUp(String url, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException(url + " did not come up");
    }

    private static List<String> javaCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private Process start(String name, List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private void row(String what, String result) {
        rows.add(String.format("%-72s %s", what, result));
    }

    private void verdict(String target, boolean met, String measured) {
        verdicts.add(String.format("%s %-60s %s", met ? "PASS" : "FAIL", target, measured));
    }
}
