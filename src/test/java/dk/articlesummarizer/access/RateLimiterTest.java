package dk.articlesummarizer.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dk.articlesummarizer.cache.SharedStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RateLimiterTest {

    private static final SharedStore OFF = new SharedStore(Optional.empty(), null, new SimpleMeterRegistry(), null);

    private static AccessConfig config(int perMinute, int maxClients) {
        return new AccessConfig() {
            @Override
            public Optional<List<String>> apiKeys() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> apiKeysFile() {
                return Optional.empty();
            }

            @Override
            public RateLimit rateLimit() {
                return new RateLimit() {
                    @Override
                    public int perMinute() {
                        return perMinute;
                    }

                    @Override
                    public int maxClients() {
                        return maxClients;
                    }
                };
            }

            @Override
            public Budget budget() {
                throw new UnsupportedOperationException("the rate limiter has no budget");
            }
        };
    }

    @Test
    void tenThousandDistinctClientsDoNotGrowTheStateBeyondItsBound() {
        RateLimiter limiter = new RateLimiter(config(5, 1_000), OFF);

        for (int i = 0; i < 10_000; i++) {
            assertTrue(limiter.tryAcquire("address 10.0." + (i / 256) + "." + (i % 256)).allowed());
        }

        assertTrue(limiter.trackedClients() <= 1_000, "tracked " + limiter.trackedClients());
    }

    @Test
    void eachClientHasItsOwnBudgetPerMinute() {
        RateLimiter limiter = new RateLimiter(config(2, 100), OFF);
        MinuteWindows.awaitRoomInTheCurrentMinute();

        assertTrue(limiter.tryAcquire("a").allowed());
        RateLimiter.Decision second = limiter.tryAcquire("a");
        assertTrue(second.allowed());
        assertEquals(0, second.remaining());
        RateLimiter.Decision third = limiter.tryAcquire("a");
        assertFalse(third.allowed());
        assertTrue(third.resetSeconds() >= 1 && third.resetSeconds() <= 60);
        assertTrue(limiter.tryAcquire("b").allowed());
    }
}
