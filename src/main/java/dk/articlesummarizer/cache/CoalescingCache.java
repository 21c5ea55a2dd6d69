package dk.articlesummarizer.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;


/**
 * Values bounded by their approximate size in bytes and by age, with in-flight loads shared.
 * <p>
 * Caffeine is used directly (through the quarkus-caffeine extension) rather than through quarkus-cache,
 * because quarkus-cache can bound a cache only by entry count, not by weight, and its annotations cannot
 * express "skip the read but write the fresh answer" ({@code Cache-Control: no-cache}).
 */
public class CoalescingCache<V> {

    private final AsyncCache<CacheKey, V> answers;
    private final Counter hits;
    private final Counter misses;
    private final Counter shared;

    /**
     * @param name the {@code cache} tag of this cache's metrics: lookups by result (hit, miss, shared: waited for
     *            a load in flight), evictions by cause, entries and approximate bytes
     */
    protected CoalescingCache(String name, long maxBytes, Duration ttl, ToIntFunction<V> weigher,
            MeterRegistry metrics) {
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((CacheKey key, V value) -> weigher.applyAsInt(value))
                .expireAfterWrite(ttl)
                .evictionListener((CacheKey key, V value, RemovalCause cause) -> metrics
                        .counter("summarizer.cache.evictions", "cache", name, "cause", cause.name().toLowerCase())
                        .increment())
                .buildAsync();
        this.hits = lookups(metrics, name, "hit");
        this.misses = lookups(metrics, name, "miss");
        this.shared = lookups(metrics, name, "shared");
        Gauge.builder("summarizer.cache.entries", answers, cache -> cache.synchronous().estimatedSize())
                .tag("cache", name).register(metrics);
        Gauge.builder("summarizer.cache.bytes", answers,
                cache -> cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L))
                .tag("cache", name).baseUnit("bytes").register(metrics);
    }

    private static Counter lookups(MeterRegistry metrics, String name, String result) {
        return metrics.counter("summarizer.cache.lookups", "cache", name, "result", result);
    }

    /**
     * Answers from the cache, or runs {@code loader} in the calling thread and caches its answer. Concurrent
     * calls for the same key while a load runs wait for that load and get its answer or its exception; a failed
     * load leaves nothing behind.
     */
    public Lookup<V> getOrLoad(CacheKey key, Supplier<V> loader) {
        CompletableFuture<V> ours = new CompletableFuture<>();
        CompletableFuture<V> existing = answers.asMap().putIfAbsent(key, ours);
        if (existing != null) {
            (existing.isDone() ? hits : shared).increment();
            return new Lookup<>(await(existing), true);
        }
        misses.increment();
        try {
            V loaded = loader.get();
            ours.complete(loaded);
            return new Lookup<>(loaded, false);
        } catch (RuntimeException | Error e) {
            answers.asMap().remove(key, ours);
            ours.completeExceptionally(e);
            throw e;
        }
    }

    /** A finished answer, if one is cached; never waits for a load in flight. */
    public Optional<V> getIfReady(CacheKey key) {
        CompletableFuture<V> entry = answers.getIfPresent(key);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.join());
    }

    /** Stores a fresh answer, replacing any cached one. */
    public void put(CacheKey key, V summary) {
        answers.put(key, CompletableFuture.completedFuture(summary));
    }

    public void invalidateAll() {
        answers.synchronous().invalidateAll();
    }

    /** Runs pending evictions now; Caffeine otherwise does so lazily. */
    public void cleanUp() {
        answers.synchronous().cleanUp();
    }

    public long estimatedSize() {
        return answers.synchronous().estimatedSize();
    }

    private static <V> V await(CompletableFuture<V> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for a shared LLM call");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Shared LLM call failed", cause);
        }
    }

    /** An answer and whether it came from the cache (stored, or shared with a load already running). */
    public record Lookup<V>(V value, boolean hit) {
    }
}
