package dk.articlesummarizer.access;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.LeavingClient;
import dk.articlesummarizer.support.OpenAiStubs.FakeAnswer;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.TempFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Daily budgets per API key: a default cost budget for every key, and one key whose line in the key file gives it
 * a token budget of its own. The fake model's answer costs 321 + 123 tokens.
 */
@QuarkusTest
@TestProfile(BudgetTest.Budgets.class)
@WithTestResource(FakeOpenAi.class)
class BudgetTest {

    static final String SMALL = "small-budget-5e1d";
    static final String DEFAULT = "default-budget-a20c";
    static final String RACING = "racing-budget-77b2";
    static final String LEAVING = "leaving-stream-3c9d";
    static final int LIMIT = 2;
    static final int TOKENS_PER_DAY = 800;
    static final Path FILE = keyFile("# team keys\n" + SMALL + "  tokens-per-day=" + TOKENS_PER_DAY + "\n" + DEFAULT
            + "\n" + RACING + " tokens-per-day=" + TOKENS_PER_DAY + "\n" + LEAVING + "\n");
    private static final FakeAnswer ANSWER = OpenAiStubs.sampleAnswer("the budget");
    private static final int TOKENS_PER_ANSWER = ANSWER.promptTokens() + ANSWER.completionTokens();

    public static class Budgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.api-keys-file", FILE.toString(),
                    "summarizer.budget.cost-per-day", "1000",
                    "llm.price.input-per-million", "1",
                    "llm.price.output-per-million", "2",
                    "llm.max-concurrency", String.valueOf(LIMIT));
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    static Path keyFile(String lines) {
        return TempFiles.withContent("api-keys", ".txt", lines);
    }

    @BeforeEach
    void stubTheModel() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(ANSWER)));
        openAi.stubFor(chatCompletion().withRequestBody(matchingJsonPath("$.stream", WireMock.equalTo("true")))
                .atPriority(1).willReturn(OpenAiStubs.streamed(ANSWER.asJson(), 50, ANSWER.promptTokens(),
                        ANSWER.completionTokens())));
    }

    private static ValidatableResponse summarize(String key, String article) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body(Map.of("text", article))
                .post("/summarize").then();
    }

    private static String article(String marker) {
        return Articles.uniqueDanish(Articles.SHORT_DANISH, marker + "-" + System.nanoTime());
    }

    @Test
    void aSpentBudgetRefusesNewWorkOnEveryPathUntilMidnightButCachedAnswersStillCome() {
        String first = article("budget-first");
        summarize(SMALL, first).statusCode(200);
        given().header("X-API-Key", SMALL).get("/usage").then().statusCode(200)
                .body("tokens.spent", equalTo(TOKENS_PER_ANSWER))
                .body("tokens.limit", equalTo(TOKENS_PER_DAY))
                .body("tokens.remaining", equalTo(TOKENS_PER_DAY - TOKENS_PER_ANSWER))
                .body("cost.limit", equalTo(1000f));
        // The budget is not spent yet: this answer goes over it, the next one is refused.
        summarize(SMALL, article("budget-second")).statusCode(200);
        int calls = chatRequests(openAi).size();

        ValidatableResponse refused = summarize(SMALL, article("budget-third")).statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:budget-exhausted"));
        long untilMidnight = Duration.between(ZonedDateTime.now(ZoneOffset.UTC),
                ZonedDateTime.now(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)).toSeconds();
        long retryAfter = Long.parseLong(refused.extract().header("Retry-After"));
        assertTrue(Math.abs(retryAfter - untilMidnight) <= 5, retryAfter + " s, midnight UTC in " + untilMidnight);

        given().header("X-API-Key", SMALL).header("Prefer", "respond-async").contentType(ContentType.JSON)
                .body(Map.of("text", article("budget-job"))).post("/summarize").then().statusCode(429);
        given().header("X-API-Key", SMALL).accept("text/event-stream").contentType(ContentType.JSON)
                .body(Map.of("text", article("budget-stream"))).post("/summarize").then().statusCode(429)
                .contentType("application/problem+json");
        List<Map<String, Object>> batch = given().header("X-API-Key", SMALL).contentType(ContentType.JSON)
                .body(Map.of("articles", List.of(Map.of("text", first), Map.of("text", article("budget-batch")))))
                .post("/summarize/batch").then().statusCode(200).extract().jsonPath().getList("results");
        assertEquals(200, batch.get(0).get("status"), "a cached article of the batch is answered");
        assertEquals(429, batch.get(1).get("status"));

        summarize(SMALL, first).statusCode(200).header("X-Cache", "HIT");
        assertEquals(calls, chatRequests(openAi).size(), "nothing reached the LLM after the budget was spent");
        summarize(DEFAULT, article("budget-other-key")).statusCode(200);
    }

    @Test
    void requestsRacingOneBudgetSpendNoMoreThanItAndWhatWasInFlight() {
        openAi.stubFor(chatCompletion().willReturn(answering(ANSWER).withFixedDelay(300)));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Integer> statuses = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> summarize(RACING, article("race-" + i))
                        .extract().statusCode(), callers))
                .toList().stream().map(CompletableFuture::join).toList();
        callers.shutdown();

        int spent = given().header("X-API-Key", RACING).get("/usage").then().statusCode(200)
                .extract().jsonPath().getInt("tokens.spent");
        assertTrue(spent <= TOKENS_PER_DAY + LIMIT * TOKENS_PER_ANSWER, spent + " tokens spent of " + TOKENS_PER_DAY);
        assertEquals(spent / TOKENS_PER_ANSWER, statuses.stream().filter(status -> status == 200).count());
        assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 429), statuses.toString());
    }

    @Test
    void aStreamWhoseClientLeavesIsChargedForWhatTheProviderStarted() throws Exception {
        openAi.stubFor(chatCompletion().withRequestBody(matchingJsonPath("$.stream", WireMock.equalTo("true")))
                .atPriority(1).willReturn(OpenAiStubs.streamed(ANSWER.asJson(), 10, ANSWER.promptTokens(),
                        ANSWER.completionTokens()).withChunkedDribbleDelay(60, 6000)));
        try (LeavingClient client = LeavingClient.stream(port, article("leaving-stream"),
                Map.of("X-API-Key", LEAVING))) {
            assertTrue(client.awaitEvent("translation"), "a first translation event came");
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> given().header("X-API-Key", LEAVING).get("/usage").then()
                .extract().jsonPath().getInt("tokens.spent") > 0);
    }

    @Test
    void usageCountsEveryAnswerOfTheCallingKeyOnlyWhateverPathItCameBy() {
        double before = given().header("X-API-Key", DEFAULT).get("/usage").then().statusCode(200)
                .body("tokens.limit", nullValue())
                .body("currency", equalTo("USD"))
                .extract().jsonPath().getDouble("cost.spent");
        String cached = article("usage-plain");
        summarize(DEFAULT, cached).statusCode(200);
        given().header("X-API-Key", DEFAULT).contentType(ContentType.JSON)
                .body(Map.of("articles", List.of(Map.of("text", cached), Map.of("text", article("usage-batch")))))
                .post("/summarize/batch").then().statusCode(200);
        String job = given().header("X-API-Key", DEFAULT).header("Prefer", "respond-async")
                .contentType(ContentType.JSON).body(Map.of("text", article("usage-job"))).post("/summarize").then()
                .statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().header("X-API-Key", DEFAULT).get(job).then()
                .extract().jsonPath().getString("status"), "done"::equals);
        double after = given().header("X-API-Key", DEFAULT).get("/usage").then().statusCode(200)
                .extract().jsonPath().getDouble("cost.spent");

        double perAnswer = (ANSWER.promptTokens() * 1 + ANSWER.completionTokens() * 2) / 1e6;
        assertEquals(3 * perAnswer, after - before, 1e-9, "three answers made, the cached one free");
        given().header("X-API-Key", SMALL).get("/usage").then().body("cost.limit", equalTo(1000f));
        given().get("/usage").then().statusCode(401);
    }
}
