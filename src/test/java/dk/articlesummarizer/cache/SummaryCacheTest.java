package dk.articlesummarizer.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

class SummaryCacheTest {

    private static SummaryCache cacheOf(long maxBytes) {
        CacheConfig config = new SmallRyeConfigBuilder().withMapping(CacheConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValue("summarizer.cache.max-bytes", Long.toString(maxBytes))
                .build().getConfigMapping(CacheConfig.class);
        return new SummaryCache(config, new SharedStore(Optional.empty(), null, new SimpleMeterRegistry(), null),
                new SimpleMeterRegistry());
    }

    private static CachedAnswer summaryOfChars(int chars) {
        return new CachedAnswer(("{\"translation\":\"" + "x".repeat(chars) + "\"}").getBytes());
    }

    private static CacheKey key(int i) {
        return CacheKey.of("article " + i, "", "model", "v1");
    }

    @Test
    void secondLookupIsAHitWithoutLoading() {
        SummaryCache cache = cacheOf(1_000_000);
        AtomicInteger loads = new AtomicInteger();

        cache.getOrLoad(key(1), () -> {
            loads.incrementAndGet();
            return summaryOfChars(10);
        });
        CoalescingCache.Lookup<CachedAnswer> second = cache.getOrLoad(key(1), () -> {
            loads.incrementAndGet();
            return summaryOfChars(10);
        });

        assertTrue(second.hit());
        assertEquals(1, loads.get());
    }

    @Test
    void totalSizeStaysWithinTheByteBound() {
        long bound = 200_000;
        SummaryCache cache = cacheOf(bound);
        CachedAnswer tenKilobytes = summaryOfChars(5_000);
        int entries = 500;

        for (int i = 0; i < entries; i++) {
            cache.getOrLoad(key(i), () -> tenKilobytes);
        }
        cache.cleanUp();

        long held = cache.estimatedSize() * tenKilobytes.approximateBytes();
        assertTrue(held <= bound, "cache holds ~" + held + " bytes, bound is " + bound);
        assertTrue(cache.estimatedSize() > 0);
    }

    @Test
    void failedLoadLeavesNothingAndTheNextLookupLoadsAgain() {
        SummaryCache cache = cacheOf(1_000_000);

        assertThrows(IllegalStateException.class, () -> cache.getOrLoad(key(1), () -> {
            throw new IllegalStateException("provider down");
        }));
        CoalescingCache.Lookup<CachedAnswer> retry = cache.getOrLoad(key(1), () -> summaryOfChars(3));

        assertFalse(retry.hit());
        assertEquals(1, cache.estimatedSize());
    }

    @Test
    void keyDependsOnEveryComponent() {
        CacheKey base = CacheKey.of("text", "title", "model", "v1");
        assertEquals(base, CacheKey.of("text", "title", "model", "v1"));
        assertNotEquals(base, CacheKey.of("text2", "title", "model", "v1"));
        assertNotEquals(base, CacheKey.of("text", "title2", "model", "v1"));
        assertNotEquals(base, CacheKey.of("text", "title", "model2", "v1"));
        assertNotEquals(base, CacheKey.of("text", "title", "model", "v2"));
        // Field boundaries matter: moving characters between fields changes the key.
        assertNotEquals(CacheKey.of("ab", "c", "m", "v"), CacheKey.of("a", "bc", "m", "v"));
    }
}
