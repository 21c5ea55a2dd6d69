package dk.articlesummarizer.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.support.LongArticles;

/**
 * The benchmark behind bench/run.sh: starts a fake OpenAI provider (in this JVM) and the packaged service (its own
 * process), measures startup, cache hits against the floor (with wrk), miss overhead, coalescing, concurrency and
 * memory, and prints one table with a verdict per target. Figures and targets: docs/benchmarks.md.
 */
public final class Benchmark {

    private static final int PROVIDER_PORT = 18089;
    private static final int SERVICE_PORT = 18080;
    /**
     * Misses are timed once the JIT has settled: warm-up misses go in rounds of this many until a round makes the
     * JIT compile fewer than {@link #JIT_SETTLED_COMPILES} methods. A fixed count measured the JIT instead: the
     * miss path's methods reach C2's thresholds only after about 5000 misses, and C2 then competes with the request
     * threads for the two cores for seconds (ten times as many compiles in the timed window as after settling).
     */
    private static final int WARM_UP_ROUND = 1000;
    private static final int JIT_SETTLED_COMPILES = Integer.getInteger("bench.jitSettledCompiles", 10);
    private static final int MAX_WARM_UP = Integer.getInteger("bench.maxMissWarmUp", 50_000);
    /** Misses timed with the provider at 0 ms (and a fifth of that at 500 ms): p99 of 1000 is the tenth worst. */
    private static final int MISSES = Integer.getInteger("bench.misses", 1000);
    private static final int SCRAPE_EVERY = 100;
    /**
     * Misses with the provider at 500 ms before those timed: in the first ten seconds after the provider slows down
     * the JIT adapts to the new pace (JFR's jdk.Compilation: about 100 methods of the miss path, Micrometer and Netty
     * compiled again), which steady traffic at that pace would have done long before.
     */
    private static final int SLOW_PROVIDER_WARM_UP = 20;
    /**
     * The service's heap and collector as the container images set them in a 1 GiB container
     * (docs/deployment.md): the parallel collector with a fixed 512 MB heap and an 80 MB young generation. G1 left
     * to size a 256 MB heap itself kept the full cache's old generation above its marking threshold, so a concurrent
     * mark ran every few hundred misses on one of the two cores; with the heap fixed, G1's concurrent refinement
     * threads still took a fifth of the service's CPU between misses spaced 500 ms apart (docs/benchmarks.md).
     */
    private static final List<String> SERVICE_HEAP = List.of("-XX:+UseParallelGC", "-Xms512m", "-Xmx512m", "-Xmn80m");
    private static final String SERVICE = "http://127.0.0.1:" + SERVICE_PORT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final int seconds = Integer.getInteger("bench.seconds", 10);
    /** wrk runs per HIT and floor configuration; the median is reported. */
    private final int repeats = Integer.getInteger("bench.repeats", 3);
    private final Path work = Path.of("target/bench");
    private final List<String> rows = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private BenchProvider provider;
    /** Heap after a full GC right after startup: the baseline that the cache's bound is added to. */
    private double heapAtIdleMb;
    private Process service;

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        provider = new BenchProvider(PROVIDER_PORT);
        try {
            startup();
            String only = System.getProperty("bench.only", "all");
            if (only.equals("hits")) {
                profileFromHere();
            }
            if (only.equals("all") || only.equals("hits")) {
                hits();
            }
            if (only.equals("all") || only.equals("misses")) {
                missOverheads();
            }
            if (only.equals("all")) {
                coalescing();
                concurrency();
                memory();
            }
        } finally {
            if (service != null) {
                if (Boolean.getBoolean("bench.jfr")) {
                    jcmd("JFR.dump", "filename=" + work.resolve("service.jfr").toAbsolutePath());
                }
                service.destroy();
                if (!service.waitFor(60, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
            provider.close();
        }
        System.out.println();
        System.out.println("| measurement | result |");
        System.out.println("| --- | --- |");
        rows.forEach(System.out::println);
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    private void providerLatency(int millis) {
        provider.delay(millis);
        provider.reset();
    }

    // 7. Startup: process start to the first successful answer, and RSS at idle.
    private void startup() throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("bench.java", "java")));
        command.addAll(SERVICE_HEAP);
        String jvmArgs = System.getProperty("bench.jvmArgs", "").strip();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
        builder.environment().putAll(Map.of("LLM_BASE_URL", "http://127.0.0.1:" + PROVIDER_PORT + "/v1",
                "LLM_MODEL", "bench-model", "LLM_TIMEOUT", "30s", "QUARKUS_HTTP_PORT", String.valueOf(SERVICE_PORT),
                "SUMMARIZER_BENCH_FLOOR", "true", "QUARKUS_LOG_LEVEL", "WARN",
                "QUARKUS_LOG_CATEGORY__IO_QUARKUS__LEVEL", "INFO"));
        try (Socket taken = new Socket("127.0.0.1", SERVICE_PORT)) {
            throw new IllegalStateException("port " + SERVICE_PORT + " is in use: stop the service left running there");
        } catch (ConnectException free) {
            // as it should be
        }
        long started = System.nanoTime();
        service = builder.start();
        String body = json(LongArticles.generate(3_000, 1), "startup");
        while (true) {
            try {
                if (post("/summarize", body).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - started > 60_000_000_000L) {
                throw new IllegalStateException("service did not answer within 60 s; see target/bench/service.log");
            }
            Thread.sleep(10);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Thread.sleep(2000);
        row("Startup: process start to first answer (jar)", millis + " ms");
        row("RSS at idle after the first answer", rssMb() + " MB");
        heapAtIdleMb = heapAfterGcMb();
        verdict("jar start to first answer <= 2.5 s", millis <= 2500, millis + " ms");
    }

    /** With -Dbench.jfr=true, records a JFR profile of the service from now on (steady state, after warm-up). */
    private void profileFromHere() throws Exception {
        if (Boolean.getBoolean("bench.jfr")) {
            jcmd("JFR.start", "settings=profile", "filename=" + work.resolve("service.jfr").toAbsolutePath(),
                    "jdk.ExecutionSample#period=1ms", "jdk.ThreadPark#threshold=1ms",
                    "jdk.JavaMonitorWait#threshold=1ms", "jdk.SocketRead#threshold=1ms");
        }
    }

    /** Methods the service's JIT has compiled so far (HotSpot's sun.ci.totalCompiles counter). */
    private long jitCompiles() throws Exception {
        Matcher total = Pattern.compile("sun\\.ci\\.totalCompiles=(\\d+)").matcher(jcmd("PerfCounter.print"));
        if (!total.find()) {
            throw new IllegalStateException("no sun.ci.totalCompiles from jcmd PerfCounter.print");
        }
        return Long.parseLong(total.group(1));
    }

    /** CPU time of the whole service process (all threads, GC and JIT included). */
    private Duration serviceCpu() {
        return service.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * Time the hypervisor ran something else while this machine's vCPUs wanted to run (the "steal" column of
     * /proc/stat, all vCPUs, in clock ticks of 10 ms): the host's share of a slow phase. Zero where it is not
     * reported.
     */
    private static long stolenMillis() throws IOException {
        return cpuTotals()[8] * 10;
    }

    /** CPU time all vCPUs spent on anything but idling, waiting for I/O or being stolen (/proc/stat). */
    private static long machineBusyMillis() throws IOException {
        long[] ticks = cpuTotals();
        // user, nice, system, irq, softirq: fields 1-3, 6 and 7 of the "cpu" line (proc(5)).
        return (ticks[1] + ticks[2] + ticks[3] + ticks[6] + ticks[7]) * 10;
    }

    private static long[] cpuTotals() throws IOException {
        // The "cpu" line in clock ticks (10 ms); kernels too old to report steal get a zero there.
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] ticks = new long[Math.max(9, fields.length)];
        for (int i = 1; i < fields.length; i++) {
            ticks[i] = Long.parseLong(fields[i]);
        }
        return ticks;
    }

    private String jcmd(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(service.pid())));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + out);
        }
        return out;
    }

    // 1 and 2: cache hits against the floor, with wrk.
    private void hits() throws Exception {
        for (int kb : new int[] { 3, 30 }) {
            String body = json(LongArticles.generate(kb * 1000, kb), null);
            HttpResponse<String> warm = post("/summarize", body);
            if (warm.statusCode() != 200) {
                throw new IllegalStateException("warm-up failed: " + warm.statusCode() + " " + warm.body());
            }
            int responseBytes = warm.body().getBytes(StandardCharsets.UTF_8).length;
            Path bodyFile = work.resolve("hit-" + kb + "k.json");
            Files.writeString(bodyFile, body);
            for (int connections : new int[] { 1, 16, 64 }) {
                // Alternating runs, median of each: one run of either moves by 10-20 % on this shared 2-core machine.
                List<Wrk> hits = new ArrayList<>();
                List<Wrk> floors = new ArrayList<>();
                for (int run = 0; run < repeats; run++) {
                    hits.add(wrk("/summarize", bodyFile, connections));
                    floors.add(wrk("/bench/floor?bytes=" + responseBytes, bodyFile, connections));
                }
                Wrk hit = Wrk.median(hits);
                Wrk floor = Wrk.median(floors);
                double ratio = hit.rps / floor.rps;
                row(String.format("HIT %d kB article (%d B answer), %d conn, median of %d runs", kb, responseBytes,
                        connections, repeats),
                        String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms; floor %.0f req/s, p50 %.2f ms, p99 %.2f ms;"
                                + " HIT/floor %.2f; CPU per request, service / rest of the machine: HIT %.0f / %.0f µs,"
                                + " floor %.0f / %.0f µs", hit.rps, hit.p50, hit.p99, floor.rps, floor.p50, floor.p99,
                                ratio, hit.serviceCpuMicros, hit.otherCpuMicros, floor.serviceCpuMicros,
                                floor.otherCpuMicros));
                if (connections >= 16) {
                    verdict(String.format("HIT >= 0.7x floor at %d connections (%d kB)", connections, kb), ratio >= 0.7,
                            String.format("%.2f", ratio));
                }
                if (connections == 16 && kb == 3) {
                    verdict("HIT p99 <= 5 ms at 16 connections (3 kB)", hit.p99 <= 5, String.format("%.2f ms", hit.p99));
                }
            }
        }
    }

    // 3: what we add on top of the provider on a miss.
    private void missOverheads() throws Exception {
        int warmUp = 0;
        List<Double> firstRound = null;
        long compilesBefore = jitCompiles();
        long roundCompiles;
        do {
            List<Double> round = misses(0, WARM_UP_ROUND, "warm-up-" + warmUp, SCRAPE_EVERY).overheads();
            firstRound = firstRound == null ? round : firstRound;
            warmUp += WARM_UP_ROUND;
            long compiles = jitCompiles();
            roundCompiles = compiles - compilesBefore;
            compilesBefore = compiles;
        } while (roundCompiles >= JIT_SETTLED_COMPILES && warmUp < MAX_WARM_UP);
        Collections.sort(firstRound);
        row(String.format("MISS overhead while the JIT compiles (first %d misses after start, provider at 0 ms)",
                WARM_UP_ROUND), distribution(firstRound));
        String warmedUp = String.format("after %d to warm up, whose last %d made the JIT compile %d methods%s",
                warmUp, WARM_UP_ROUND, roundCompiles, roundCompiles < JIT_SETTLED_COMPILES ? "" : " (not settled)");
        profileFromHere();
        missOverhead(0, MISSES, warmedUp);
        misses(500, SLOW_PROVIDER_WARM_UP, "warm-up-500", 0);
        missOverhead(500, MISSES / 5, String.format("%s, then %d at 500 ms", warmedUp, SLOW_PROVIDER_WARM_UP));
        sequentialHits();
    }

    /** The same client and article, answered from the cache: what the machine adds without any LLM call. */
    private void sequentialHits() throws Exception {
        String body = json(LongArticles.generate(3_000, 1000), "miss-0-0");
        List<Double> latencies = new ArrayList<>();
        try (PlainHttpClient client = new PlainHttpClient("127.0.0.1", SERVICE_PORT)) {
            // Untimed: the cache may have dropped this article since it was first asked for, making this a miss.
            client.postJson("/summarize", body);
            for (int i = 0; i < MISSES; i++) {
                long start = System.nanoTime();
                PlainHttpClient.Answer response = client.postJson("/summarize", body);
                latencies.add((System.nanoTime() - start) / 1e6);
                if (response.status() != 200) {
                    throw new IllegalStateException("hit failed: " + response.status());
                }
            }
        }
        Collections.sort(latencies);
        row(String.format("HIT latency through the same client (%d sequential, 3 kB)", MISSES), distribution(latencies));
    }

    /**
     * Each miss's overhead split at the provider: the request leg (client sends to provider has read the request)
     * and the response leg (provider hands the answer to its socket to client has read it). Both processes read
     * the same monotonic clock ({@code System.nanoTime} is CLOCK_MONOTONIC on Linux).
     */
    private record Misses(List<Double> overheads, List<Double> requestLegs, List<Double> responseLegs,
            double providerHeldMillis, List<Double> relayOverheads) {
    }

    /**
     * Sequential distinct 3 kB misses; each overhead is the client's latency minus the provider's hold. With
     * {@code scrapeEvery > 0}, /q/metrics is read between misses, as Prometheus would in production: without it the
     * first scrape (the breakdown's, just before the timed misses) sends new types through the HTTP server's hot
     * methods, the JIT throws their compiled code away and recompiles it while the misses are being timed.
     * Each miss is followed by the same article through the miss floor, /bench/relay, so that both see the same
     * moment of the machine.
     */
    private Misses misses(int providerMillis, int requests, String label, int scrapeEvery) throws Exception {
        providerLatency(providerMillis);
        List<Double> overheads = new ArrayList<>();
        List<Double> requestLegs = new ArrayList<>();
        List<Double> responseLegs = new ArrayList<>();
        List<Double> relayOverheads = new ArrayList<>();
        double providerHeld = 0;
        try (PlainHttpClient client = new PlainHttpClient("127.0.0.1", SERVICE_PORT)) {
            for (int i = 0; i < requests; i++) {
                if (scrapeEvery > 0 && i % scrapeEvery == 0) {
                    scrapeMetrics();
                }
                String article = LongArticles.generate(3_000, 1000 + i);
                String body = json(article, label + "-" + providerMillis + "-" + i);
                Call miss = call(client, "/summarize", body);
                double held = provider.heldMillis();
                providerHeld += held;
                overheads.add(miss.millis() - held);
                requestLegs.add((provider.lastReceivedNanos() - miss.start()) / 1e6);
                responseLegs.add((miss.end() - provider.lastAnsweredNanos()) / 1e6);
                relayOverheads.add(relayOverhead(client, article));
            }
        }
        return new Misses(overheads, requestLegs, responseLegs, providerHeld, relayOverheads);
    }

    /** One call through the miss floor: a chat completions request of the article's size, passed on as it is. */
    private double relayOverhead(PlainHttpClient client, String article) throws Exception {
        String chatRequest = JSON.writeValueAsString(Map.of("model", "bench", "messages", List.of(
                Map.of("role", "system", "content", "Translate the article."),
                Map.of("role", "user", "content", "<<<ARTICLE\n" + article + "\nARTICLE>>>"))));
        return call(client, "/bench/relay", chatRequest).millis() - provider.heldMillis();
    }

    /** When a call that reaches the provider was sent and its answer read, on this JVM's monotonic clock. */
    private record Call(long start, long end) {

        double millis() {
            return (end - start) / 1e6;
        }
    }

    /** Starts a new provider count, then one timed call that must answer 200. */
    private Call call(PlainHttpClient client, String path, String body) throws IOException {
        provider.reset();
        long start = System.nanoTime();
        PlainHttpClient.Answer response = client.postJson(path, body);
        long end = System.nanoTime();
        if (response.status() != 200) {
            throw new IllegalStateException(path + " failed: " + response.status() + " " + response.body());
        }
        return new Call(start, end);
    }

    private void missOverhead(int providerMillis, int requests, String warmedUp) throws Exception {
        double serverBefore = metricSum("http_server_requests_seconds_sum", "uri=\"/summarize\"");
        double llmBefore = metricSum("gen_ai_client_operation_duration_seconds_sum", "translate");
        Duration cpuBefore = serviceCpu();
        Map<String, Long> threadCpuBefore = cpuTicksByThreadName(service.pid());
        long stolenBefore = stolenMillis();
        Misses misses = misses(providerMillis, requests, "miss", 0);
        long stolen = stolenMillis() - stolenBefore;
        String busiestThreads = busiestThreads(threadCpuBefore, cpuTicksByThreadName(service.pid()));
        double cpuMs = serviceCpu().minus(cpuBefore).toNanos() / 1e6 / requests;
        double serverMs = (metricSum("http_server_requests_seconds_sum", "uri=\"/summarize\"") - serverBefore) * 1000
                / requests;
        double llmMs = (metricSum("gen_ai_client_operation_duration_seconds_sum", "translate") - llmBefore) * 1000
                / requests;
        row(String.format("MISS breakdown, provider at %d ms (mean per request)", providerMillis),
                String.format("in the service %.2f ms (its own metrics), of which the LLM call as its client sees it"
                        + " %.2f ms, of which the provider held it %.2f ms; service CPU %.2f ms (all threads, JIT and"
                        + " GC included; busiest threads: %s); time the host took from the machine's vCPUs"
                        + " meanwhile (steal) %d ms", serverMs, llmMs, misses.providerHeldMillis() / requests,
                cpuMs, busiestThreads, stolen));
        row(String.format("MISS legs, provider at %d ms", providerMillis), legs(misses));
        List<Double> overheads = sorted(misses.overheads());
        double p99 = percentile(overheads, 99);
        row(String.format("MISS overhead, provider at %d ms (%d sequential 3 kB misses %s)", providerMillis,
                requests, warmedUp), distribution(overheads));
        row(String.format("MISS floor, provider at %d ms (/bench/relay after each of those misses: the same hops,"
                + " none of the work)", providerMillis), distribution(sorted(misses.relayOverheads())));
        verdict(String.format("MISS overhead p99 <= 5 ms (provider %d ms)", providerMillis), p99 <= 5,
                String.format("%.2f ms; floor %.2f ms", p99, percentile(sorted(misses.relayOverheads()), 99)));
    }

    /**
     * CPU time per thread name (numbers folded, so all event loops count as one) from /proc, in clock ticks (USER_HZ,
     * 100 on Linux); a thread that ends between two readings drops out. It is what showed the JIT still compiling
     * while misses were timed, which the process total cannot tell apart.
     */
    private static Map<String, Long> cpuTicksByThreadName(long pid) throws IOException {
        Map<String, Long> ticks = new TreeMap<>();
        try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime, fields 14 and 15 of proc(5), counted from the state field (3).
                ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            }
        }
        return ticks;
    }

    private static String busiestThreads(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long> comparingByValue().reversed())
                .limit(5)
                .map(e -> String.format("%s %d ms", e.getKey().strip(), e.getValue() * 10))
                .collect(Collectors.joining(", "));
    }

    /** Where the time of the slowest misses went: to the provider, or back from it. */
    private static String legs(Misses misses) {
        List<String> slowest = IntStream.range(0, misses.overheads().size()).boxed()
                .sorted(Comparator.comparing(misses.overheads()::get, Comparator.reverseOrder()))
                .limit(3)
                .map(i -> String.format("%.2f = %.2f + %.2f", misses.overheads().get(i),
                        misses.requestLegs().get(i), misses.responseLegs().get(i)))
                .toList();
        return String.format("request leg (client sends -> provider has read it) %s; response leg (provider"
                + " sends -> client has read it) %s; slowest three (overhead = request + response leg, ms): %s",
                distribution(sorted(misses.requestLegs())), distribution(sorted(misses.responseLegs())),
                String.join(", ", slowest));
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    private static String distribution(List<Double> sorted) {
        return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    // 4: identical concurrent misses share one provider call.
    private void coalescing() throws Exception {
        providerLatency(500);
        String body = json(LongArticles.generate(3_000, 77), "coalescing");
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pending.add(HTTP.sendAsync(request("/summarize", body).build(), HttpResponse.BodyHandlers.ofString()));
        }
        long ok = pending.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
        int calls = provider.chatCalls();
        row("Coalescing: 100 concurrent identical misses", ok + " answered 200, " + calls + " provider call(s)");
        verdict("coalescing makes exactly 1 provider call", calls == 1 && ok == 100, calls + " call(s)");
    }

    // 5: many distinct requests while the provider is slow.
    private void concurrency() throws Exception {
        providerLatency(1000);
        int threadsBefore = threads();
        Semaphore sampling = new Semaphore(0);
        int[] maxThreads = { threadsBefore };
        Thread sampler = new Thread(() -> {
            while (!sampling.tryAcquire()) {
                maxThreads[0] = Math.max(maxThreads[0], threads());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            String body = json(LongArticles.generate(3_000, 5000 + i), "concurrent-" + i);
            pending.add(HTTP.sendAsync(request("/summarize", body).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> response : pending) {
            String outcome;
            try {
                outcome = String.valueOf(response.join().statusCode());
            } catch (RuntimeException e) {
                outcome = "error";
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampling.release();
        sampler.join();
        double heap = heapMb();
        row("Concurrency: 500 distinct requests, provider 1 s, LLM_MAX_CONCURRENCY 8",
                String.format("%s in %.1f s; service threads %d -> max %d; heap %.0f MB", outcomes, seconds,
                        threadsBefore, maxThreads[0], heap));
        boolean onlyDocumented = outcomes.keySet().stream().allMatch(code -> code.equals("200") || code.equals("503"));
        verdict("concurrency: only 200 or documented 503, no timeouts", onlyDocumented, outcomes.toString());
    }

    // 6: memory after many distinct articles.
    private void memory() throws Exception {
        providerLatency(0);
        double heapBefore = heapAfterGcMb();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            inFlight.acquire();
            String body = json(LongArticles.generate(3_000, 20_000 + i), "memory-" + i);
            pending.add(HTTP.sendAsync(request("/summarize", body).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()));
        }
        long ok = pending.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
        double heapAfter = heapAfterGcMb();
        double cacheMb = metric("summarizer_cache_bytes{cache=\"summaries\"}") / 1e6;
        double entries = metric("summarizer_cache_entries{cache=\"summaries\"}");
        double bound = 64 * 1.048576;
        row("Memory: 10000 distinct 3 kB articles through the cache",
                String.format("%d answered; cache %.0f entries, %.1f MB (bound %.1f MB); heap after GC %.0f MB at idle,"
                        + " %.0f MB before these, %.0f MB after; RSS %d MB", ok, entries, cacheMb, bound, heapAtIdleMb,
                        heapBefore, heapAfter, rssMb()));
        // The fixed overhead: the raw-body index (a quarter of the cache's bound) plus 32 MB.
        double overhead = bound / 4 + 32;
        verdict(String.format("heap over idle stays under the cache bound plus %.0f MB", overhead),
                heapAfter - heapAtIdleMb <= bound + overhead, String.format("+%.0f MB", heapAfter - heapAtIdleMb));
    }

    /**
     * One wrk run; the CPU is per request, in microseconds: the service's, and the rest of the machine's (wrk,
     * the kernel's interrupts and anything else running) from /proc/stat.
     */
    private record Wrk(double rps, double p50, double p99, double serviceCpuMicros, double otherCpuMicros) {

        /** The run with the median throughput (latencies from that same run). */
        static Wrk median(List<Wrk> runs) {
            List<Wrk> sorted = new ArrayList<>(runs);
            sorted.sort((a, b) -> Double.compare(a.rps(), b.rps()));
            return sorted.get(sorted.size() / 2);
        }
    }

    private Wrk wrk(String path, Path bodyFile, int connections) throws Exception {
        Path script = work.resolve("post.lua");
        Files.writeString(script, "local f = io.open(\"" + bodyFile.toAbsolutePath() + "\", \"rb\")\n"
                + "wrk.method = \"POST\"\nwrk.body = f:read(\"*a\")\nf:close()\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        Process process = new ProcessBuilder("wrk", "-t", String.valueOf(Math.min(2, connections)), "-c",
                String.valueOf(connections), "-d", seconds + "s", "--latency", "-s", script.toString(), SERVICE + path)
                .redirectErrorStream(true).start();
        Duration serviceBefore = serviceCpu();
        long busyBefore = machineBusyMillis();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        double serviceMillis = serviceCpu().minus(serviceBefore).toNanos() / 1e6;
        double otherMillis = machineBusyMillis() - busyBefore - serviceMillis;
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw errors on " + path + ":\n" + out);
        }
        double requests = number(out, "(\\d+) requests in");
        return new Wrk(number(out, "Requests/sec:\\s+([0-9.]+)"), latency(out, "50%"), latency(out, "99%"),
                serviceMillis * 1000 / requests, otherMillis * 1000 / requests);
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

    private static String json(String text, String marker) throws IOException {
        String article = marker == null ? text : text + "\n\nJournalnummer " + marker + ".";
        return JSON.writeValueAsString(Map.of("text", article));
    }

    private static HttpRequest.Builder request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(SERVICE + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(request(path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long rssMb() throws IOException {
        return statusValue("VmRSS") / 1024;
    }

    private int threads() {
        try {
            return (int) statusValue("Threads");
        } catch (IOException e) {
            return -1;
        }
    }

    private long statusValue(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + service.pid() + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private double heapAfterGcMb() throws Exception {
        jcmd("GC.run");
        return heapMb();
    }

    private double heapMb() throws Exception {
        String metrics = scrapeMetrics();
        Matcher m = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"\\} ([0-9.eE+-]+)",
                Pattern.MULTILINE).matcher(metrics);
        double bytes = 0;
        while (m.find()) {
            bytes += Double.parseDouble(m.group(1));
        }
        return bytes / 1e6;
    }

    private String scrapeMetrics() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(SERVICE + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Sum of all series of a metric whose labels contain {@code labelPart}. */
    private double metricSum(String name, String labelPart) throws Exception {
        String metrics = scrapeMetrics();
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)", Pattern.MULTILINE)
                .matcher(metrics);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains(labelPart)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private double metric(String series) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(SERVICE + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private void row(String what, String result) {
        rows.add("| " + what + " | " + result + " |");
        System.out.println(what + ": " + result);
    }

    private void verdict(String target, boolean met, String measured) {
        verdicts.add((met ? "PASS " : "FAIL ") + target + " (measured " + measured + ")");
    }
}
