package com.capidemo.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record of the running service (any logger, any level), kept as one line each: logger, level, the
 * formatted message and its exception chain. {@link #start()} before the requests, {@link #stop()} after.
 */
public final class LogCapture extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public LogCapture start() {
        lines.clear();
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
        return this;
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    /** Forgets the lines captured so far. */
    public void clear() {
        lines.clear();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord r) {
        StringBuilder line = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " ");
        line.append(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
