package com.capidemo.core.worker;

import java.util.Map;

/** What a worker's job work produced: the job's result and the log line of its completing write. */
public record Completion(Map<String, Object> result, String note) {}
