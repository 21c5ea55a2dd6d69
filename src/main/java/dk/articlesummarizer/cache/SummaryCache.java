package dk.articlesummarizer.cache;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dk.articlesummarizer.summary.Summary;

/**
 * Finished answers, bounded by their approximate size in bytes and by age, with in-flight loads shared.
 * <p>
 * Caffeine is used directly (through the quarkus-caffeine extension) rather than through quarkus-cache,
 * because quarkus-cache can bound a cache only by entry count, not by weight, and its annotations cannot
 * express "skip the read but write the fresh answer" ({@code Cache-Control: no-cache}).
 */
@ApplicationScoped
public class SummaryCache {

    private final AsyncCache<CacheKey, Summary> answers;

    public SummaryCache(CacheConfig config) {
        this.answers = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes().asLongValue())
                .weigher((CacheKey key, Summary summary) -> summary.approximateBytes())
                .expireAfterWrite(config.ttl())
                .buildAsync();
    }

    /**
     * Answers from the cache, or runs {@code loader} in the calling thread and caches its answer. Concurrent
     * calls for the same key while a load runs wait for that load and get its answer or its exception; a failed
     * load leaves nothing behind.
     */
    public Lookup getOrLoad(CacheKey key, Supplier<Summary> loader) {
        CompletableFuture<Summary> ours = new CompletableFuture<>();
        CompletableFuture<Summary> existing = answers.asMap().putIfAbsent(key, ours);
        if (existing != null) {
            return new Lookup(await(existing), true);
        }
        try {
            Summary loaded = loader.get();
            ours.complete(loaded);
            return new Lookup(loaded, false);
        } catch (RuntimeException | Error e) {
            answers.asMap().remove(key, ours);
            ours.completeExceptionally(e);
            throw e;
        }
    }

    /** A finished answer, if one is cached; never waits for a load in flight. */
    public Optional<Summary> getIfReady(CacheKey key) {
        CompletableFuture<Summary> entry = answers.getIfPresent(key);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(entry.join());
    }

    /** Stores a fresh answer, replacing any cached one. */
    public void put(CacheKey key, Summary summary) {
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

    private static Summary await(CompletableFuture<Summary> pending) {
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
    public record Lookup(Summary summary, boolean hit) {
    }
}
