package com.capidemo.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.config.PlatformConfig;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WorkerAuthenticatorsTest {

    private static final Function<PlatformConfig.Oidc, WorkerAuthenticator> NO_OIDC = settings -> {
        throw new AssertionError("oidc not expected");
    };

    private static PlatformConfig.Worker auth(String mode) {
        return auth(mode, Optional.empty());
    }

    private static PlatformConfig.Worker auth(String mode, Optional<String> queryParameter) {
        return new PlatformConfig.Worker() {
            @Override
            public String auth() {
                return mode;
            }

            @Override
            public Optional<String> sharedSecret() {
                return Optional.of("s");
            }

            @Override
            public Optional<String> secretQueryParameter() {
                return queryParameter;
            }

            @Override
            public PlatformConfig.Oidc oidc() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void noAuthenticationIsRefusedOutsideTheEmulatorAndTests() {
        assertThatThrownBy(() -> WorkerAuthenticators.choose(auth("none"), false, NO_OIDC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only against the Pub/Sub emulator");
    }

    @Test
    void noAuthenticationAcceptsEmulatorPushesWithoutCredentials() {
        WorkerAuthenticator none = WorkerAuthenticators.choose(auth("none"), true, NO_OIDC);
        assertThat(none).isInstanceOf(NoWorkerAuthenticator.class);
        none.verify(null, null);
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> WorkerAuthenticators.choose(auth("secret"), true, NO_OIDC))
                .hasMessageContaining("shared-secret, oidc or none");
    }

    @Test
    void aSecretInTheQueryIsRefusedOutsideTheEmulators() {
        assertThatThrownBy(() -> WorkerAuthenticators.checkSecretQueryParameter(
                        auth("shared-secret", Optional.of("worker_secret")), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.worker.secret-query-parameter")
                .hasMessageContaining("only against the emulators");
    }

    @Test
    void aSecretInTheQueryNeedsSharedSecretAuthentication() {
        assertThatThrownBy(() -> WorkerAuthenticators.checkSecretQueryParameter(
                        auth("none", Optional.of("worker_secret")), true))
                .hasMessageContaining("platform.worker.auth=shared-secret");
    }

    @Test
    void aSecretInTheQueryIsAllowedAgainstTheEmulatorsAndOffByDefault() {
        WorkerAuthenticators.checkSecretQueryParameter(auth("shared-secret", Optional.of("worker_secret")), true);
        WorkerAuthenticators.checkSecretQueryParameter(auth("oidc"), false);
    }
}
