package com.capidemo.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.pipeline.PipelineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** One taxonomy for every worker: what retrying cannot fix fails at once, the rest is retried. */
class FailureKindTest {

    @Test
    void badInputDefinitionsAndStatesThatRecurArePermanent() {
        assertThat(FailureKind.of(new PermanentJobFailure("unknown template 'x'")))
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(new PipelineException("unknown step type"))).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(new IllegalArgumentException("query failed"))).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(new IllegalStateException("only 2 golden queries")))
                .isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void ioStoreAndTransportFailuresAndExplicitlyRetryableOnesAreRetried() {
        assertThat(FailureKind.of(new UncheckedIOException(new IOException("disk full"))))
                .isEqualTo(FailureKind.RETRYABLE);
        assertThat(FailureKind.of(new RuntimeException("socket reset"))).isEqualTo(FailureKind.RETRYABLE);
        assertThat(FailureKind.of(new RetryableJobFailure("table t has 3 rows, expected 4")))
                .isEqualTo(FailureKind.RETRYABLE);
        assertThat(FailureKind.isPermanent(new RetryableJobFailure("short", new IllegalStateException("x"))))
                .isFalse();
    }
}
