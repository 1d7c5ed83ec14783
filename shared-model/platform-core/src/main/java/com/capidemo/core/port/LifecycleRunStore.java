package com.capidemo.core.port;

import com.capidemo.core.domain.LifecycleRun;
import java.util.List;

/** The record of lifecycle runs ({@code lifecycle_runs}): one row or document per cleanup, warnings or metrics run. */
public interface LifecycleRunStore {

    void record(LifecycleRun run);

    /** The most recent runs, newest first. */
    List<LifecycleRun> recent(int limit);
}
