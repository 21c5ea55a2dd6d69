package dk.articlesummarizer.cache;

import jakarta.inject.Singleton;

import dk.articlesummarizer.summary.Summary;

/** Finished answers for whole articles. */
@Singleton
public class SummaryCache extends CoalescingCache<Summary> {

    public SummaryCache(CacheConfig config) {
        super(config.maxBytes().asLongValue(), config.ttl(), Summary::approximateBytes);
    }
}
