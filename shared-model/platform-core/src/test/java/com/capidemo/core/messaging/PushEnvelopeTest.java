package com.capidemo.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PushEnvelopeTest {

    @Test
    void parsesWhatTheDispatcherBuilds() {
        Instant published = Instant.parse("2026-11-23T10:15:30.123Z");
        byte[] body = PushEnvelope.build(
                "42",
                published,
                Map.of("job_type", "quick"),
                "{\"job_id\":\"job_1\"}".getBytes(StandardCharsets.UTF_8),
                "projects/p/subscriptions/s",
                3);

        PushMessage m = PushEnvelope.parse(body);

        assertThat(m.messageId()).isEqualTo("42");
        assertThat(m.publishTime()).isEqualTo(published);
        assertThat(m.attributes()).containsEntry("job_type", "quick");
        assertThat(new String(m.data(), StandardCharsets.UTF_8)).isEqualTo("{\"job_id\":\"job_1\"}");
        assertThat(m.subscription()).isEqualTo("projects/p/subscriptions/s");
        assertThat(m.deliveryAttempt()).isEqualTo(3);
    }

    @Test
    void parsesAGoogleShapedEnvelopeWithoutAttributes() {
        String google = """
                {"message":{"data":"eyJqb2JfaWQiOiJqb2JfOSJ9","message_id":"2070443601311540",
                 "messageId":"2070443601311540","publish_time":"2021-02-26T19:13:55.749Z",
                 "publishTime":"2021-02-26T19:13:55.749Z"},
                 "subscription":"projects/demo-project/subscriptions/provision-jobs-push"}""";

        PushMessage m = PushEnvelope.parse(google.getBytes(StandardCharsets.UTF_8));

        assertThat(m.messageId()).isEqualTo("2070443601311540");
        assertThat(m.attributes()).isEmpty();
        assertThat(ProvisionMessage.fromBytes(m.data()).jobId()).isEqualTo("job_9");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|empty push body",
                "not json|not JSON",
                "[1,2]|not a JSON object",
                "{}|missing 'message'",
                "{\"message\":\"x\"}|missing 'message'",
                "{\"message\":{\"data\":\"e30=\"}}|messageId",
                "{\"message\":{\"messageId\":\"1\"}}|message.data",
                "{\"message\":{\"messageId\":\"1\",\"data\":\"%%%\"}}|not base64",
                "{\"message\":{\"messageId\":\"1\",\"data\":\"e30=\",\"attributes\":[1]}}|attributes",
                "{\"message\":{\"messageId\":\"1\",\"data\":\"e30=\",\"publishTime\":\"yesterday\"}}|publishTime"
            })
    void rejectsMalformedEnvelopesNamingTheProblem(String body, String expected) {
        assertThatThrownBy(() -> PushEnvelope.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void rejectsDataThatIsNotAProvisionMessage() {
        assertThatThrownBy(() -> ProvisionMessage.fromBytes("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelopeException.class)
                .hasMessageContaining("job_id");
        assertThatThrownBy(() -> ProvisionMessage.fromBytes("nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEnvelopeException.class);
    }
}
