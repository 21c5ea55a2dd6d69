package dk.articlesummarizer.cache;

import java.util.Optional;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers which answer a request body (as raw bytes, with its media type) stands for, so that a repeated body is
 * answered from the cache without being decoded, normalized and keyed again: on a cache hit those steps are most
 * of the work, and they grow with the article. Only a SHA-256 per body is kept; the answers stay in the
 * {@link SummaryCache}, whose bounds and expiry still decide what is cached.
 */
@Singleton
public class RequestBodyIndex {

    /** About 150 bytes an entry: a few MB at most. */
    static final int MAX_ENTRIES = 50_000;

    private final Cache<CacheKey, CacheKey> answerKeys;

    public RequestBodyIndex(CacheConfig config) {
        this.answerKeys = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(config.ttl()).build();
    }

    public Optional<CacheKey> answerKeyFor(CacheKey body) {
        return Optional.ofNullable(answerKeys.getIfPresent(body));
    }

    public void remember(CacheKey body, CacheKey answer) {
        answerKeys.put(body, answer);
    }
}
