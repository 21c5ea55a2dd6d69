package dk.articlesummarizer.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dk.articlesummarizer.common.Sha256;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;

/**
 * The tier that replicas share: Redis, when {@code quarkus.redis.hosts} is set; otherwise off, and every method
 * answers as if Redis had nothing. Redis is an optimisation here, never a dependency: each operation is bounded by
 * {@code quarkus.redis.timeout}, and a failure makes the callers carry on alone (their own cache, their own calls)
 * while Redis is left alone for a second. One WARN when Redis stops answering and one INFO when it answers again,
 * per outage. (A hand-written pause rather than a SmallRye circuit breaker, because each operation has its own
 * "Redis had nothing" answer and the log must stay quiet while Redis is down.)
 * <p>
 * Every replica beats once a second (a Redis script that notes the time on Redis's own clock), which tells this
 * replica at once when Redis stops or starts answering, and tells every replica whether Redis has answered without
 * a gap: a lease that ran out while Redis was paused (SIGSTOP, a stalled VM) ran out on Redis's clock while its
 * holder could not renew it, and is not a sign that its holder died.
 */
@Singleton
public class SharedStore {

    private static final Logger LOG = Logger.getLogger(SharedStore.class);
    /** Namespaced and versioned: a change of the value format changes the prefix. */
    static final String PREFIX = "article-summarizer:v1:";
    private static final String HEARTBEAT_KEY = PREFIX + "heartbeat";
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 1_000;
    private static final long BEAT_EVERY_MILLIS = 1_000;
    /** Longer than this without any replica's beat and Redis counts as having been away (paused or restarted). */
    private static final long BEAT_GAP_MILLIS = 3_000;
    private static final String NOW = "local t = redis.call('time') local now = t[1] * 1000 + math.floor(t[2] / 1000) ";
    /** Notes the beat; after a gap (or a Redis that lost its data) Redis has answered steadily only from now on. */
    private static final String BEAT = NOW + "local last = tonumber(redis.call('hget', KEYS[1], 'beat'))"
            + " if not last or now - last > tonumber(ARGV[1]) then redis.call('hset', KEYS[1], 'since', now) end"
            + " redis.call('hset', KEYS[1], 'beat', now) redis.call('pexpire', KEYS[1], ARGV[2]) return 1";
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then"
            + " return redis.call('del', KEYS[1]) else return 0 end";
    /** Renews the lease if it is ours, and takes it again if it ran out while Redis was away (nobody took it). */
    private static final String RENEW = "local holder = redis.call('get', KEYS[1])"
            + " if holder == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end"
            + " if not holder then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end return 0";
    private static final String COUNT = "local n = redis.call('incrby', KEYS[1], ARGV[2])"
            + " if n == tonumber(ARGV[2]) then redis.call('pexpire', KEYS[1], ARGV[1]) end return n";
    /** KEYS: end mark, value. The first end stands; writing the same end again is no conflict (a retry). */
    private static final String END = "local mark = redis.call('get', KEYS[1])"
            + " if mark then if mark == ARGV[3] then return 1 end return 2 end"
            + " redis.call('set', KEYS[1], ARGV[3], 'PX', ARGV[2]) redis.call('set', KEYS[2], ARGV[1], 'PX', ARGV[2])"
            + " return 1";
    /** KEYS: heartbeat, lease, end mark, value. Ends the value only if its lease truly expired (see the class). */
    private static final String END_IF_EXPIRED = NOW + "local beat = tonumber(redis.call('hget', KEYS[1], 'beat'))"
            + " local since = tonumber(redis.call('hget', KEYS[1], 'since'))"
            + " if not beat or not since or now - beat > tonumber(ARGV[4]) or now - since < tonumber(ARGV[5])"
            + " or redis.call('exists', KEYS[2]) == 1 then return 0 end"
            + " if redis.call('exists', KEYS[3]) == 1 then return 2 end"
            + " redis.call('set', KEYS[3], ARGV[3], 'PX', ARGV[2]) redis.call('set', KEYS[4], ARGV[1], 'PX', ARGV[2])"
            + " return 1";
    /** KEYS: end mark, value, lease. Writes the value unless ended, and holds (or takes again) its lease. */
    private static final String PUT_WHILE_LEASED = "if redis.call('exists', KEYS[1]) == 1 then return 0 end"
            + " redis.call('set', KEYS[2], ARGV[1], 'PX', ARGV[2]) local holder = redis.call('get', KEYS[3])"
            + " if holder == ARGV[3] then redis.call('pexpire', KEYS[3], ARGV[4])"
            + " elseif not holder then redis.call('set', KEYS[3], ARGV[3], 'PX', ARGV[4]) end return 1";

