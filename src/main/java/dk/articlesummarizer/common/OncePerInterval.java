package dk.articlesummarizer.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Lets one of many like events through per interval, with the count of those held back since, so that a flood of
 * refusals writes one log line every half minute instead of one per request (metrics count each one).
 */
public final class OncePerInterval {

    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(System.nanoTime());
    private final AtomicLong heldBack = new AtomicLong();

    public OncePerInterval(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Calls {@code report} with the number of events held back before this one, if this one's turn has come. */
    public void event(LongConsumer report) {
        long now = System.nanoTime();
        long due = next.get();
        if (now - due >= 0 && next.compareAndSet(due, now + intervalNanos)) {
            report.accept(heldBack.getAndSet(0));
        } else {
            heldBack.incrementAndGet();
        }
    }
}
