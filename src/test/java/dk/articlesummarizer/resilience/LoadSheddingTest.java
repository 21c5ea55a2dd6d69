package dk.articlesummarizer.resilience;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;


import org.junit.jupiter.api.Test;


import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.ConcurrentPosts;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(TightLimits.class)
@WithTestResource(FakeOpenAi.class)
class LoadSheddingTest extends TightLimitsTest {

    @Test
    void beyondConcurrencyAndQueueRequestsGetAnImmediate503() throws Exception {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("slow")).withFixedDelay(800)));
        int callers = 6;

        List<Response> responses = postDistinctConcurrently(callers);

        long answered = responses.stream().filter(r -> r.statusCode() == 200).count();
        List<Response> shed = responses.stream().filter(r -> r.statusCode() == 503).toList();
        assertEquals(TightLimits.MAX_CONCURRENCY + TightLimits.QUEUE_SIZE, answered);
        assertEquals(callers - answered, shed.size());
        shed.forEach(r -> {
            assertEquals("urn:article-summarizer:problem:llm-busy", r.jsonPath().getString("type"));
            assertTrue(Integer.parseInt(r.header("Retry-After")) > 0);
            assertTrue(r.time() < 700, "shed at once, not after waiting: " + r.time() + " ms");
        });
        assertEquals(answered, chatRequests(openAi).size());
    }

    @Test
    void theRequestDeadlineCutsRetriesShort() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("slow")).withFixedDelay(5_000)));

        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "deadline"))).post("/summarize");

        response.then().statusCode(504).body("detail", containsString("SUMMARIZER_REQUEST_TIMEOUT"));
        assertTrue(response.time() < 2500 + 1000, "answered near the 2.5 s deadline, took " + response.time() + " ms");
    }

    private static List<Response> postDistinctConcurrently(int callers) throws Exception {
        return ConcurrentPosts.post(IntStream.range(0, callers)
                .mapToObj(i -> Articles.uniqueDanish(Articles.SHORT_DANISH, "shed-" + i)).toList());
    }
}
