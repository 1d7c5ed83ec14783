package com.capidemo.core.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedSecretWorkerAuthenticatorTest {

    @Test
    void theConfiguredSecretIsRequired() {
        SharedSecretWorkerAuthenticator auth = new SharedSecretWorkerAuthenticator("s3cret");
        assertThatCode(() -> auth.verify(null, "s3cret")).doesNotThrowAnyException();
        assertThatThrownBy(() -> auth.verify(null, "wrong")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> auth.verify(null, null)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> auth.verify("Bearer s3cret", null)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void withoutASecretEveryRequestIsAccepted() {
        assertThatCode(() -> new SharedSecretWorkerAuthenticator(null).verify(null, null))
                .doesNotThrowAnyException();
    }
}
