package dk.articlesummarizer.resilience;

import static org.awaitility.Awaitility.await;
import static dk.articlesummarizer.resilience.ProviderFaultTest.assertProblem;
import static dk.articlesummarizer.resilience.ProviderFaultTest.summarize;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
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
        assertProblem(summarize("breaker-1"), 502, "llm-failed");
        // The window of 4 calls fills during this request's retries, and the breaker opens under it.
        assertProblem(summarize("breaker-2"), 503, "llm-circuit-open");
        int callsWhileClosed = chatRequests(openAi).size();
        assertEquals(TightLimits.BREAKER_WINDOW, callsWhileClosed);

        assertProblem(summarize("breaker-3"), 503, "llm-circuit-open").header("Retry-After", "1");
        assertEquals(callsWhileClosed, chatRequests(openAi).size(), "an open breaker calls nobody");

        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("recovered"))));
        int status = await().atMost(Duration.ofSeconds(10)).until(() -> summarize("breaker-probe").extract().statusCode(),
                code -> code == 200);
        assertEquals(200, status, "after the delay a probe call goes through and closes the breaker");
        summarize("breaker-after").statusCode(200);
        assertTrue(chatRequests(openAi).size() > callsWhileClosed);
    }
}
