package dk.articlesummarizer.resilience;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Small limits, so that breaker, bulkhead and deadline can be exercised in a second or two. */
public class TightLimits implements QuarkusTestProfile {

    static final int MAX_CONCURRENCY = 2;
    static final int QUEUE_SIZE = 1;
    static final int BREAKER_WINDOW = 4;
    static final int MAX_ATTEMPTS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "llm.timeout", "1s",
                "llm.max-attempts", String.valueOf(MAX_ATTEMPTS),
                "summarizer.request-timeout", "2500ms",
                "llm.max-concurrency", String.valueOf(MAX_CONCURRENCY),
                "llm.queue-size", String.valueOf(QUEUE_SIZE),
                "llm.circuit-breaker.window", String.valueOf(BREAKER_WINDOW),
                "llm.circuit-breaker.failure-ratio", "0.5",
                "llm.circuit-breaker.delay", "1s");
    }
}
