package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {

    @Test
    void backoffDoublesFromTheMinimumAndStopsAtTheMaximum() {
        Duration min = Duration.ofSeconds(10);
        Duration max = Duration.ofSeconds(600);
        assertThat(OutboxDispatcher.backoff(1, min, max)).isEqualTo(Duration.ofSeconds(10));
        assertThat(OutboxDispatcher.backoff(2, min, max)).isEqualTo(Duration.ofSeconds(20));
        assertThat(OutboxDispatcher.backoff(4, min, max)).isEqualTo(Duration.ofSeconds(80));
        assertThat(OutboxDispatcher.backoff(7, min, max)).isEqualTo(Duration.ofSeconds(600));
        assertThat(OutboxDispatcher.backoff(60, min, max)).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void onlyPubSubAckCodesAcknowledge() {
        assertThat(OutboxDispatcher.isAck(200)).isTrue();
        assertThat(OutboxDispatcher.isAck(204)).isTrue();
        assertThat(OutboxDispatcher.isAck(102)).isTrue();
        assertThat(OutboxDispatcher.isAck(400)).isFalse();
        assertThat(OutboxDispatcher.isAck(503)).isFalse();
        assertThat(OutboxDispatcher.isAck(302)).isFalse();
    }
}
