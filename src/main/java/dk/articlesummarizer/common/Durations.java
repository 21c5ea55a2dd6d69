package dk.articlesummarizer.common;

import java.time.Duration;
import java.util.Locale;

/** Durations as problem details and logs show them: {@code 60s}, {@code 2m20s}, {@code 1.5s}. */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
