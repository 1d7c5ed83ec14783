package com.capidemo.core.port;

import com.capidemo.core.domain.Conversation;
import com.capidemo.core.domain.ConversationTurn;
import java.util.List;
import java.util.Optional;

/** Durable chat conversations and their turns. */
public interface ConversationStore {

    Conversation create(String tenantId, String demoId, String createdBy);

    Optional<Conversation> find(String conversationId);

    /** The turns of a conversation, oldest first (at most {@code limit}, the most recent ones). */
    List<ConversationTurn> turns(String conversationId, int limit);

    /**
     * Appends a turn, numbering it after the last one (concurrent appends get distinct numbers), and marks the
     * conversation updated. The {@code turn} and {@code createdAt} of the argument are ignored.
     */
    ConversationTurn append(ConversationTurn turn);
}
