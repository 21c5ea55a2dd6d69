package dk.articlesummarizer.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.text.Chunker;

/**
 * Three replicas of the packaged service share one real Redis (Debian's redis-server on a free loopback port) and
 * one fake provider: they make one LLM call for an article, serve each other's answers, enforce one rate limit,
 * and keep answering while Redis is down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "replica-test-key";
    private static final String LIMITED_KEY = "replica-limited-key";
    private static final int PER_MINUTE = 200;
    /** A key whose own daily budget (in the key file) is spent by its first answer. */
    private static final String BUDGET_KEY = "replica-budget-key";
    /** Articles with this marker take the provider 20 s: jobs that outlast a Redis pause. */
    private static final String SLOW_MARKER = "langsom-job";

    private static WireMockServer provider;
    private static int redisPort;
    private static Process redis;
    private static final List<Process> replicas = new ArrayList<>();
    private static final List<String> bases = new ArrayList<>();
    private static final List<String> managements = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path redisServer = Path.of("/usr/bin/redis-server");
        assertTrue(Files.isExecutable(redisServer), "These tests need Redis: apt-get install redis-server"
                + " (.ci/run installs it)");
        provider = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32)
                .extensions(new FakeTranslator()));
        provider.start();
        provider.stubFor(OpenAiStubs.chatCompletion()
                .willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME).withFixedDelay(1_500)));
        provider.stubFor(OpenAiStubs.chatCompletion().atPriority(1).withRequestBody(WireMock.containing(SLOW_MARKER))
                .willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME).withFixedDelay(20_000)));
        redisPort = freePort();
        startRedis();
        Path keys = Files.createTempFile("replica-keys", ".txt");
        Files.writeString(keys, KEY + "\n" + LIMITED_KEY + "\n" + BUDGET_KEY + " tokens-per-day=1\n");
        keys.toFile().deleteOnExit();
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            int managementPort = freePort();
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true).redirectOutput(replicaLog(i).toFile());
            builder.environment().putAll(Map.of("LLM_BASE_URL", provider.baseUrl() + "/v1", "LLM_MODEL", "it-model",
                    "QUARKUS_HTTP_PORT", String.valueOf(port),
                    "QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort),
                    "QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort,
                    "QUARKUS_REDIS_TIMEOUT", "2s", // three JVMs and the tests on a loaded two-core CI machine
                    "SUMMARIZER_API_KEYS_FILE", keys.toString(),
                    "SUMMARIZER_RATE_LIMIT_PER_MINUTE", String.valueOf(PER_MINUTE),
                    "SUMMARIZER_SHUTDOWN_DELAY", "0s"));
            replicas.add(builder.start());
            bases.add("http://127.0.0.1:" + port);
            managements.add("http://127.0.0.1:" + managementPort);
        }
        for (int replica = 0; replica < bases.size(); replica++) {
            String base = bases.get(replica);
            String management = managements.get(replica);
            await().atMost(Duration.ofSeconds(60)).until(() -> status(management + "/q/health/ready"),
                    code -> code == 200);
            // First requests warm the JVM's Redis path, which a cold JVM can take past the timeout.
            for (int i = 0; i < 5; i++) {
                summarize(base, KEY, Articles.uniqueDanish(Articles.SHORT_DANISH, "opvarmning-" + i), null);
            }
        }
    }

    @AfterAll
    static void stop() {
        replicas.forEach(Process::destroyForcibly);
        if (redis != null) {
            redis.destroyForcibly();
        }
        if (provider != null) {
            provider.stop();
        }
    }

    @Test
    @Order(1)
    void hundredIdenticalConcurrentRequestsOverThreeReplicasMakeOneProviderCall() throws Exception {
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "hundrede");
        int before = chatCalls();

        List<HttpResponse<String>> answers = concurrently(100, i -> summarize(bases.get(i % 3), KEY, article, null));

        answers.forEach(answer -> assertEquals(200, answer.statusCode(), answer.body()));
        assertEquals(1, chatCalls() - before, "one provider call for all three replicas");
        assertEquals(1, answers.stream().map(answer -> read(answer).get("translation").asText()).distinct().count());
        assertEquals(99, answers.stream().filter(answer -> read(answer).get("cached").asBoolean()).count());
    }

    @Test
    @Order(2)
    void anAnswerMadeOnOneReplicaIsAHitOnAnother() throws Exception {
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "naboen");
        int before = chatCalls();

        JsonNode made = read(summarize(bases.get(0), KEY, article, null));
        JsonNode served = read(summarize(bases.get(1), KEY, article, null));

        assertFalse(made.get("cached").asBoolean());
        assertTrue(served.get("cached").asBoolean());
        assertEquals(made.get("translation"), served.get("translation"));
        assertEquals(1, chatCalls() - before);
        assertTrue(redisCli("--scan", "--pattern", "article-summarizer:v1:answer:*").lines().count() >= 2);
    }

    @Test
    @Order(2)
    void anUpdateOfAStoryAnsweredOnOneReplicaPaysOnlyForWhatChangedOnAnother() throws Exception {
        String story = LongArticles.paragraphs(6, 400, System.nanoTime());
        read(summarize(bases.get(0), KEY, story, null));
        List<String> paragraphs = new ArrayList<>(Chunker.paragraphs(story));
        paragraphs.set(2, "Afsnit 2. Kommunen har nu afsat ca. 2.300 kr. pr. borger til projektet.");
        int before = chatCalls();

        JsonNode updated = read(summarize(bases.get(1), KEY, String.join("\n\n", paragraphs), null));

        assertEquals(5, updated.get("reused").asInt(), "the paragraphs and the story's answer came from Redis");
        assertEquals(1, chatCalls() - before);
        List<LoggedRequest> calls = OpenAiStubs.chatRequests(provider);
        assertTrue(OpenAiStubs.promptOf(calls.get(calls.size() - 1)).contains("<<<CHANGED 3\n"), "one update call");
    }

    @Test
    @Order(2)
    void aJobMadeOnOneReplicaIsReadOnAnother() throws Exception {
        String path = startJob(bases.get(0), Articles.uniqueDanish(Articles.SHORT_DANISH, "job-paa-tvaers"));

        String done = await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.send(HttpRequest.newBuilder(
                URI.create(bases.get(1) + path)).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofString()).body(), body -> body.contains("\"status\":\"done\""));
        assertTrue(done.contains("\"translation\""), done);
    }

    @Test
    @Order(3)
    void aTornValueInRedisIsAMissAndIsReplaced() throws Exception {
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "itu");
        List<String> keysBefore = answerKeys();
        summarize(bases.get(0), KEY, article, null);
        List<String> added = new ArrayList<>(answerKeys());
        added.removeAll(keysBefore);
        assertEquals(1, added.size(), "the answer is in Redis under one hashed key");
        String newest = added.get(0);
        String sealed = redisCli("GET", newest);
        redisCli("SET", newest, sealed.substring(0, sealed.length() / 2));
        int before = chatCalls();

        HttpResponse<String> answer = summarize(bases.get(2), KEY, article, null);

        assertEquals(200, answer.statusCode(), answer.body());
        assertFalse(read(answer).get("cached").asBoolean(), "a torn value is never served");
        assertEquals(1, chatCalls() - before);
        assertTrue(redisCli("GET", newest).length() > sealed.length() / 2, "the fresh answer replaced it");
    }

    @Test
    @Order(4)
    void aNoStoreArticleLeavesNothingInRedis() throws Exception {
        List<String> keysBefore = redisCli("--scan", "--pattern", "article-summarizer:v1:*").lines()
                .filter(key -> !key.contains(":count:")).sorted().toList();

        HttpResponse<String> answer = summarize(bases.get(1), KEY, Articles.uniqueDanish(Articles.SHORT_DANISH,
                "hemmelig"), "no-store");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(keysBefore, redisCli("--scan", "--pattern", "article-summarizer:v1:*").lines()
                .filter(key -> !key.contains(":count:")).sorted().toList());
    }

    @Test
    @Order(5)
    void theRateLimitHoldsAcrossReplicas() throws Exception {
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "grænse");
        await().atMost(Duration.ofSeconds(25)).until(() -> 60_000 - System.currentTimeMillis() % 60_000 >= 20_000);

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i <= PER_MINUTE; i++) {
            answers.add(summarize(bases.get(i % 3), LIMITED_KEY, article, null));
        }

        assertEquals(PER_MINUTE, answers.stream().filter(answer -> answer.statusCode() == 200).count());
        HttpResponse<String> refused = answers.get(PER_MINUTE);
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals("0", answers.get(PER_MINUTE - 1).headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertEquals(String.valueOf(PER_MINUTE - 1),
                answers.get(0).headers().firstValue("RateLimit-Remaining").orElseThrow());
    }

    @Test
    @Order(5)
    void aBudgetSpentOnOneReplicaIsSpentOnAllButCachedAnswersStillCome() throws Exception {
        String first = Articles.uniqueDanish(Articles.SHORT_DANISH, "budget-en");
        assertEquals(200, summarize(bases.get(0), BUDGET_KEY, first, null).statusCode());
        int calls = chatCalls();

        for (int replica = 1; replica < 3; replica++) {
            HttpResponse<String> refused = summarize(bases.get(replica), BUDGET_KEY,
                    Articles.uniqueDanish(Articles.SHORT_DANISH, "budget-" + replica), null);
            assertEquals(429, refused.statusCode(), refused.body());
            assertEquals("urn:article-summarizer:problem:budget-exhausted", read(refused).path("type").asText());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        }
        assertEquals(200, summarize(bases.get(2), BUDGET_KEY, first, null).statusCode(), "a hit is always served");
        assertEquals(calls, chatCalls(), "no replica called the LLM for the spent key");
        HttpResponse<String> usage = HTTP.send(HttpRequest.newBuilder(URI.create(bases.get(1) + "/usage"))
                .header("Authorization", "Bearer " + BUDGET_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(0, read(usage).path("tokens").path("remaining").asLong(), usage.body());
    }

    @Test
    @Order(6)
    void aRedisPauseNeverMakesAnotherReplicaReportRunningJobsFailed() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            paths.add(startJob(bases.get(0), Articles.uniqueDanish(Articles.SHORT_DANISH, SLOW_MARKER + "-" + i)));
        }
        String reader = bases.get(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jobStatuses(reader, paths),
                statuses -> statuses.stream().allMatch("running"::equals));
        List<String> seen = new ArrayList<>();

        signal(redis, "STOP");
        try {
            long resumeAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                seen.addAll(jobStatuses(reader, paths));
                return System.nanoTime() >= resumeAt;
            });
        } finally {
            signal(redis, "CONT");
        }
        List<String> last = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    List<String> now = jobStatuses(reader, paths);
                    seen.addAll(now);
                    return now;
                }, now -> now.stream().allMatch("done"::equals) || now.contains("failed"));

        assertTrue(seen.stream().allMatch(status -> status.equals("running") || status.equals("done")),
                "a job seen failed (or not seen) while its replica ran it: " + seen);
        assertEquals(List.of("done", "done", "done", "done", "done", "done"), last);
    }

    @Test
    @Order(7)
    void aRedisOutageLogsOneLineWhenItStartsAndOneWhenItEndsWithoutAStackTrace() throws Exception {
        List<Long> logStarts = new ArrayList<>();
        for (int replica = 0; replica < 3; replica++) {
            logStarts.add(Files.size(replicaLog(replica)));
        }

        redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        concurrently(9, i -> summarize(bases.get(i % 3), KEY, Articles.uniqueDanish(Articles.SHORT_DANISH,
                "støj-" + i), null));
        for (int replica = 0; replica < 3; replica++) {
            int index = replica;
            await().atMost(Duration.ofSeconds(10)).until(() -> newLogLines(index, logStarts.get(index)).stream()
                    .anyMatch(ReplicasIT::isOutageLine));
        }
        startRedis();
        for (int replica = 0; replica < 3; replica++) {
            int index = replica;
            await().atMost(Duration.ofSeconds(20)).until(() -> newLogLines(index, logStarts.get(index)).stream()
                    .anyMatch(ReplicasIT::isRecoveryLine));
        }
        concurrently(9, i -> summarize(bases.get(i % 3), KEY, Articles.uniqueDanish(Articles.SHORT_DANISH,
                "efter-støj-" + i), null));

        for (int replica = 0; replica < 3; replica++) {
            List<String> lines = newLogLines(replica, logStarts.get(replica));
            assertEquals(1, lines.stream().filter(ReplicasIT::isOutageLine).count(), String.join("\n", lines));
            assertEquals(1, lines.stream().filter(ReplicasIT::isRecoveryLine).count(), String.join("\n", lines));
            assertTrue(lines.stream().noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by")
                    || line.contains(" ERROR ")), String.join("\n", lines));
        }
    }

    @Test
    @Order(8)
    void withRedisDownEveryRequestIsAnsweredAndSharingResumesWhenItIsBack() throws Exception {
        redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String cachedBefore = Articles.uniqueDanish(Articles.SHORT_DANISH, "hundrede");
        String fresh = Articles.uniqueDanish(Articles.SHORT_DANISH, "uden-redis");

        List<HttpResponse<String>> answers = concurrently(30,
                i -> summarize(bases.get(i % 3), KEY, i % 2 == 0 ? cachedBefore : fresh, null));

        answers.forEach(answer -> assertEquals(200, answer.statusCode(), answer.body()));
        for (String management : managements) {
            HttpResponse<String> ready = get(management + "/q/health/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().replace(" ", "").contains("\"redis\":\"down\""), ready.body());
        }

        startRedis();
        for (String management : managements) {
            await().atMost(Duration.ofSeconds(20)).until(() -> get(management + "/q/health/ready").body(),
                    body -> body.replace(" ", "").contains("\"redis\":\"up\""));
        }
        String afterRestart = Articles.uniqueDanish(Articles.SHORT_DANISH, "tilbage");
        assertFalse(read(summarize(bases.get(2), KEY, afterRestart, null)).get("cached").asBoolean());
        assertTrue(read(summarize(bases.get(0), KEY, afterRestart, null)).get("cached").asBoolean(),
                "sharing resumed without a restart");
    }

    @Test
    @Order(9)
    void aJobWhoseReplicaIsKilledIsReportedFailedByAnotherWithinTheLeaseTime() throws Exception {
        String path = startJob(bases.get(2), Articles.uniqueDanish(Articles.SHORT_DANISH, "dræbt-replika"));

        replicas.get(2).destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown, no clean-up

        String failed = await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.send(HttpRequest.newBuilder(
                URI.create(bases.get(0) + path)).header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofString()).body(), body -> !body.contains("\"status\":\"running\""));
        assertTrue(failed.contains("\"status\":\"failed\"") && failed.contains("job-interrupted"), failed);
    }

    /** Sends the article as a job to the replica at {@code base}; the job's path. */
    private static String startJob(String base, String article) throws Exception {
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/summarize"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                .header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", article))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        return URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
    }

    /** Each job's status as {@code base} shows it, or the HTTP status when it shows none. */
    private static List<String> jobStatuses(String base, List<String> paths) throws Exception {
        List<String> statuses = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> job = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
            statuses.add(job.statusCode() == 200 ? read(job).path("status").asText() : "HTTP " + job.statusCode());
        }
        return statuses;
    }

    private static void signal(Process process, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor());
    }

    private static Path replicaLog(int replica) {
        return Path.of("target/replica-" + replica + ".log");
    }

    private static List<String> newLogLines(int replica, long from) throws IOException {
        byte[] log = Files.readAllBytes(replicaLog(replica));
        return new String(log, (int) from, log.length - (int) from, StandardCharsets.UTF_8).lines().toList();
    }

    private static boolean isOutageLine(String line) {
        return line.contains("Redis at redis://127.0.0.1:" + redisPort) && line.contains("carries on alone");
    }

    private static boolean isRecoveryLine(String line) {
        return line.contains("Redis at redis://127.0.0.1:" + redisPort) && line.contains("answers again;");
    }

    private static void startRedis() throws IOException {
        redis = new ProcessBuilder("/usr/bin/redis-server", "--port", String.valueOf(redisPort), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(Path.of("target/replicas-redis.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> redisCli("PING").strip().equals("PONG"));
    }

    private static List<String> answerKeys() throws Exception {
        return redisCli("--scan", "--pattern", "article-summarizer:v1:answer:*").lines().toList();
    }

    private static String redisCli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(redisPort)));
        command.addAll(List.of(args));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        cli.waitFor(10, TimeUnit.SECONDS);
        return output;
    }

    private static int chatCalls() {
        return OpenAiStubs.chatRequests(provider).size();
    }

    private static HttpResponse<String> summarize(String base, String key, String article, String cacheControl)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/summarize"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", article))));
        if (cacheControl != null) {
            request.header("Cache-Control", cacheControl);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Call {
        HttpResponse<String> send(int index) throws Exception;
    }

    private static List<HttpResponse<String>> concurrently(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(pool.submit(() -> {
                    go.await();
                    return call.send(index);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get(90, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(String url) {
        try {
            return get(url).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
