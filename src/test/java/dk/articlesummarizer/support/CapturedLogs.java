package dk.articlesummarizer.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log record (message, parameters and stack trace) while installed on the root logger. */
public final class CapturedLogs extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final java.util.Map<LogRecord, java.util.Map<String, Object>> mdc = new java.util.concurrent.ConcurrentHashMap<>();

    public static CapturedLogs install() {
        CapturedLogs logs = new CapturedLogs();
        logs.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(logs);
        return logs;
    }

    @Override
    public void publish(LogRecord record) {
        // The record's own logging context, copied when it was logged (a handler may publish it on another thread or
        // outside the request's Vert.x context); the thread's current one for records of other kinds.
        mdc.put(record, record instanceof org.jboss.logmanager.ExtLogRecord ext
                ? new java.util.HashMap<>(ext.getMdcCopy())
                : new java.util.HashMap<>(org.jboss.logging.MDC.getMap()));
        records.add(record);
    }

    /** The full text of every record at {@code minimum} or above, formatted, with stack traces. */
    public String textAtOrAbove(Level minimum) {
        StringBuilder text = new StringBuilder();
        for (LogRecord record : records) {
            if (record.getLevel().intValue() < minimum.intValue()) {
                continue;
            }
            text.append(record.getLevel()).append(' ').append(record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(" | ").append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The values of an MDC key on the records of some loggers (JBoss LogManager records carry the MDC). */
    public java.util.Set<String> mdcValues(String key, String loggerPrefix) {
        java.util.Set<String> values = new java.util.HashSet<>();
        for (LogRecord record : records) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith(loggerPrefix)) {
                values.add(String.valueOf(mdc.getOrDefault(record, java.util.Map.of()).get(key)));
            }
        }
        return values;
    }

    public int count() {
        return records.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
