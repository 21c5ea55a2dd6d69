package dk.articlesummarizer.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import dk.articlesummarizer.llm.Deadline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;


/**
 * Values bounded by their approximate size in bytes and by age, with in-flight loads shared; in front of the
 * replicas' shared tier ({@link SharedStore}, Redis) when one is configured.
 * <p>
 * A local miss asks the shared tier; a miss there takes the key's lease, so that one replica makes the value while
 * the others wait for it in the shared tier (polling with backoff) and take over if the lease ends without one.
 * <p>
 * Caffeine is used directly (through the quarkus-caffeine extension) rather than through quarkus-cache,
 * because quarkus-cache can bound a cache only by entry count, not by weight, and its annotations cannot
 * express "skip the read but write the fresh answer" ({@code Cache-Control: no-cache}).
 */
public class CoalescingCache<V> {

    /** How long a lease outlives a replica that died holding it; renewed while its holder works. */
    private static final Duration LEASE_TTL = Duration.ofSeconds(10);
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long LONGEST_POLL_MILLIS = 250;

    private final AsyncCache<CacheKey, V> answers;
    private final Counter hits;
    private final Counter misses;
    private final Counter shared;
    private final SharedStore store;
    private final Codec<V> codec;
    private final Duration ttl;
    private final Counter sharedHits;
    private final Counter sharedMisses;
    private final Map<CacheKey, Waiters> inFlight = new ConcurrentHashMap<>();

    /**
     * @param name the {@code cache} tag of this cache's metrics: lookups by result (hit, miss, shared: waited for
     *            a load in flight), evictions by cause, entries and approximate bytes
     */
    protected CoalescingCache(String name, long maxBytes, Duration ttl, ToIntFunction<V> weigher,
            SharedStore store, Codec<V> codec, MeterRegistry metrics) {
        this.store = store;
        this.codec = codec;
        this.ttl = ttl;
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
        this.sharedHits = metrics.counter("summarizer.cache.shared.lookups", "cache", name, "result", "hit");
        this.sharedMisses = metrics.counter("summarizer.cache.shared.lookups", "cache", name, "result", "miss");
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
        return getOrLoad(key, Optional.empty(), load -> loader.get());
    }

    /**
     * As {@link #getOrLoad(CacheKey, Supplier)}, for callers that may leave: the load runs on a deadline of its own
     * (the first caller's time, patience and payer), which is cancelled only when no caller waits for it any more.
     * A caller that leaves, the first one too, stops waiting at once and never fails the others.
     */
    public Lookup<V> getOrLoad(CacheKey key, Deadline caller, Function<Deadline, V> loader) {
        return getOrLoad(key, Optional.of(caller), loader);
    }

    private Lookup<V> getOrLoad(CacheKey key, Optional<Deadline> caller, Function<Deadline, V> loader) {
        CompletableFuture<V> ours = new CompletableFuture<>();
        CompletableFuture<V> existing = answers.asMap().putIfAbsent(key, ours);
        if (existing != null) {
            (existing.isDone() ? hits : shared).increment();
            Waiters waiters = existing.isDone() ? null : inFlight.get(key);
            try (Waiters.Membership member = Waiters.join(waiters, caller);
                    Deadline.Registration leave = caller.map(Deadline::interruptWhenCancelled).orElse(() -> {
                    })) {
                return new Lookup<>(await(existing), true);
            }
        }
        misses.increment();
        Deadline load = caller.map(Deadline::copy).orElse(null);
        Waiters waiters = new Waiters(load);
        inFlight.put(key, waiters);
        try (Waiters.Membership member = Waiters.join(waiters, caller)) {
            Lookup<V> loaded = store.enabled() ? loadShared(key, () -> loader.apply(load))
                    : new Lookup<>(loader.apply(load), false);
            ours.complete(loaded.value());
            return loaded;
        } catch (RuntimeException | Error e) {
            answers.asMap().remove(key, ours);
            ours.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, waiters);
        }
    }

    /** The callers waiting for one load; the last to leave cancels it. */
    private static final class Waiters {

        private final Deadline load;
        private final AtomicInteger count = new AtomicInteger();

        Waiters(Deadline load) {
            this.load = load;
        }

        /** A caller's wait, interrupted when it leaves; without a load to share (or a caller), nothing to count. */
        static Membership join(Waiters waiters, Optional<Deadline> caller) {
            if (waiters == null || waiters.load == null || caller.isEmpty()) {
                return () -> {
                };
            }
            waiters.count.incrementAndGet();
            AtomicBoolean left = new AtomicBoolean();
            Runnable leave = () -> {
                if (left.compareAndSet(false, true) && waiters.count.decrementAndGet() == 0) {
                    waiters.load.cancel();
                }
            };
            Deadline.Registration onLeave = caller.get().whenCancelled(leave);
            return () -> {
                onLeave.close();
                if (left.compareAndSet(false, true)) {
                    waiters.count.decrementAndGet();
                }
            };
        }

        interface Membership extends AutoCloseable {
            @Override
            void close();
        }
    }

    /**
     * The value made by one replica for all: from the shared tier, or made here under the key's lease, or waited
     * for while another replica holds the lease.
     */
    private Lookup<V> loadShared(CacheKey key, Supplier<V> loader) {
        long poll = FIRST_POLL_MILLIS;
        while (true) {
            Optional<V> stored = fromShared(key);
            if (stored.isPresent()) {
                return new Lookup<>(stored.get(), true);
            }
            Optional<SharedStore.Lease> lease = store.tryLease(kind(), key.sha256(), LEASE_TTL);
            if (lease.isPresent()) {
                try (SharedStore.Lease held = lease.get()) {
                    V made = loader.get();
                    store.put(kind(), key.sha256(), codec.encode(made), ttl);
                    return new Lookup<>(made, false);
                }
            }
            do {
                pause(poll);
                poll = Math.min(LONGEST_POLL_MILLIS, poll * 2);
                stored = fromShared(key);
                if (stored.isPresent()) {
                    return new Lookup<>(stored.get(), true);
                }
            } while (store.leased(kind(), key.sha256()));
        }
    }

    private Optional<V> fromShared(CacheKey key) {
        Optional<V> stored = store.get(kind(), key.sha256()).flatMap(codec::decode);
        (stored.isPresent() ? sharedHits : sharedMisses).increment();
        return stored;
    }

    private String kind() {
        return codec.kind();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for another replica's LLM call");
        }
    }

    /**
     * A finished answer, if one is cached here; never waits for a load in flight, and never asks the shared tier:
     * that is {@link #getOrLoad}'s first step, taken by one caller per key and replica while the others wait here.
     */
    public Optional<V> getIfReady(CacheKey key) {
        CompletableFuture<V> entry = answers.getIfPresent(key);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.join());
    }

    /**
     * A finished answer cached here or, with replicas, in the shared tier (blocking); never waits for a load in
     * flight. For the rare caller that must know before it would load: one whose budget is spent.
     */
    public Optional<V> getStored(CacheKey key) {
        Optional<V> here = getIfReady(key);
        return here.isPresent() || !store.enabled() ? here : fromShared(key);
    }

    /** Stores a fresh answer, here and in the shared tier, replacing any cached one. */
    public void put(CacheKey key, V summary) {
        answers.put(key, CompletableFuture.completedFuture(summary));
        if (store.enabled()) {
            store.put(kind(), key.sha256(), codec.encode(summary), ttl);
        }
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

    /** How values of one cache are written to the shared tier, under their kind; a value that cannot be read is empty. */
    public interface Codec<V> {

        String kind();

        byte[] encode(V value);

        Optional<V> decode(byte[] stored);
    }
}
