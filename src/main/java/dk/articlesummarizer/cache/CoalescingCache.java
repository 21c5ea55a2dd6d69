package dk.articlesummarizer.cache;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final Deadline.Registration NOTHING = () -> {
    };

    private final AsyncCache<CacheKey, V> answers;
    private final Map<CacheKey, Waiters> inFlight = new ConcurrentHashMap<>();
    private final SharedStore store;
    private final Codec<V> codec;
    private final Duration ttl;
    private final Counter hits;
    private final Counter misses;
    private final Counter shared;
    private final Counter sharedHits;
    private final Counter sharedMisses;

    /**
     * @param name the {@code cache} tag of this cache's metrics: lookups by result (hit, miss, shared: waited for
     *            a load in flight), evictions by cause, entries and approximate bytes
     */
    CoalescingCache(String name, long maxBytes, Duration ttl, ToIntFunction<V> weigher, SharedStore store,
            Codec<V> codec, MeterRegistry metrics) {
        this.store = store;
        this.codec = codec;
        this.ttl = ttl;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((CacheKey key, V value) -> weigher.applyAsInt(value))
                .expireAfterWrite(ttl)
                .evictionListener((CacheKey key, V value, RemovalCause cause) -> metrics
                        .counter("summarizer.cache.evictions", "cache", name, "cause",
                                cause.name().toLowerCase(Locale.ROOT))
                        .increment())
                .buildAsync();
        this.hits = metrics.counter("summarizer.cache.lookups", "cache", name, "result", "hit");
        this.misses = metrics.counter("summarizer.cache.lookups", "cache", name, "result", "miss");
        this.shared = metrics.counter("summarizer.cache.lookups", "cache", name, "result", "shared");
        this.sharedHits = metrics.counter("summarizer.cache.shared.lookups", "cache", name, "result", "hit");
        this.sharedMisses = metrics.counter("summarizer.cache.shared.lookups", "cache", name, "result", "miss");
        Gauge.builder("summarizer.cache.entries", answers, cache -> cache.synchronous().estimatedSize())
                .tag("cache", name).register(metrics);
        Gauge.builder("summarizer.cache.bytes", answers,
                cache -> cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L))
                .tag("cache", name).baseUnit("bytes").register(metrics);
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
            try (Deadline.Registration member = Waiters.join(waiters, caller);
                    Deadline.Registration leave = caller.map(Deadline::interruptWhenCancelled).orElse(NOTHING)) {
                return new Lookup<>(await(existing), true);
            }
        }
        misses.increment();
        Deadline load = caller.map(Deadline::copy).orElse(null);
        Waiters waiters = new Waiters(load, new AtomicInteger());
        inFlight.put(key, waiters);
        try (Deadline.Registration member = Waiters.join(waiters, caller)) {
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
    private record Waiters(Deadline load, AtomicInteger count) {

        /** A caller's wait, interrupted when it leaves; without a load to share (or a caller), nothing to count. */
        static Deadline.Registration join(Waiters waiters, Optional<Deadline> caller) {
            if (waiters == null || waiters.load == null || caller.isEmpty()) {
                return NOTHING;
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
            Optional<SharedStore.Lease> lease = store.tryLease(codec.kind(), key.sha256(), LEASE_TTL);
            if (lease.isPresent()) {
                try (SharedStore.Lease held = lease.get()) {
                    V made = loader.get();
                    store.put(codec.kind(), key.sha256(), codec.encode().apply(made), ttl);
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
            } while (store.leased(codec.kind(), key.sha256()));
        }
    }

    private Optional<V> fromShared(CacheKey key) {
        Optional<V> stored = store.lookUp(codec.kind(), key.sha256()).value().flatMap(codec.decode());
        (stored.isPresent() ? sharedHits : sharedMisses).increment();
        return stored;
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
            store.put(codec.kind(), key.sha256(), codec.encode().apply(summary), ttl);
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
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Shared LLM call failed", e.getCause());
        }
    }

    /** An answer and whether it came from the cache (stored, or shared with a load already running). */
    public record Lookup<V>(V value, boolean hit) {
    }

    /** How one cache's values are written to the shared tier, under their kind; unreadable bytes are empty. */
    record Codec<V>(String kind, Function<V, byte[]> encode, Function<byte[], Optional<V>> decode) {

        /** A record as JSON; bytes that do not read as one are no value. */
        static <V> Codec<V> json(String kind, ObjectMapper json, Class<V> type) {
            return new Codec<>(kind, value -> {
                try {
                    return json.writeValueAsBytes(value);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("A cached record always serializes", e);
                }
            }, stored -> {
                try {
                    return Optional.of(json.readValue(stored, type));
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            });
        }
    }
}
