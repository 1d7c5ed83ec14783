package com.capidemo.core.port;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Job;

/**
 * The custom-job queue (Cloud Tasks, or the local task table and dispatcher that behaves like it): records the
 * demo (null for a pipeline run) and the job, and enqueues one HTTP task that runs the job on custom-provisioner.
 * The task's name is derived from the job id, so an enqueue that is retried can never create a second task.
 */
public interface TaskQueue {

    /**
     * @throws DuplicateJobException when the job carries an exclusive key (a pipeline id) that an unfinished job
     *                               already holds; nothing is stored then
     */
    void submit(Demo demo, Job job, TaskRequest task);
}
