package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * Exponential backoff with "equal jitter" (half fixed, half random, so retries of many callers spread out), that
 * waits at least as long as the provider's Retry-After, and never past the caller's deadline (the attempt after it
 * then does not start). One instance per guarded call: it counts the retries.
 */
final class ProviderBackoff implements CustomBackoffStrategy {

    private final long baseMillis;
    private final long maxMillis;
    private final Deadline deadline;
    private int retries;

    ProviderBackoff(Duration base, Duration max, Deadline deadline) {
        this.deadline = deadline;
        this.baseMillis = Math.max(1, base.toMillis());
        this.maxMillis = Math.max(baseMillis, max.toMillis());
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long exponential = Math.min(maxMillis, baseMillis << Math.min(retries++, 20));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        long requested = cause instanceof ProviderFault fault
                ? fault.retryAfter().map(Duration::toMillis).orElse(0L)
                : 0L;
        return Math.min(deadline.remaining().toMillis(), Math.min(maxMillis, Math.max(jittered, requested)));
    }
}
