package dk.articlesummarizer.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Asks again until the answer is the expected one or the deadline passes; never a blind sleep. */
public final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private Polling() {
    }

    public static <T> T until(Duration deadline, Supplier<T> probe, Predicate<T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = probe.get();
        while (!done.test(last) && System.nanoTime() < end) {
            LockSupport.parkNanos(INTERVAL.toNanos());
            last = probe.get();
        }
        return last;
    }
}
