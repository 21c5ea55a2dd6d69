package dk.articlesummarizer.resilience;

import static org.awaitility.Awaitility.await;
import static dk.articlesummarizer.resilience.ProviderFaultTest.assertProblem;
import static dk.articlesummarizer.resilience.ProviderFaultTest.summarize;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;


import org.junit.jupiter.api.Test;


import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TightLimits.class)
@WithTestResource(FakeOpenAi.class)
class CircuitBreakerTest extends TightLimitsTest {

    @Test
    void opensAfterRepeatedFailuresAnswersAtOnceAndClosesAfterAProbeSucceeds() {
        openAi.stubFor(chatCompletion().willReturn(providerError(500)));
        // Each failing article counts once, after its retries: the window of 4 fills with the fourth article.
        for (int article = 1; article <= TightLimits.BREAKER_WINDOW; article++) {
            assertProblem(summarize("breaker-" + article), 502, "llm-failed");
        }
        int callsWhileClosed = chatRequests(openAi).size();
        assertEquals(TightLimits.BREAKER_WINDOW * TightLimits.MAX_ATTEMPTS, callsWhileClosed);

        assertProblem(summarize("breaker-open"), 503, "llm-circuit-open").header("Retry-After", "1");
        assertEquals(callsWhileClosed, chatRequests(openAi).size(), "an open breaker calls nobody");

        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("recovered"))));
        int status = await().atMost(Duration.ofSeconds(10)).until(() -> summarize("breaker-probe").extract().statusCode(),
                code -> code == 200);
        assertEquals(200, status, "after the delay a probe call goes through and closes the breaker");
        summarize("breaker-after").statusCode(200);
        assertTrue(chatRequests(openAi).size() > callsWhileClosed);
    }

    @Test
    void fewerFailingArticlesThanTheRatioLeaveHealthyArticlesAnswered() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("healthy"))));
        summarize("healthy-1").statusCode(200);
        summarize("healthy-2").statusCode(200);
        summarize("healthy-3").statusCode(200);
        openAi.stubFor(chatCompletion().willReturn(providerError(500)));
        // Three attempts each would have filled the window of 4 with failures; one count per article does not.
        assertProblem(summarize("failing-1"), 502, "llm-failed");

        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("healthy"))));
        summarize("healthy-4").statusCode(200);
    }

    @Test
    void anArticleThatFailsInALoopNeverClosesTheProviderForOtherArticles() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("healthy"))));
        openAi.stubFor(chatCompletion().withRequestBody(containing("always-failing")).atPriority(1)
                .willReturn(providerError(500)));
        for (int round = 1; round <= 2 * TightLimits.BREAKER_WINDOW; round++) {
            summarize("looping-healthy-" + round).statusCode(200);
            assertProblem(summarize("always-failing"), 502, "llm-failed");
        }
        summarize("after-the-loop").statusCode(200);
    }

    @Test
    void answersThatFailOurChecksNeverOpenTheBreaker() {
        openAi.stubFor(chatCompletion().willReturn(completion("I cannot help with that.", "stop", 10, 5)));
        for (int article = 1; article <= TightLimits.BREAKER_WINDOW; article++) {
            assertProblem(summarize("unusable-" + article), 502, "llm-unusable-answer");
        }

        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("healthy"))));
        summarize("after-unusable").statusCode(200);
    }
}
