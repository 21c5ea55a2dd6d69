package dk.articlesummarizer.cache;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

/** Finished answers for whole articles, as the bytes a hit sends. */
@Singleton
public class SummaryCache extends CoalescingCache<CachedAnswer> {

    public SummaryCache(CacheConfig config, SharedStore store, MeterRegistry metrics) {
        super("summaries", config.maxBytes().asLongValue(), config.ttl(), CachedAnswer::approximateBytes, store,
                new Codec<>() {
                    @Override
                    public String kind() {
                        return "answer";
                    }

                    @Override
                    public byte[] encode(CachedAnswer answer) {
                        return answer.json();
                    }

                    @Override
                    public Optional<CachedAnswer> decode(byte[] stored) {
                        return Optional.of(new CachedAnswer(stored));
                    }
                }, metrics);
    }
}