    private final RedisDataSource redis;
    private final String hosts;
    private final Counter errors;
    private final Vertx vertx;
    @Inject
    Event<Answered> answered;
    private final AtomicLong pausedUntil = new AtomicLong();
    private final AtomicReference<Health> health = new AtomicReference<>(new Health(true, System.nanoTime()));
    private final AtomicBoolean beating = new AtomicBoolean();
    private volatile long beatTimer = -1;

    public SharedStore(@ConfigProperty(name = "quarkus.redis.hosts") Optional<String> hosts,
            Instance<RedisDataSource> redis, MeterRegistry metrics, Vertx vertx) {
        this.hosts = hosts.map(SharedStore::withoutCredentials).orElse(null);
        this.redis = hosts.isPresent() ? redis.get() : null;
        this.errors = metrics.counter("summarizer.redis.errors");
        this.vertx = vertx;
    }

    /** Fired after each heartbeat that Redis answered: a moment to retry what could not be written before. */
    public record Answered() {
    }

    /** How a write of a value's end went. */
    public enum Ending {
        /** This is the value's end now (also when this same end had been written before). */
        WRITTEN,
        /** Another end was written first, and stands. */
        ENDED_BEFORE,
        /** Nothing was written: Redis did not answer, or (for another's lease) could not tell that it expired. */
        NOT_NOW
    }

    public boolean enabled() {
        return redis != null;
    }

    /** For readiness: off, up or down (since the first operation, heartbeat or other, that saw it change). */
    public String state() {
        return !enabled() ? "off" : health.get().up() ? "up" : "down";
    }

    /** Redis's address as configured, without a password. */
    public Optional<String> hosts() {
        return Optional.ofNullable(hosts);
    }

    /** Beats from start-up on; the first beat also opens the first connection, so requests do not pay for it. */
    void startBeating(@Observes StartupEvent start) {
        if (enabled()) {
            beat();
            beatTimer = vertx.setPeriodic(BEAT_EVERY_MILLIS, timer -> {
                // A Vert.x timer; the blocking command runs on a worker, and beats never pile up behind a stall.
                if (beating.compareAndSet(false, true)) {
                    try {
                        Infrastructure.getDefaultWorkerPool().execute(() -> {
                            try {
                                if (beat()) {
                                    answered.fire(new Answered());
                                }
                            } finally {
                                beating.set(false);
                            }
                        });
                    } catch (RejectedExecutionException shuttingDown) {
                        beating.set(false);
                    }
                }
            });
        }
    }

    void stopBeating(@Observes ShutdownEvent stop) {
        if (beatTimer >= 0) {
            vertx.cancelTimer(beatTimer);
        }
    }

    private boolean beat() {
        return eval(BEAT, 1, HEARTBEAT_KEY, Long.toString(BEAT_GAP_MILLIS),
                Long.toString(Duration.ofHours(1).toMillis())) != null;
    }

    /** A stored value, checked (a torn, foreign or missing value is empty), and whether Redis answered at all. */
    public record Lookup(boolean answered, Optional<byte[]> value) {
    }

    /** A stored value, saying whether Redis answered (if it did, empty means: no such value). */
    public Lookup lookUp(String kind, String key) {
        String name = name(kind, key);
        Optional<byte[]> stored = attempt(() -> Optional.ofNullable(redis.value(byte[].class).get(name)));
        return stored == null ? new Lookup(false, Optional.empty())
                : new Lookup(true, stored.flatMap(value -> SharedValue.open(name, value)));
    }

