package dk.articlesummarizer.cache;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Translations of single passages of long articles, so that an updated article re-translates only what changed.
 */
@Singleton
public class ChunkCache extends CoalescingCache<TranslatedPassage> {

    public ChunkCache(CacheConfig config, MeterRegistry metrics) {
        super("passages", config.chunkMaxBytes().asLongValue(), config.ttl(), TranslatedPassage::approximateBytes, metrics);
    }
}
