package com.capidemo.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class CappedLogValuesTest {

    @Test
    void aMegabyteIdIsLoggedAsItsFirstCharactersAndItsLength() {
        String huge = "j".repeat(1_000_000);
        ExtLogRecord record = new ExtLogRecord(
                Level.WARNING,
                "task for unknown job %s dropped",
                ExtLogRecord.FormatStyle.PRINTF,
                CappedLogValuesTest.class.getName());
        record.setParameters(new Object[] {huge, 42});
        record.putMdc("job_id", huge);
        assertThat(new CappedLogValues().isLoggable(record)).isTrue();
        String logged = (String) record.getParameters()[0];
        assertThat(logged)
                .startsWith("j".repeat(CappedLogValues.MAX_VALUE))
                .endsWith("…(1000000 chars)")
                .hasSizeLessThan(300);
        assertThat(record.getParameters()[1]).isEqualTo(42);
        assertThat(record.getMdc("job_id")).hasSizeLessThan(300);
        assertThat(record.getFormattedMessage()).hasSizeLessThan(400);
    }

    @Test
    void aHugeMessageIsCapped() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "x".repeat(100_000), CappedLogValuesTest.class.getName());
        new CappedLogValues().isLoggable(record);
        assertThat(record.getMessage()).hasSizeLessThan(CappedLogValues.MAX_MESSAGE + 30);
    }
}
