package com.capidemo.shared.port;

import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.domain.Job;
import java.util.Map;

/**
 * Accepts a new job for asynchronous processing: records the demo and the job and hands a message
 * to the worker's transport (Pub/Sub, or the local outbox that behaves like it). Nothing is
 * published for a job that was not stored, and no stored job is left without its message.
 */
public interface JobQueue {

    void submit(Demo demo, Job job, Map<String, String> attributes, byte[] data);
}
