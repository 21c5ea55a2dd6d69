package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How long one caller's LLM work may take, whether the caller still wants it, and who pays for it. It travels with
 * the work (a request, a batch article, a job, a stream, a long article's passages): the admission point waits no
 * longer than it, no attempt or retry starts once it has passed or been cancelled, and cancelling it (the caller
 * left, or gave up at the deadline) wakes whatever waits for a turn on its behalf and interrupts a call in flight.
 */
public final class Deadline {

    private final long endNanos;
    private final Duration limit;
    private final String setting;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile boolean patient;
    private volatile Payer payer = Payer.NOBODY;

    private Deadline(Duration limit, String setting, long endNanos) {
        this.limit = limit;
        this.setting = setting;
        this.endNanos = endNanos;
    }

    /** @param setting the variable that sets this limit, named in the caller's 504 */
    public static Deadline after(Duration limit, String setting) {
        return new Deadline(limit, setting, System.nanoTime() + limit.toNanos());
    }

    /**
     * Work that was accepted to answer later (a job): it waits for a turn as long as its deadline allows, however
     * many wait, instead of being refused when the queue of waiting calls is full.
     */
    public Deadline patient() {
        patient = true;
        return this;
    }

    /** Whose budget this work spends. */
    public Deadline paidBy(Payer who) {
        payer = who;
        return this;
    }

    /** A deadline of its own for work this caller starts for others too: the same time left, patience and payer. */
    public Deadline copy() {
        Deadline copy = new Deadline(limit, setting, endNanos);
        copy.patient = patient;
        copy.payer = payer;
        return copy;
    }

    boolean isPatient() {
        return patient;
    }

    Payer payer() {
        return payer;
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

    /** The caller no longer waits: nothing more starts for it, and its waits and calls in flight end now. */
    public void cancel() {
        cancelled = true;
        onCancel.forEach(Runnable::run);
    }

    /** Runs {@code action} when this deadline is cancelled (at once if it already is) until the result is closed. */
    public Registration whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> onCancel.remove(action);
    }

    /**
     * Interrupts the calling thread if this deadline is cancelled before the result is closed: a wait for a turn
     * ends, and a blocking provider call stops (its client aborts the exchange). Closing it clears an interrupt
     * that was ours, so the thread goes back to its pool clean.
     */
    public Registration interruptWhenCancelled() {
        Interrupter interrupter = new Interrupter(Thread.currentThread());
        Registration registration = whenCancelled(interrupter::interrupt);
        return () -> {
            registration.close();
            interrupter.done();
        };
    }

    /** Ends a {@link #whenCancelled} registration. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Who pays for LLM work: asked when a call takes its turn, charged when a model answers. */
    public interface Payer {

        Payer NOBODY = new Payer() {
        };

        /** Throws the caller's problem (429) when its budget is spent. */
        default void refuseIfSpent() {
        }

        default void spend(Usage usage) {
        }
    }

    /** A thread interrupted only while it still does the work it was registered for. */
    private static final class Interrupter {

        private final Thread thread;
        private boolean working = true;

        Interrupter(Thread thread) {
            this.thread = thread;
        }

        synchronized void interrupt() {
            if (working) {
                thread.interrupt();
            }
        }

        synchronized void done() {
            working = false;
            Thread.interrupted();
        }
    }
}
