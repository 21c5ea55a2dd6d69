package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How long one caller's LLM work may take, and whether the caller still wants it. It travels with the work (a
 * request, a batch article, a job, a stream, a long article's passages): the admission point waits no longer than
 * it, no attempt or retry starts once it has passed or been cancelled, and cancelling it (the caller left, or gave
 * up at the deadline) wakes whatever waits for a turn on its behalf.
 */
public final class Deadline {

    private final long endNanos;
    private final Duration limit;
    private final String setting;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    private Deadline(Duration limit, String setting) {
        this.limit = limit;
        this.setting = setting;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    /** @param setting the variable that sets this limit, named in the caller's 504 */
    public static Deadline after(Duration limit, String setting) {
        return new Deadline(limit, setting);
    }

    /** The limit this deadline was set with, for messages. */
    public Duration limit() {
        return limit;
    }

    /** The variable that sets this limit, for messages. */
    public String setting() {
        return setting;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** Whether the work should stop: the time is up, or the caller is gone. */
    public boolean expired() {
        return cancelled || endNanos - System.nanoTime() <= 0;
    }

    /** Whether the caller has gone (left, or given up at the deadline). */
    public boolean cancelled() {
        return cancelled;
    }

    /** The caller no longer waits: nothing more starts for it, and its waits for a turn end now. */
    public void cancel() {
        cancelled = true;
        onCancel.forEach(Runnable::run);
    }

    /** Runs {@code action} when this deadline is cancelled (at once if it already is) until the result is closed. */
    Registration whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> onCancel.remove(action);
    }

    /** Ends a {@link #whenCancelled} registration. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
