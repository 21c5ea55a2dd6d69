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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.TempFiles;

/**
 * The admission probe (bench/probe.sh): the packaged service in its own process against {@link ProbeProvider}, a
 * provider in the probe's process that records every call (start, answer, or its connection closed by the
 * service), driven down every path. Prints one table and a verdict per target (issue 33): calls started after their
 * request's 504; calls in flight at their 504 that were aborted; the most calls in flight against the limit for
 * plain, batch, job and streamed requests, and for streams whose clients leave after the first event; callers of a
 * shared load after the first leaves; the threads that 1,000 queued jobs add; provider calls per article over three
 * replicas sharing a Redis (Debian's redis-server); turns held after queued streams leave and jobs that fail
 * {@code llm-busy} (limit 1); a key racing past its token budget and healthy articles refused while failing ones
 * loop (API keys, a small breaker window).
 */
public final class AdmissionProbe {

    private static final int LIMIT = 4;
    private static final int PORT = 18_290;
    private static final int SINGLE_TURN_PORT = 18_297;
    private static final int KEYED_PORT = 18_298;
    private static final String BASE = "http://127.0.0.1:" + PORT;
    /** Health and metrics of a service at port P are on P + 100 (its management interface). */
    private static final int MANAGEMENT_OFFSET = 100;
    private static final String BUDGET_KEY = "probe-budget";
    private static final String OPEN_KEY = "probe-open";
    private static final int BUDGET_TOKENS = 2_000;
    private static final long SECOND = 1_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern THREADS = Pattern.compile("^jvm_threads_live_threads\\S* ([0-9.]+)$",
            Pattern.MULTILINE);
    private static final Pattern TURNS = Pattern.compile("^summarizer_llm_in_flight(?:\\{[^}]*\\})? ([0-9.]+)$",
            Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> rows = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private ProbeProvider provider;
    private int articles;

    public static void main(String[] args) throws Exception {
        new AdmissionProbe().run();
        // The table is out: a client thread still parked on a socket must not keep the probe's JVM alive.
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(Path.of("target"));
        try (ProbeProvider fake = new ProbeProvider()) {
            provider = fake;
            Process service = launch(PORT, "target/probe-service.log", Map.of("LLM_MAX_CONCURRENCY",
                    String.valueOf(LIMIT), "LLM_QUEUE_SIZE", "64", "LLM_MAX_ATTEMPTS", "1", "LLM_TIMEOUT", "30s",
                    "SUMMARIZER_REQUEST_TIMEOUT", "3s", "SUMMARIZER_JOBS_MAX_WAITING", "1000"));
            try {
                awaitReady(BASE, service);
                warmUp(BASE, Map.of());
                callsAfterTheirDeadline();
                callsAbortedAtTheirDeadline();
                inFlight("plain", this::plain);
                inFlight("batch", this::batch);
                inFlight("job", this::jobs);
                inFlight("stream", this::streams);
                streamsWhoseClientsLeave();
                sharedLoadsWhoseFirstCallerLeaves();
                threadsOfQueuedJobs();
            } finally {
                stop(service);
            }
            replicas();
            singleTurn();
            keyed();
        }
        System.out.println();
        rows.forEach(System.out::println);
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    /** 16 requests for 4 turns and a 2 s provider with a 3 s deadline: half of them pass their deadline. */
    private void callsAfterTheirDeadline() throws Exception {
        fresh(Duration.ofSeconds(2));
        List<String> markers = IntStream.range(0, 16).mapToObj(i -> marker()).toList();
        List<CompletableFuture<Long>> timeouts = sendAll(markers);
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
                + provider.started() + " provider calls, at most " + provider.mostInFlight() + " in flight; " + late
                + " started after their request's 504");
        verdict("no provider call starts after its request's 504", late == 0, late + " late");
    }

    /** 8 requests for 4 turns at a 5 s provider with a 3 s deadline: 4 calls are in flight at their 504. */
    private void callsAbortedAtTheirDeadline() throws Exception {
        fresh(Duration.ofSeconds(5));
        List<String> markers = IntStream.range(0, 8).mapToObj(i -> marker()).toList();
        List<CompletableFuture<Long>> timeouts = sendAll(markers);
        timeouts.forEach(CompletableFuture::join);
        provider.awaitIdle(Duration.ofSeconds(4));
        int timedOut = 0;
        int inFlight = 0;
        int aborted = 0;
        int startedLate = 0;
        long ranOn = 0;
        for (int i = 0; i < markers.size(); i++) {
            long answeredAt = timeouts.get(i).join();
            if (answeredAt == Long.MAX_VALUE) {
                continue;
            }
            timedOut++;
            for (ProbeProvider.Call call : provider.callsFor(markers.get(i))) {
                if (call.startedAt > answeredAt || call.answeredAt != 0 && call.answeredAt <= answeredAt) {
                    continue;
                }
                inFlight++;
                if (answeredAt - call.startedAt < SECOND / 2) {
                    startedLate++;
                }
                if (call.closedAt != 0 && call.closedAt - answeredAt <= SECOND) {
                    aborted++;
                }
                ranOn = Math.max(ranOn, (call.endedAt() == 0 ? System.nanoTime() : call.endedAt()) - answeredAt);
            }
        }
        row("8 requests, limit " + LIMIT + ", 5 s provider, 3 s deadline", String.format(
                "%d answered 504; at most %d calls in flight; %d in flight at their 504 (%d started < 0.5 s"
                        + " before it), %d aborted within 1 s (the last ended %.2f s after its 504)", timedOut,
                provider.mostInFlight(), inFlight, startedLate, aborted, ranOn / 1e9));
        verdict("calls in flight at their 504 aborted within 1 s (all)", inFlight > 0 && aborted == inFlight,
                aborted + " of " + inFlight);
    }

    /** Sends one article per marker at once; each future holds when its 504 came, or Long.MAX_VALUE. */
    private List<CompletableFuture<Long>> sendAll(List<String> markers) {
        return markers.stream().map(marker -> http.sendAsync(post(BASE, "/summarize", article(marker), Map.of()),
                HttpResponse.BodyHandlers.discarding()).thenApply(response -> response.statusCode() == 504
                        ? System.nanoTime() : Long.MAX_VALUE)).toList();
    }

    /** Waits (at most 10 s) until calls of the step before have ended, then counts afresh at this delay. */
    private void fresh(Duration delay) throws InterruptedException {
        provider.awaitIdle(Duration.ofSeconds(10));
        provider.reset(delay);
    }

    /** A few articles through every turn, so that the first measured requests do not pay for a cold start. */
    private void warmUp(String base, Map<String, String> headers) throws InterruptedException {
        fresh(Duration.ofMillis(200));
        for (int round = 0; round < 2; round++) {
            List<CompletableFuture<HttpResponse<Void>>> sent = IntStream.range(0, LIMIT)
                    .mapToObj(i -> http.sendAsync(post(base, "/summarize", article(marker()), headers),
                            HttpResponse.BodyHandlers.discarding()))
                    .toList();
            sent.forEach(CompletableFuture::join);
        }
    }

    /** One way in, driven with 16 distinct articles. */
    private interface Drive {
        void articles() throws Exception;
    }

    private void inFlight(String path, Drive drive) throws Exception {
        fresh(Duration.ofMillis(500));
        drive.articles();
        row("16 " + path + " articles at once, limit " + LIMIT, provider.started() + " provider calls, at most "
                + provider.mostInFlight() + " in flight");
        verdict("calls in flight <= limit (" + path + ")", provider.mostInFlight() <= LIMIT,
                String.valueOf(provider.mostInFlight()));
    }

    private void plain() {
        List<CompletableFuture<HttpResponse<Void>>> sent = IntStream.range(0, 16)
                .mapToObj(i -> http.sendAsync(post(BASE, "/summarize", article(marker()), Map.of()),
                        HttpResponse.BodyHandlers.discarding()))
                .toList();
        sent.forEach(CompletableFuture::join);
    }

    private void batch() throws Exception {
        List<Map<String, String>> batch = IntStream.range(0, 16)
                .mapToObj(i -> Map.of("text", article(marker()))).toList();
        http.send(HttpRequest.newBuilder(URI.create(BASE + "/summarize/batch"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("articles", batch))))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private void jobs() throws Exception {
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            locations.add(http.send(post(BASE, "/summarize", article(marker()), Map.of("Prefer", "respond-async")),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow());
        }
        for (String location : locations) {
            awaitJob(location, Map.of(), Duration.ofSeconds(30));
        }
    }

    private void streams() {
        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 16)
                .mapToObj(i -> http.sendAsync(post(BASE, "/summarize", article(marker()),
                        Map.of("Accept", "text/event-stream")), HttpResponse.BodyHandlers.ofString()))
                .toList();
        sent.forEach(CompletableFuture::join);
    }

    /** 20 streams at a provider that writes for 5 s; each client closes its connection after its first event. */
    private void streamsWhoseClientsLeave() throws Exception {
        fresh(Duration.ofSeconds(5));
        Map<String, LeavingCaller> callers = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Future<Boolean>> events = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String marker = marker();
                events.add(clients.submit(() -> {
                    LeavingCaller caller = LeavingCaller.post(PORT, "/summarize", body(article(marker)),
                            Map.of("Accept", "text/event-stream"));
                    callers.put(marker, caller);
                    boolean event = caller.awaitFirstEvent(Duration.ofSeconds(20));
                    caller.leave();
                    return event;
                }));
            }
            int gotEvent = 0;
            for (Future<Boolean> event : events) {
                gotEvent += event.get() ? 1 : 0;
            }
            // A call that starts after its client left starts within a provider round: wait one out.
            provider.awaitIdle(Duration.ofSeconds(10));
            Thread.sleep(1_000);
            provider.awaitIdle(Duration.ofSeconds(10));
            int calls = 0;
            int aborted = 0;
            int startedAfter = 0;
            long ranOn = 0;
            for (ProbeProvider.Call call : provider.calls()) {
                LeavingCaller caller = callers.get(call.marker);
                if (caller == null) {
                    continue;
                }
                calls++;
                if (call.closedAt != 0 && call.closedAt - caller.leftAt() <= SECOND) {
                    aborted++;
                }
                if (call.startedAt > caller.leftAt()) {
                    startedAfter++;
                }
                ranOn = Math.max(ranOn, (call.endedAt() == 0 ? System.nanoTime() : call.endedAt())
                        - caller.leftAt());
            }
            int most = provider.mostInFlight();
            row("20 streams, limit " + LIMIT + ", 5 s provider, clients leave at 1st event", String.format(
                    "%d got an event; %d provider calls, at most %d in flight; %d aborted within 1 s of their"
                            + " client leaving (the last ended %.2f s after), %d started after it", gotEvent, calls,
                    most, aborted, ranOn / 1e9, startedAfter));
            verdict("provider calls in flight for 20 leaving streams <= limit", most <= LIMIT, String.valueOf(most));
            verdict("stream calls aborted within 1 s of their client leaving (all)", calls > 0 && aborted == calls,
                    aborted + " of " + calls);
        } finally {
            clients.shutdownNow();
            callers.values().forEach(LeavingCaller::close);
        }
    }

    /**
     * Five callers of one article at a 1 s provider; the first closes its connection while the call is in flight,
     * then again while it is queued behind four other articles. The four others must still get the answer.
     */
    private void sharedLoadsWhoseFirstCallerLeaves() throws Exception {
        fresh(Duration.ofSeconds(1));
        int waiting = 0;
        int answered = 0;
        List<Integer> callsPerArticle = new ArrayList<>();
        for (boolean queued : List.of(false, true)) {
            List<CompletableFuture<HttpResponse<Void>>> blockers = new ArrayList<>();
            if (queued) {
                for (int i = 0; i < LIMIT; i++) {
                    blockers.add(http.sendAsync(post(BASE, "/summarize", article(marker()), Map.of()),
                            HttpResponse.BodyHandlers.discarding()));
                }
                Thread.sleep(200);
            }
            String marker = marker();
            String article = article(marker);
            try (LeavingCaller first = LeavingCaller.post(PORT, "/summarize", body(article), Map.of())) {
                Thread.sleep(200);
                List<CompletableFuture<HttpResponse<Void>>> others = IntStream.range(0, 4)
                        .mapToObj(i -> http.sendAsync(post(BASE, "/summarize", article, Map.of()),
                                HttpResponse.BodyHandlers.discarding()))
                        .toList();
                Thread.sleep(300);
                first.leave();
                for (CompletableFuture<HttpResponse<Void>> other : others) {
                    waiting++;
                    answered += other.join().statusCode() == 200 ? 1 : 0;
                }
            }
            blockers.forEach(CompletableFuture::join);
            callsPerArticle.add(provider.callsFor(marker).size());
        }
        row("5 callers of one article, the 1st leaves (in flight; queued)", answered + " of " + waiting
                + " remaining callers got 200; provider calls per article " + callsPerArticle);
        verdict("callers of a shared load answered after the first leaves (all)", answered == waiting,
                answered + " of " + waiting);
    }

    /** Live threads before and after 1,000 jobs are accepted and wait for 4 turns at a 3 s provider. */
    private void threadsOfQueuedJobs() throws Exception {
        fresh(Duration.ofSeconds(3));
        double before = threads();
        int accepted = 0;
        for (int i = 0; i < 1_000; i++) {
            if (http.send(post(BASE, "/summarize", article(marker()), Map.of("Prefer", "respond-async")),
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
    private void replicas() throws Exception {
        int redisPort = 18_296;
        Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(Path.of("target/probe-redis.log").toFile()).start();
        List<Process> replicas = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                int port = 18_291 + i;
                replicas.add(launch(port, "target/probe-replica-" + i + ".log",
                        Map.of("QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort), "-Xmx256m"));
                bases.add("http://127.0.0.1:" + port);
            }
            for (int i = 0; i < 3; i++) {
                awaitReady(bases.get(i), replicas.get(i));
            }
            fresh(Duration.ofMillis(1500));
            double atStart = callsPerArticle(bases, 5);
            Thread.sleep(20_000);
            double afterIdle = callsPerArticle(bases, 5);
            row("identical requests, 2 on each of 3 replicas at once", String.format(
                    "%.2f provider calls per article right after start, %.2f after 20 s idle (5 articles each)",
                    atStart, afterIdle));
            verdict("one provider call per article over three replicas", atStart == 1 && afterIdle == 1,
                    String.format("%.2f at start, %.2f after idle", atStart, afterIdle));
        } finally {
            replicas.forEach(AdmissionProbe::stop);
            stop(redis);
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

    /** A service with one turn and a queue of two: streams that leave while queued, and jobs behind a full queue. */
    private void singleTurn() throws Exception {
        String base = "http://127.0.0.1:" + SINGLE_TURN_PORT;
        Process service = launch(SINGLE_TURN_PORT, "target/probe-single-turn.log", Map.of("LLM_MAX_CONCURRENCY", "1",
                "LLM_QUEUE_SIZE", "2", "LLM_MAX_ATTEMPTS", "1", "LLM_TIMEOUT", "30s", "SUMMARIZER_REQUEST_TIMEOUT",
                "8s", "SUMMARIZER_JOBS_TIMEOUT", "60s"));
        try {
            awaitReady(base, service);
            warmUp(base, Map.of());
            turnsHeldAfterQueuedStreamsLeave(base);
            jobsBehindAFullQueue(base);
        } finally {
            stop(service);
        }
    }

    /** Limit 1: a 3 s article in flight, two streams queued behind it whose clients leave after 1 s. */
    private void turnsHeldAfterQueuedStreamsLeave(String base) throws Exception {
        fresh(Duration.ofSeconds(3));
        CompletableFuture<HttpResponse<Void>> slow = http.sendAsync(post(base, "/summarize", article(marker()),
                Map.of()), HttpResponse.BodyHandlers.discarding());
        Thread.sleep(300);
        List<String> streamMarkers = List.of(marker(), marker());
        List<LeavingCaller> streams = new ArrayList<>();
        for (String marker : streamMarkers) {
            streams.add(LeavingCaller.post(SINGLE_TURN_PORT, "/summarize", body(article(marker)),
                    Map.of("Accept", "text/event-stream")));
        }
        Thread.sleep(1_000);
        streams.forEach(LeavingCaller::leave);
        int slowStatus = slow.join().statusCode();
        provider.awaitIdle(Duration.ofSeconds(3));
        double held = turns(base);
        for (long until = System.nanoTime() + 3 * SECOND; held > 0 && System.nanoTime() < until; held = turns(base)) {
            Thread.sleep(100);
        }
        int streamCalls = streamMarkers.stream().mapToInt(marker -> provider.callsFor(marker).size()).sum();
        fresh(Duration.ofMillis(500));
        long sent = System.nanoTime();
        int fresh = http.send(post(base, "/summarize", article(marker()), Map.of()),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        row("limit 1: 2 streams leave while queued behind a 3 s article", String.format(
                "the article %d; then summarizer_llm_in_flight %d; %d provider calls for the streams; a new article"
                        + " (0.5 s provider) %d in %.2f s", slowStatus, (int) held, streamCalls, fresh,
                (System.nanoTime() - sent) / 1e9));
        verdict("turns held after queued streams leave (0)", held == 0 && fresh == 200,
                (int) held + " held, a new article " + fresh);
    }

    /** Limit 1, queue 2, all taken by plain requests at a 1 s provider; then four jobs, whose deadline is 60 s. */
    private void jobsBehindAFullQueue(String base) throws Exception {
        fresh(Duration.ofSeconds(1));
        List<CompletableFuture<HttpResponse<Void>>> plain = IntStream.range(0, 3)
                .mapToObj(i -> http.sendAsync(post(base, "/summarize", article(marker()), Map.of()),
                        HttpResponse.BodyHandlers.discarding()))
                .toList();
        Thread.sleep(300);
        int extra = http.send(post(base, "/summarize", article(marker()), Map.of()),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<Void> accepted = http.send(post(base, "/summarize", article(marker()),
                    Map.of("Prefer", "respond-async")), HttpResponse.BodyHandlers.discarding());
            accepted.headers().firstValue("Location").filter(location -> accepted.statusCode() == 202)
                    .ifPresent(locations::add);
        }
        long submitted = System.nanoTime();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (String location : locations) {
            outcomes.merge(awaitJob(location, Map.of(), Duration.ofSeconds(40)), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - submitted) / 1e9;
        plain.forEach(CompletableFuture::join);
        int busy = outcomes.getOrDefault("failed llm-busy", 0);
        row("limit 1, queue 2 full of plain requests, 4 jobs", String.format(
                "a 4th plain request %d; %d jobs accepted: %s (all ended within %.1f s; job deadline 60 s)", extra,
                locations.size(), outcomes, seconds));
        verdict("jobs that fail llm-busy while their deadline is ahead (0)", busy == 0 && locations.size() == 4,
                busy + " of " + locations.size());
    }

    /** A service with API keys (one with a 2,000-token daily budget) and a breaker window of 10 articles. */
    private void keyed() throws Exception {
        String base = "http://127.0.0.1:" + KEYED_PORT;
        Path keys = TempFiles.withContent("probe-keys", ".txt",
                BUDGET_KEY + " tokens-per-day=" + BUDGET_TOKENS + "\n" + OPEN_KEY + "\n");
        Process service = launch(KEYED_PORT, "target/probe-keyed.log", Map.of("LLM_MAX_CONCURRENCY",
                String.valueOf(LIMIT), "LLM_QUEUE_SIZE", "32", "LLM_MAX_ATTEMPTS", "1", "LLM_TIMEOUT", "30s",
                "SUMMARIZER_REQUEST_TIMEOUT", "15s", "SUMMARIZER_API_KEYS_FILE", keys.toString(),
                "LLM_CIRCUIT_BREAKER_WINDOW", "10", "LLM_CIRCUIT_BREAKER_FAILURE_RATIO", "0.5",
                "LLM_CIRCUIT_BREAKER_DELAY", "30s"));
        try {
            awaitReady(base, service);
            warmUp(base, Map.of("X-API-Key", OPEN_KEY));
            budgetRace(base);
            healthyArticlesAmongFailingLoops(base);
        } finally {
            stop(service);
        }
    }

    /**
     * 24 new articles at once from a key with a 2,000-token budget (444 tokens a call, 0.5 s provider). Allowed:
     * the calls that started before the key's spending reached its budget (the provider's view: the answer that
     * crossed it, and every call then in flight).
     */
    private void budgetRace(String base) throws Exception {
        fresh(Duration.ofMillis(500));
        Map<String, String> key = Map.of("X-API-Key", BUDGET_KEY);
        List<CompletableFuture<HttpResponse<Void>>> sent = IntStream.range(0, 24)
                .mapToObj(i -> http.sendAsync(post(base, "/summarize", article(marker()), key),
                        HttpResponse.BodyHandlers.discarding()))
                .toList();
        Map<Integer, Integer> statuses = new TreeMap<>();
        sent.forEach(response -> statuses.merge(response.join().statusCode(), 1, Integer::sum));
        provider.awaitIdle(Duration.ofSeconds(5));
        JsonNode usage = JSON.readTree(http.send(get(base + "/usage", key), HttpResponse.BodyHandlers.ofString())
                .body());
        long charged = usage.path("tokens").path("spent").asLong();
        List<ProbeProvider.Call> calls = provider.calls();
        List<ProbeProvider.Call> answered = calls.stream().filter(call -> call.answeredAt != 0)
                .sorted(Comparator.comparingLong(call -> call.answeredAt)).toList();
        long billed = (long) answered.size() * ProbeProvider.TOKENS_PER_CALL;
        long ranOutAt = Long.MAX_VALUE;
        for (int i = 0; i < answered.size(); i++) {
            if ((i + 1L) * ProbeProvider.TOKENS_PER_CALL >= BUDGET_TOKENS) {
                ranOutAt = answered.get(i).answeredAt;
                break;
            }
        }
        long out = ranOutAt;
        long reached = answered.stream().filter(call -> call.answeredAt <= out).count()
                * ProbeProvider.TOKENS_PER_CALL;
        long inFlightThen = calls.stream().filter(call -> call.inFlightAt(out) && call.answeredAt != out).count();
        long startedAfter = calls.stream().filter(call -> call.startedAt > out).count();
        long allowed = ranOutAt == Long.MAX_VALUE ? BUDGET_TOKENS
                : reached + inFlightThen * ProbeProvider.TOKENS_PER_CALL;
        row("budget 2,000 tokens, 24 new articles at once from 1 key", String.format(
                "statuses %s; %d provider calls, %d tokens billed, %d charged (/usage); ran out at %d tokens with %d"
                        + " calls in flight: allowed %d; %d calls started after", statuses, calls.size(), billed,
                charged, reached, inFlightThen, allowed, startedAfter));
        verdict("tokens spent by a key racing past its budget <= budget + in flight when it ran out",
                Math.max(billed, charged) <= allowed, Math.max(billed, charged) + " <= " + allowed);
    }

    /**
     * Four articles the provider always fails (500), each re-sent in a loop, among one healthy article a second for
     * 15 s; the breaker's window is 10 articles at a failure ratio of 0.5.
     */
    private void healthyArticlesAmongFailingLoops(String base) throws Exception {
        fresh(Duration.ofMillis(200));
        Map<String, String> key = Map.of("X-API-Key", OPEN_KEY);
        List<String> failing = IntStream.range(0, 4).mapToObj(i -> marker()).toList();
        failing.forEach(provider::fail);
        long end = System.nanoTime() + 15 * SECOND;
        Map<String, AtomicInteger> failingAnswers = new ConcurrentHashMap<>();
        ExecutorService loops = Executors.newFixedThreadPool(failing.size());
        for (String marker : failing) {
            loops.execute(() -> {
                while (System.nanoTime() < end) {
                    try {
                        failingAnswers.computeIfAbsent(problem(http.send(post(base, "/summarize", article(marker),
                                key), HttpResponse.BodyHandlers.ofString())), any -> new AtomicInteger())
                                .incrementAndGet();
                        Thread.sleep(250);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
        }
        List<CompletableFuture<HttpResponse<String>>> healthy = new ArrayList<>();
        while (System.nanoTime() < end) {
            healthy.add(http.sendAsync(post(base, "/summarize", article(marker()), key),
                    HttpResponse.BodyHandlers.ofString()));
            Thread.sleep(1_000);
        }
        loops.shutdown();
        loops.awaitTermination(30, TimeUnit.SECONDS);
        Map<String, Integer> healthyAnswers = new TreeMap<>();
        healthy.forEach(response -> healthyAnswers.merge(problem(response.join()), 1, Integer::sum));
        int refused = healthy.size() - healthyAnswers.getOrDefault("200", 0);
        row("4 failing articles loop among 1 healthy/s for 15 s, window 10", "healthy " + healthyAnswers
                + "; the failing ones " + new TreeMap<>(failingAnswers));
        verdict("healthy articles refused while failing ones loop (0)", refused == 0,
                refused + " of " + healthy.size());
    }

    /** "200", or the status and the problem type's last part, e.g. "503 llm-circuit-open". */
    private static String problem(HttpResponse<String> response) {
        if (response.statusCode() == 200) {
            return "200";
        }
        String type = "";
        try {
            type = JSON.readTree(response.body()).path("type").asText();
        } catch (IOException notJson) {
            // the status says enough
        }
        return response.statusCode() + " " + type.substring(type.lastIndexOf(':') + 1);
    }

    /** Polls a job until it is no longer running: "done", "failed <problem>", or "running" past {@code max}. */
    private String awaitJob(String location, Map<String, String> headers, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            JsonNode job = JSON.readTree(http.send(get(location, headers), HttpResponse.BodyHandlers.ofString())
                    .body());
            String status = job.path("status").asText();
            if (!status.equals("running") || System.nanoTime() > deadline) {
                String type = job.path("problem").path("type").asText();
                return status.equals("failed") ? "failed " + type.substring(type.lastIndexOf(':') + 1) : status;
            }
            Thread.sleep(100);
        }
    }

    private double threads() throws Exception {
        Matcher live = THREADS.matcher(metrics(BASE));
        if (!live.find()) {
            throw new IllegalStateException("no jvm_threads_live_threads in /q/metrics");
        }
        return Double.parseDouble(live.group(1));
    }

    /** The turns held, {@code summarizer_llm_in_flight} summed over models. */
    private double turns(String base) throws Exception {
        Matcher held = TURNS.matcher(metrics(base));
        double sum = 0;
        boolean found = false;
        while (held.find()) {
            found = true;
            sum += Double.parseDouble(held.group(1));
        }
        if (!found) {
            throw new IllegalStateException("no summarizer_llm_in_flight in /q/metrics");
        }
        return sum;
    }

    private String metrics(String base) throws Exception {
        return http.send(get(management(base) + "/q/metrics", Map.of()), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private String marker() {
        return "probe-" + System.nanoTime() + "-" + articles++;
    }

    /**
     * A distinct article per marker, the marker in every paragraph: an article with a paragraph the service has
     * answered before would be an update of that story (one call for the changed paragraphs only).
     */
    private static String article(String marker) {
        return Arrays.stream(Articles.load(Articles.SHORT_DANISH).split("\n\n"))
                .map(paragraph -> paragraph + " Sagen har journalnummer " + marker + ".")
                .collect(Collectors.joining("\n\n"));
    }

    private static String body(String article) throws IOException {
        return JSON.writeValueAsString(Map.of("text", article));
    }

    private static HttpRequest post(String base, String path, String article, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(body(article)));
            headers.forEach(request::header);
            return request.build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return request.build();
    }

    /** The packaged jar on {@code port} (management on port + 100) against the probe's provider. */
    private Process launch(int port, String log, Map<String, String> settings, String... jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of(log).toFile());
        Map<String, String> environment = new HashMap<>(Map.of("QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(port + MANAGEMENT_OFFSET), "LLM_BASE_URL",
                provider.baseUrl(), "LLM_MODEL", "probe-model"));
        environment.putAll(settings);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static void stop(Process process) {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(String base, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && service.isAlive()) {
            try {
                if (http.send(get(management(base) + "/q/health/ready", Map.of()),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service at " + base + " did not start; see its log in target/");
    }

    private static String management(String base) {
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        return "http://127.0.0.1:" + (port + MANAGEMENT_OFFSET);
    }

    private void row(String what, String figures) {
        rows.add(String.format("%-62s %s", what, figures));
    }

    private void verdict(String target, boolean met, String figure) {
        verdicts.add((met ? "MET     " : "MISSED  ") + target + ": " + figure);
    }
}