    /** Stores a value whole (one SET), with its TTL. */
    public void put(String kind, String key, byte[] payload, Duration ttl) {
        String name = name(kind, key);
        attempt(() -> {
            redis.value(byte[].class).set(name, SharedValue.seal(name, payload), new SetArgs().px(ttl));
            return null;
        });
    }

    /**
     * Stores a value whole unless its end has been written ({@link #end}), which is never overwritten, and in the
     * same step holds {@code lease} on it (taking it again if it ran out, or was never taken because Redis did not
     * answer): an unfinished value is never stored without its holder's lease, which {@link #endIfLeaseExpired}
     * would take for a dead holder.
     */
    public void putWhileLeased(String kind, String key, byte[] payload, Duration ttl, Lease lease) {
        if (!(lease instanceof RenewedLease held)) {
            return; // Lease.NONE with Redis on: taken on an event loop, where no command is sent either
        }
        String name = name(kind, key);
        eval(PUT_WHILE_LEASED, 3, endMark(kind, key), name, held.name, sealed(name, payload),
                Long.toString(ttl.toMillis()), held.token, held.ttlMillis);
    }

    /** Writes the last value of {@code key}, unless another end was written first (the first end stands). */
    public Ending end(String kind, String key, byte[] payload, Duration ttl) {
        String name = name(kind, key);
        return ending(eval(END, 2, endMark(kind, key), name, sealed(name, payload), Long.toString(ttl.toMillis()),
                digest(payload)));
    }

    /**
     * Writes the last value of {@code key} for a holder of its lease that died: only when no one holds the lease
     * and Redis has answered every replica's beats without a gap for at least a lease's {@code leaseTtl} (so that a
     * living holder, renewing three times per lease, would have renewed it), and no end was written first. Decided
     * in one script on Redis's clock; a Redis that does not answer decides nothing.
     */
    public Ending endIfLeaseExpired(String kind, String key, byte[] payload, Duration ttl, String leaseKind,
            Duration leaseTtl) {
        String name = name(kind, key);
        return ending(eval(END_IF_EXPIRED, 4, HEARTBEAT_KEY, leaseName(leaseKind, key), endMark(kind, key), name,
                sealed(name, payload), Long.toString(ttl.toMillis()), digest(payload), Long.toString(BEAT_GAP_MILLIS),
                Long.toString(leaseTtl.toMillis())));
    }

    /**
     * The right to make the value of {@code key}: held by one caller across all replicas, renewed while held (and
     * taken again if it ran out while Redis was away), and lost when its holder dies ({@code ttl} later). Empty when
     * another replica holds it; a lease that Redis could not be asked about is granted, and held as soon as Redis
     * answers, so a Redis fault never stops a call.
     */
    public Optional<Lease> tryLease(String kind, String key, Duration ttl) {
        // Blocking calls never run on an event loop; Quarkus REST runs our filters and resources on workers.
        if (!enabled() || Context.isOnEventLoopThread()) {
            return Optional.of(Lease.NONE);
        }
        String name = leaseName(kind, key);
        String token = UUID.randomUUID().toString();
        String millis = Long.toString(ttl.toMillis());
        Boolean taken = attempt(() -> redis.execute("SET", name, token, "NX", "PX", millis) != null);
        return Boolean.FALSE.equals(taken) ? Optional.empty() : Optional.of(new RenewedLease(name, token, ttl));
    }

    /** Whether some replica holds the lease of {@code key}; false when Redis cannot say. */
    public boolean leased(String kind, String key) {
        String name = leaseName(kind, key);
        return Boolean.TRUE.equals(attempt(() -> redis.key().exists(name)));
    }

    /**
     * Adds {@code events} to the count of {@code window} (a key that expires after {@code ttl}) and returns the new
     * count; empty when Redis cannot.
     */
    public Optional<Long> count(String window, int events, Duration ttl) {
        String name = PREFIX + "count:" + HexFormat.of().formatHex(Sha256.of(window), 0, 16);
        Response count = eval(COUNT, 1, name, Long.toString(ttl.toMillis()), Integer.toString(events));
        return Optional.ofNullable(count).map(Response::toLong);
    }

