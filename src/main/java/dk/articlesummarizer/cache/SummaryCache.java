package dk.articlesummarizer.cache;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

import dk.articlesummarizer.summary.Summary;

/** Finished answers for whole articles. */
@Singleton
public class SummaryCache extends CoalescingCache<Summary> {

    public SummaryCache(CacheConfig config, MeterRegistry metrics) {
        super("summaries", config.maxBytes().asLongValue(), config.ttl(), Summary::approximateBytes, metrics);
    }
}
