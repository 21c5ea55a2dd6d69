package dk.articlesummarizer.access;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dk.articlesummarizer.cache.SharedStore;

/**
 * Counts requests per client in fixed one-minute windows. The counts live in a Caffeine cache bounded by
 * {@code SUMMARIZER_RATE_LIMIT_MAX_CLIENTS} and dropped two minutes after a client's last request, so memory stays
 * bounded however many distinct clients come by. (A fixed window is a dozen lines; a token-bucket library would
 * add a dependency for a smoother curve nobody asked for.)
 * <p>
 * With a shared tier (Redis) the counts live there, so that all replicas enforce one limit; while Redis cannot be
 * asked, each replica counts for itself.
 */
@Singleton
public class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final int perMinute;
    private final Cache<String, Window> windows;
    private final SharedStore store;

    public RateLimiter(AccessConfig config, SharedStore store) {
        this.store = store;
        this.perMinute = config.rateLimit().perMinute();
        this.windows = Caffeine.newBuilder()
                .maximumSize(config.rateLimit().maxClients())
                .expireAfterAccess(Duration.ofMillis(2 * WINDOW_MILLIS))
                .build();
    }

    public boolean enabled() {
        return perMinute > 0;
    }

    /** Whether counts live in Redis, so that counting is a blocking call. */
    public boolean shared() {
        return store.enabled();
    }

    public Decision tryAcquire(String client) {
        return tryAcquire(client, 1);
    }

    /** Counts {@code requests} more for the client (a batch counts its articles). */
    public Decision tryAcquire(String client, int requests) {
        long now = System.currentTimeMillis();
        long windowStart = now - now % WINDOW_MILLIS;
        long used = store.count(client + " in the minute from " + windowStart, requests,
                Duration.ofMillis(2 * WINDOW_MILLIS)).orElseGet(() -> localCount(client, windowStart, requests));
        long resetSeconds = Math.max(1, (windowStart + WINDOW_MILLIS - now + 999) / 1000);
        return new Decision(used <= perMinute, perMinute, (int) Math.max(0, perMinute - used), resetSeconds);
    }

    private long localCount(String client, long windowStart, int requests) {
        Window window = windows.asMap().compute(client, (key, current) -> current == null
                || current.start() != windowStart ? new Window(windowStart, new AtomicInteger()) : current);
        return window.count().addAndGet(requests);
    }

    /** Clients currently tracked (after pending evictions ran). */
    public long trackedClients() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    private record Window(long start, AtomicInteger count) {
    }
}
