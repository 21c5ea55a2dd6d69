package dk.articlesummarizer.replicas;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dk.articlesummarizer.common.Sha256;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;

/**
 * The tier that replicas share: Redis, when {@code quarkus.redis.hosts} is set; otherwise off, and every method
 * answers as if Redis had nothing. Redis is an optimisation here, never a dependency: each operation is bounded by
 * {@code quarkus.redis.timeout}, and a failure makes the callers carry on alone (their own cache, their own calls)
 * while Redis is left alone for a second; one WARN per half minute says so, and an INFO when Redis answers again.
 * (A hand-written pause rather than a SmallRye circuit breaker, because each operation has its own "Redis had
 * nothing" answer and the log must stay quiet while Redis is down.)
 */
@Singleton
public class SharedStore {

    private static final Logger LOG = Logger.getLogger(SharedStore.class);
    /** Namespaced and versioned: a change of the value format changes the prefix. */
    static final String PREFIX = "article-summarizer:v1:";
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 1_000;
    private static final long WARN_EVERY_MILLIS = 30_000;
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then"
            + " return redis.call('del', KEYS[1]) else return 0 end";
    private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then"
            + " return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private static final String COUNT = "local n = redis.call('incrby', KEYS[1], ARGV[2])"
            + " if n == tonumber(ARGV[2]) then redis.call('pexpire', KEYS[1], ARGV[1]) end return n";

    private final RedisDataSource redis;
    private final String hosts;
    private final Counter errors;
    private final Vertx vertx;
    private final AtomicLong pausedUntil = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();
    private volatile boolean failing;

    public SharedStore(@ConfigProperty(name = "quarkus.redis.hosts") Optional<String> hosts,
            Instance<RedisDataSource> redis, MeterRegistry metrics, Vertx vertx) {
        this.hosts = hosts.map(SharedStore::withoutCredentials).orElse(null);
        this.redis = hosts.isPresent() ? redis.get() : null;
        this.errors = metrics.counter("summarizer.redis.errors");
        this.vertx = vertx;
    }

    public boolean enabled() {
        return redis != null;
    }

    /** For readiness: off, up (the last operation worked) or down. */
    public String state() {
        return !enabled() ? "off" : failing ? "down" : "up";
    }

    /** Redis's address as configured, without a password. */
    public Optional<String> hosts() {
        return Optional.ofNullable(hosts);
    }

    /** Asks Redis whether it answers (for readiness), so that a recovery is seen without traffic. */
    public void ping() {
        attempt(() -> redis.execute("PING"), null);
    }

    /** Opens the first connection at start-up, so that the first requests do not pay for it. */
    void connectEarly(@Observes StartupEvent start) {
        if (enabled()) {
            ping();
        }
    }


    /** A stored value, checked: a torn, foreign or missing value is empty. */
    public Optional<byte[]> get(String kind, String key) {
        String name = PREFIX + kind + ":" + key;
        return attempt(() -> Optional.ofNullable(redis.value(byte[].class).get(name)), Optional.<byte[]>empty())
                .flatMap(stored -> SharedValue.open(name, stored));
    }

    /** Stores a value whole (one SET), with its TTL. */
    public void put(String kind, String key, byte[] payload, Duration ttl) {
        String name = PREFIX + kind + ":" + key;
        attempt(() -> {
            redis.value(byte[].class).set(name, SharedValue.seal(name, payload), new SetArgs().px(ttl));
            return null;
        }, null);
    }

    /**
     * The right to make the value of {@code key}: held by one caller across all replicas, renewed while held, and
     * lost when its holder dies ({@code ttl} later). Empty when another replica holds it; a lease that Redis could
     * not be asked about is granted, so a Redis fault never stops a call.
     */
    public Optional<Lease> tryLease(String kind, String key, Duration ttl) {
        if (!available()) {
            return Optional.of(Lease.LOCAL);
        }
        String name = PREFIX + "lease:" + kind + ":" + key;
        String token = UUID.randomUUID().toString();
        Optional<Boolean> taken = Optional.ofNullable(attempt(() -> Boolean.valueOf(redis.execute("SET", name, token,
                "NX", "PX", Long.toString(ttl.toMillis())) != null), null));
        if (taken.isEmpty()) {
            return Optional.of(Lease.LOCAL);
        }
        if (!taken.get()) {
            return Optional.empty();
        }
        // A Vert.x timer; the blocking command itself runs on a worker, as blocking calls must.
        long renewal = vertx.setPeriodic(Math.max(1, ttl.toMillis() / 3), timer -> vertx.executeBlocking(
                () -> attempt(() -> redis.execute("EVAL", RENEW, "1", name, token, Long.toString(ttl.toMillis())),
                        null), false));
        return Optional.of(new Lease(() -> {
            vertx.cancelTimer(renewal);
            attempt(() -> redis.execute("EVAL", RELEASE, "1", name, token), null);
        }));
    }

    /** Whether some replica holds the lease of {@code key}; false when Redis cannot say. */
    public boolean leased(String kind, String key) {
        String name = PREFIX + "lease:" + kind + ":" + key;
        return Boolean.TRUE.equals(attempt(() -> Boolean.valueOf(redis.key().exists(name)), Boolean.FALSE));
    }

    /** Whether Redis says that no replica holds the lease of {@code key}; false when Redis cannot say. */
    public boolean knownUnleased(String kind, String key) {
        String name = PREFIX + "lease:" + kind + ":" + key;
        return Boolean.FALSE.equals(attempt(() -> Boolean.valueOf(redis.key().exists(name)), null));
    }

    /**
     * Adds {@code events} to the count of {@code window} (a key that expires after {@code ttl}) and returns the new
     * count; empty when Redis cannot.
     */
    public Optional<Long> count(String window, int events, Duration ttl) {
        String name = PREFIX + "count:" + HexFormat.of().formatHex(Sha256.of(window), 0, 16);
        return Optional.ofNullable(attempt(() -> {
            Response count = redis.execute("EVAL", COUNT, "1", name, Long.toString(ttl.toMillis()),
                    Integer.toString(events));
            return count.toLong();
        }, null));
    }

    private boolean available() {
        // Blocking calls never run on an event loop; Quarkus REST runs our filters and resources on workers.
        return enabled() && System.currentTimeMillis() >= pausedUntil.get() && !Context.isOnEventLoopThread();
    }

    private <T> T attempt(Supplier<T> operation, T fallback) {
        if (!available()) {
            return fallback;
        }
        try {
            T result = operation.get();
            if (failing) {
                failing = false;
                LOG.infof("Redis at %s answers again; replicas share answers, leases and limits again", hosts);
            }
            return result;
        } catch (RuntimeException e) {
            errors.increment();
            failing = true;
            long now = System.currentTimeMillis();
            pausedUntil.set(now + PAUSE_AFTER_FAILURE_MILLIS);
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
                LOG.warnf("Redis at %s failed (%s); this replica carries on alone until it answers again",
                        hosts, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            return fallback;
        }
    }

    private static String withoutCredentials(String hosts) {
        return hosts.replaceAll("//[^@/]*@", "//");
    }

    /** A held lease; closing it releases it (only if still ours). */
    public static final class Lease implements AutoCloseable {

        /** Granted without Redis: nothing to release. */
        static final Lease LOCAL = new Lease(() -> {
        });

        private final Runnable release;

        private Lease(Runnable release) {
            this.release = release;
        }

        @Override
        public void close() {
            release.run();
        }
    }
}
