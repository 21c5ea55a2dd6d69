package dk.articlesummarizer.language;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work that starts on a pool after a delay, or at once on the first thread that waits for it, whichever comes
 * first; it runs once.
 */
final class DeferredWork<T> extends CompletableFuture<T> {

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final Supplier<T> work;

    private DeferredWork(Supplier<T> work) {
        this.work = work;
    }

    static <T> CompletableFuture<T> start(Supplier<T> work, Duration delay, Executor pool) {
        DeferredWork<T> deferred = new DeferredWork<>(work);
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, pool).execute(deferred::runOnce);
        return deferred;
    }

    @Override
    public T join() {
        runOnce();
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        runOnce();
        return super.get();
    }

    private void runOnce() {
        if (claimed.compareAndSet(false, true)) {
            try {
                complete(work.get());
            } catch (RuntimeException | Error e) {
                completeExceptionally(e);
            }
        }
    }
}
