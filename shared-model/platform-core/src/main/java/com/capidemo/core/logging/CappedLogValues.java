package com.capidemo.core.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Caps what a log line repeats of user-supplied values, for every service (quarkus.log.console.filter=capped-values):
 * each text parameter and MDC value at {@value #MAX_VALUE} characters and a message at {@value #MAX_MESSAGE}, so a
 * megabyte id in a request is logged as its first characters and its length, never in full.
 */
@LoggingFilter(name = "capped-values")
public final class CappedLogValues implements Filter {

    public static final int MAX_VALUE = 256;
    public static final int MAX_MESSAGE = 4096;

    @Override
    public boolean isLoggable(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            Object[] capped = null;
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof CharSequence text && text.length() > MAX_VALUE) {
                    if (capped == null) {
                        capped = parameters.clone();
                    }
                    capped[i] = cap(text.toString(), MAX_VALUE);
                }
            }
            if (capped != null) {
                record.setParameters(capped);
            }
        }
        String message = record.getMessage();
        if (message != null && message.length() > MAX_MESSAGE) {
            record.setMessage(cap(message, MAX_MESSAGE));
        }
        if (record instanceof ExtLogRecord ext) {
            for (Map.Entry<String, String> e : ext.getMdcCopy().entrySet()) {
                if (e.getValue() != null && e.getValue().length() > MAX_VALUE) {
                    ext.putMdc(e.getKey(), cap(e.getValue(), MAX_VALUE));
                }
            }
        }
        return true;
    }

    /** The first {@code max} characters and how long the value really was. */
    public static String cap(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "…(" + value.length() + " chars)";
    }
}
