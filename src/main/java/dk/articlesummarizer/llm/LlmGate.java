package dk.articlesummarizer.llm;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dk.articlesummarizer.common.Durations;
import dk.articlesummarizer.common.OncePerInterval;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The one admission point in front of one model of the chain (each model has its own): every call to it, whatever
 * path it comes from (a request, a batch article, a job, a long article's passage or digest, a stream), takes a
 * turn here. At most {@code LLM_MAX_CONCURRENCY} calls are in flight; up to {@code LLM_QUEUE_SIZE} more wait for a
 * turn, each no longer than its own deadline, and one whose caller left never starts; beyond that a call is refused
 * at once (503 llm-busy), except a job's, which was accepted to wait. Transient faults are retried here with backoff;
 * the circuit breaker counts an article's call once, after its retries, and only faults that say something about the
 * provider. Both are SmallRye Fault Tolerance's programmatic API, so that every limit comes from run-time
 * configuration.
 * <p>
 * A subject (an article, a passage) whose call failed in the last ten minutes counts for the breaker once: a few
 * articles that always fail, re-sent in a loop, must not close the provider for every other article.
 * <p>
 * The limit is a semaphore rather than SmallRye Fault Tolerance's bulkhead because a waiting call must give up at
 * its own deadline or when its caller leaves, and a stream must hold its turn for as long as it streams; the
 * bulkhead can do neither.
 */
public final class LlmGate {

    /** The primary model's breaker; a fallback's is {@code llm-fallback-<n>}. */
    static final String BREAKER = "llm-provider";
    private static final Logger LOG = Logger.getLogger(LlmGate.class);

    private final LlmConfig config;
    private final Semaphore turns;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int limit;
    private final int queueSize;
    private final String breakerName;
    private final String model;
    private final String settings;
    private final Guard breaker;
    private final CircuitBreakerMaintenance breakers;
    private final MeterRegistry metrics;
    private final Counter accepted;
    private final OncePerInterval refusalLog = new OncePerInterval(Duration.ofSeconds(30));
    /** Subjects (articles, passages) whose call failed lately: their next failures do not count for the breaker. */
    private final Cache<String, Boolean> recentlyFailed = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();

    /**
     * @param breakerName the breaker's name, unique in the process
     * @param settings the prefix of the model's environment variables, named in details
     */
    LlmGate(String breakerName, String model, String settings, int limit, int queueSize, LlmConfig config,
            CircuitBreakerMaintenance breakers, MeterRegistry metrics) {
        this.config = config;
        this.breakerName = breakerName;
        this.model = model;
        this.settings = settings;
        this.limit = Math.max(1, limit);
        this.queueSize = Math.max(0, queueSize);
        this.turns = new Semaphore(this.limit, true);
        this.breakers = breakers;
        this.metrics = metrics;
        this.accepted = metrics.counter("summarizer.llm.admissions", "model", model, "result", "accepted");
        this.breaker = Guard.create()
                .withDescription(breakerName)
                .withCircuitBreaker()
                    .name(breakerName)
                    .requestVolumeThreshold(config.circuitBreaker().window())
                    .failureRatio(config.circuitBreaker().failureRatio())
                    .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .when(failure -> failure instanceof ProviderFault fault && fault.countsAgainstProvider())
                    .done()
                .build();
        int turnsInAll = this.limit;
        Gauge.builder("summarizer.llm.in.flight", turns, free -> turnsInAll - free.availablePermits())
                .tag("model", model).register(metrics);
        Gauge.builder("summarizer.llm.waiting", waiting, AtomicInteger::get).tag("model", model).register(metrics);
    }

    /** Calls in flight at once at most. */
    public int limit() {
        return limit;
    }

    /**
     * One LLM call behind the breaker, which counts it once, after its retries. Each attempt takes a turn of its own
     * (a retry's backoff holds none) and asks the caller's budget first, so that calls racing one budget stop once
     * it is spent, whatever they waited for.
     */
    public <T> T call(Deadline deadline, String subject, Callable<T> attempt) throws Exception {
        refuseIfOpen();
        @SuppressWarnings("unchecked")
        Class<T> any = (Class<T>) Object.class;
        return breaker.call(() -> {
            try {
                return retries(deadline).call(() -> {
                    try (Turn turn = enter(deadline)) {
                        deadline.payer().refuseIfSpent();
                        return attempt.call();
                    }
                }, any);
            } catch (ProviderFault fault) {
                throw recentlyFailed.asMap().putIfAbsent(subject, Boolean.TRUE) == null ? fault : fault.repeated();
            }
        }, any);
    }

    /** Retries of transient faults; a retry waits no longer than the deadline leaves, and none starts after it. */
    private Guard retries(Deadline deadline) {
        return Guard.create()
                .withDescription("llm-provider-retries")
                .withRetry()
                    .maxRetries(config.maxAttempts() - 1)
                    .delay(config.backoff().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    // The deadline bounds the whole sequence; this only must not cut it shorter.
                    .maxDuration(1, ChronoUnit.DAYS)
                    .whenException(failure -> failure instanceof ProviderFault fault && fault.retryable()
                            && fault.retryAfter().map(wait -> wait.compareTo(config.maxBackoff()) <= 0).orElse(true)
                            && !deadline.expired())
                    .withCustomBackoff()
                        .strategy(() -> {
                            AtomicInteger retries = new AtomicInteger();
                            return cause -> backoffMillis(retries.getAndIncrement(), cause, deadline);
                        })
                        .done()
                    .done()
                .build();
    }

    /**
     * Exponential backoff with "equal jitter" (half fixed, half random, so retries of many callers spread out), that
     * waits at least as long as the provider's Retry-After, and never past the caller's deadline.
     */
    private long backoffMillis(int retry, Throwable cause, Deadline deadline) {
        long baseMillis = Math.max(1, config.backoff().toMillis());
        long maxMillis = Math.max(baseMillis, config.maxBackoff().toMillis());
        long exponential = Math.min(maxMillis, baseMillis << Math.min(retry, 20));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        long requested = cause instanceof ProviderFault fault
                ? fault.retryAfter().map(Duration::toMillis).orElse(0L)
                : 0L;
        return Math.min(deadline.remaining().toMillis(), Math.min(maxMillis, Math.max(jittered, requested)));
    }

    /**
     * A turn to be held while the caller talks to the provider (a stream holds it until the stream ends): refused at
     * once when the breaker is open or too many wait, after the deadline if none came free by then.
     */
    public Turn enter(Deadline deadline) {
        refuseIfOpen();
        if (deadline.expired()) {
            throw refused("expired", expired(deadline));
        }
        // A fair semaphore's tryAcquire() barges past waiting calls; the first in line goes first.
        if (turns.hasQueuedThreads() || !turns.tryAcquire()) {
            waitForTurn(deadline);
        }
        accepted.increment();
        return new Turn();
    }

    private void refuseIfOpen() {
        if (breakers.currentState(breakerName) == CircuitBreakerState.OPEN) {
            throw refused("circuit-open", new ProblemException(ProblemType.LLM_CIRCUIT_OPEN, "Calls to the model "
                    + model + " are paused after repeated failures. Retry after the indicated delay.",
                    config.circuitBreaker().delay(), null));
        }
    }

    private void waitForTurn(Deadline deadline) {
        if (waiting.incrementAndGet() > queueSize && !deadline.isPatient()) {
            waiting.decrementAndGet();
            throw refused("busy", new ProblemException(ProblemType.LLM_BUSY, "All " + limit + " calls to the model "
                    + model + " are in use and " + queueSize + " more wait (" + settings + "MAX_CONCURRENCY, "
                    + settings + "QUEUE_SIZE). Retry after the indicated delay.",
                    ProviderFailures.DEFAULT_RETRY_AFTER, null));
        }
        boolean acquired = false;
        try (Deadline.Registration wake = deadline.interruptWhenCancelled()) {
            acquired = turns.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // The caller left or gave up: the interrupt was ours, and it ends here.
        } finally {
            waiting.decrementAndGet();
        }
        if (!acquired || deadline.expired()) {
            if (acquired) {
                turns.release();
            }
            throw refused("expired", expired(deadline));
        }
    }

    private ProblemException expired(Deadline deadline) {
        return new ProblemException(ProblemType.LLM_TIMEOUT, "The deadline of " + Durations.human(deadline.limit())
                + " (" + deadline.setting() + ") passed, or the caller left, while the call waited for a turn at the"
                + " model " + model + " (" + settings + "MAX_CONCURRENCY). Retrying later may help.");
    }

    private ProblemException refused(String reason, ProblemException problem) {
        metrics.counter("summarizer.llm.admissions", "model", model, "result", reason).increment();
        refusalLog.event(heldBack -> LOG.warnf("LLM calls refused: %s (%d more refusals of any kind in the last"
                + " interval; see summarizer_llm_admissions_total)", problem.type().title(), heldBack));
        return problem;
    }

    /** A turn at the provider; closing it (once, from any thread) lets the next waiting call go. */
    public final class Turn implements AutoCloseable {

        private final AtomicBoolean open = new AtomicBoolean(true);

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                turns.release();
            }
        }
    }
}
