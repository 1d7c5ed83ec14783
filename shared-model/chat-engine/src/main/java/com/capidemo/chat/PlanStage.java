package com.capidemo.chat;

import java.util.Optional;

/**
 * One step of turning a reading of a question into a plan. Each stage reads and completes the {@link PlanDraft} and
 * answers why the reading cannot be planned, or nothing when it may go on to the next stage.
 */
interface PlanStage {

    Optional<String> apply(PlanDraft draft);
}
