package dk.articlesummarizer.resilience;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.FakeOpenAi;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** What the tests under {@link TightLimits} share: the fake provider and a closed breaker before each test. */
abstract class TightLimitsTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void resetProviderAndBreaker() {
        openAi.resetAll();
        breakers.resetAll();
    }
}
