package dk.articlesummarizer.cache;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

/** Finished answers for whole articles, as the bytes a hit sends. */
@Singleton
public class SummaryCache extends CoalescingCache<CachedAnswer> {

    public SummaryCache(CacheConfig config, SharedStore store, MeterRegistry metrics) {
        super("summaries", config.maxBytes().asLongValue(), config.ttl(), CachedAnswer::approximateBytes, store,
                new Codec<>("answer", CachedAnswer::json, stored -> Optional.of(new CachedAnswer(stored))), metrics);
    }
}
