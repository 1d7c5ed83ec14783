package com.capidemo.core.messaging;

/**
 * The headers Cloud Tasks puts on an HTTP task request (and the local task dispatcher sends the same way): the
 * contract between the custom-job queue and the worker, whichever adapter delivers it.
 */
public final class CloudTasksHeaders {

    public static final String QUEUE = "X-CloudTasks-QueueName";
    public static final String TASK = "X-CloudTasks-TaskName";
    public static final String RETRY_COUNT = "X-CloudTasks-TaskRetryCount";
    public static final String EXECUTION_COUNT = "X-CloudTasks-TaskExecutionCount";

    private CloudTasksHeaders() {}
}
