package com.capidemo.core.port;

/** A job's exclusive key (e.g. a pipeline id) is held by another job that has not finished. */
public class DuplicateJobException extends RuntimeException {

    private final String exclusiveKey;
    private final String activeJobId;

    public DuplicateJobException(String exclusiveKey, String activeJobId) {
        super("'" + exclusiveKey + "' is already running as " + activeJobId);
        this.exclusiveKey = exclusiveKey;
        this.activeJobId = activeJobId;
    }

    public String exclusiveKey() {
        return exclusiveKey;
    }

    /** The unfinished job holding the key; null when the store could not tell. */
    public String activeJobId() {
        return activeJobId;
    }
}
