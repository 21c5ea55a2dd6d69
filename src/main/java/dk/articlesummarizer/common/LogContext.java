package dk.articlesummarizer.common;

import java.util.Map;
import java.util.concurrent.Callable;

import org.jboss.logging.MDC;

/** Work handed to a thread of our own keeps the request's log context (request id, caller) while it runs. */
public final class LogContext {

    private LogContext() {
    }

    /** {@code work} with the calling thread's log context, captured now, set while it runs and cleared after. */
    public static <T> Callable<T> carried(Callable<T> work) {
        Map<String, Object> context = MDC.getMap();
        return () -> {
            context.forEach(MDC::put);
            try {
                return work.call();
            } finally {
                MDC.clear();
            }
        };
    }
}