    /** Runs a Lua script: {@code keys} keys, then its arguments; null when Redis did not answer. */
    private Response eval(String script, int keys, String... keysAndArguments) {
        List<String> arguments = new ArrayList<>(List.of(script, Integer.toString(keys)));
        arguments.addAll(List.of(keysAndArguments));
        return attempt(() -> redis.execute("EVAL", arguments.toArray(String[]::new)));
    }

    /** What {@code operation} answers; null when Redis is off, paused after a failure, or fails now. */
    private <T> T attempt(Supplier<T> operation) {
        if (!enabled() || System.currentTimeMillis() < pausedUntil.get() || Context.isOnEventLoopThread()) {
            return null;
        }
        long started = System.nanoTime();
        try {
            T result = operation.get();
            seen(true, started, null);
            return result;
        } catch (RuntimeException e) {
            errors.increment();
            pausedUntil.set(System.currentTimeMillis() + PAUSE_AFTER_FAILURE_MILLIS);
            seen(false, started, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return null;
        }
    }

    /**
     * Logs a change between up and down once. An operation that began before the last change only tells what was
     * true then (a command sent before an outage and answered, or one sent during it and failing after it), so it
     * changes nothing: otherwise one outage would make several lines.
     */
    private void seen(boolean up, long started, String failure) {
        Health now = health.get();
        boolean changed = now.up() != up && started - now.since() >= 0
                && health.compareAndSet(now, new Health(up, System.nanoTime()));
        if (!changed) {
            return;
        }
        if (up) {
            LOG.infof("Redis at %s answers again; replicas share answers, leases and limits again", hosts);
        } else {
            LOG.warnf("Redis at %s failed (%s); this replica carries on alone until it answers again", hosts, failure);
        }
    }

    /** Up or down, since when (System.nanoTime()). */
    private record Health(boolean up, long since) {
    }

    private static String name(String kind, String key) {
        return PREFIX + kind + ":" + key;
    }

    private static String leaseName(String kind, String key) {
        return PREFIX + "lease:" + kind + ":" + key;
    }

    private static String endMark(String kind, String key) {
        return PREFIX + "end:" + kind + ":" + key;
    }

    /** The sealed value as a script argument; our payloads are UTF-8 (JSON), so this is the same bytes. */
    private static String sealed(String name, byte[] payload) {
        return new String(SharedValue.seal(name, payload), StandardCharsets.UTF_8);
    }

    private static String digest(byte[] payload) {
        return HexFormat.of().formatHex(Sha256.of(payload));
    }

    private static Ending ending(Response answer) {
        if (answer == null) {
            return Ending.NOT_NOW;
        }
        return switch (answer.toInteger()) {
            case 1 -> Ending.WRITTEN;
            case 2 -> Ending.ENDED_BEFORE;
            default -> Ending.NOT_NOW;
        };
    }

    private static String withoutCredentials(String hosts) {
        return hosts.replaceAll("//[^@/]*@", "//");
    }

    /** A held lease; closing it releases it (only if still ours). */
    public interface Lease extends AutoCloseable {

        /** Granted without Redis: nothing to renew or release. */
        Lease NONE = () -> {
        };

        @Override
        void close();
    }

    /** A lease in Redis, renewed every third of its TTL on a Vert.x timer (the command itself on a worker). */
    private final class RenewedLease implements Lease {

        private final String name;
        private final String token;
        private final String ttlMillis;
        private final long timer;
        private volatile boolean closed;

        RenewedLease(String name, String token, Duration ttl) {
            this.name = name;
            this.token = token;
            this.ttlMillis = Long.toString(ttl.toMillis());
            this.timer = vertx.setPeriodic(Math.max(1, ttl.toMillis() / 3),
                    id -> Infrastructure.getDefaultWorkerPool().execute(this::renew));
        }

        private void renew() {
            // A renewal that Redis takes after the release (sent before it, delayed by a stall) takes the lease
            // again for one TTL at most; the check keeps renewals that have not been sent yet from doing so.
            if (!closed) {
                eval(RENEW, 1, name, token, ttlMillis);
            }
        }

        @Override
        public void close() {
            closed = true;
            vertx.cancelTimer(timer);
            eval(RELEASE, 1, name, token);
        }
    }
}
