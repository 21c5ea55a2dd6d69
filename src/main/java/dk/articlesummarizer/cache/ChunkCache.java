package dk.articlesummarizer.cache;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Translations of single passages of long articles (and digests of their parts), so that an updated article
 * re-translates only what changed.
 */
@Singleton
public class ChunkCache extends CoalescingCache<TranslatedPassage> {

    public ChunkCache(CacheConfig config, SharedStore store, ObjectMapper json, MeterRegistry metrics) {
        super("passages", config.chunkMaxBytes().asLongValue(), config.ttl(), TranslatedPassage::approximateBytes,
                store, Codec.json("passage", json, TranslatedPassage.class), metrics);
    }
}
