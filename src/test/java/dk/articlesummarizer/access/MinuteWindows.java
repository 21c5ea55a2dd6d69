package dk.articlesummarizer.access;

import static org.awaitility.Awaitility.await;

import java.time.Duration;


/**
 * The rate limiter counts in windows aligned to the clock's minutes, so a test that counts requests must not
 * straddle a minute boundary: a new window in the middle would give it a fresh budget.
 */
final class MinuteWindows {

    private static final long ROOM_MILLIS = 10_000;

    private MinuteWindows() {
    }

    /** Returns once at least ten seconds of the current minute are left (at most a ten-second wait). */
    static void awaitRoomInTheCurrentMinute() {
        await().atMost(Duration.ofSeconds(15))
                .until(MinuteWindows::millisLeftInTheMinute, left -> left >= ROOM_MILLIS);
    }

    private static long millisLeftInTheMinute() {
        return 60_000 - System.currentTimeMillis() % 60_000;
    }
}
