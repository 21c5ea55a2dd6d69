package dk.articlesummarizer.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DeferredWorkTest {

    private final List<Thread> ranOn = new CopyOnWriteArrayList<>();
    private final Executor pool = task -> new Thread(task, "pool").start();

    private String work() {
        ranOn.add(Thread.currentThread());
        return "da";
    }

    @Test
    void startsOnThePoolAfterTheDelayWhenNobodyAsks() throws Exception {
        CompletableFuture<String> deferred = DeferredWork.start(this::work, Duration.ofMillis(1), pool);
        // Waits through a dependent stage, which does not claim the work the way join() and get() do.
        assertEquals("da", deferred.thenApply(code -> code).get(10, TimeUnit.SECONDS));
        assertEquals("pool", ranOn.get(0).getName());
        assertEquals("da", deferred.join());
        assertEquals(1, ranOn.size(), "the work runs once");
    }

    @Test
    void runsOnTheWaitingThreadWhenAskedBeforeTheDelay() throws Exception {
        CompletableFuture<String> deferred = DeferredWork.start(this::work, Duration.ofHours(1), pool);
        assertEquals("da", deferred.join());
        assertSame(Thread.currentThread(), ranOn.get(0));
        assertEquals("da", deferred.get());
        assertEquals(1, ranOn.size(), "the work runs once");
    }
}
