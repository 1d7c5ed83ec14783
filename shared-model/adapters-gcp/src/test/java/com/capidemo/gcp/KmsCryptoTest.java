package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.kms.v1.KeyManagementServiceClient;
import com.google.cloud.kms.v1.KeyManagementServiceSettings;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KmsCrypto through the real KMS client against an in-process fake of Encrypt/Decrypt. */
class KmsCryptoTest {

    private static final String KEY = "projects/capi-demo/locations/global/keyRings/platform/cryptoKeys/secrets";
    private static final byte[] SECRET = "acme_api_0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private FakeKms fake;
    private InProcessGrpc grpc;
    private KeyManagementServiceClient client;
    private KmsCrypto crypto;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeKms();
        grpc = InProcessGrpc.start(fake.service());
        client = KeyManagementServiceClient.create(KeyManagementServiceSettings.newBuilder()
                .setTransportChannelProvider(grpc.channels())
                .setCredentialsProvider(InProcessGrpc.noCredentials())
                .build());
        crypto = new KmsCrypto(client, new KmsCrypto.Config(KEY));
    }

    @AfterEach
    void tearDown() {
        client.close();
        grpc.close();
    }

    @Test
    void roundTripsWithTheContextAsAdditionalAuthenticatedDataAndChecksums() {
        byte[] ciphertext = crypto.encrypt(SECRET, "api_keys/acme");

        assertThat(ciphertext).isNotEqualTo(SECRET);
        assertThat(crypto.decrypt(ciphertext, "api_keys/acme")).isEqualTo(SECRET);
        var enc = fake.encrypts.get(0);
        assertThat(enc.getName()).isEqualTo(KEY);
        assertThat(enc.getAdditionalAuthenticatedData().toStringUtf8()).isEqualTo("api_keys/acme");
        assertThat(enc.getPlaintextCrc32C().getValue()).isEqualTo(KmsCrypto.crc32c(SECRET));
        assertThat(enc.getAdditionalAuthenticatedDataCrc32C().getValue())
                .isEqualTo(KmsCrypto.crc32c("api_keys/acme".getBytes(StandardCharsets.UTF_8)));
        var dec = fake.decrypts.get(0);
        assertThat(dec.getName()).isEqualTo(KEY);
        assertThat(dec.getAdditionalAuthenticatedData().toStringUtf8()).isEqualTo("api_keys/acme");
        assertThat(dec.getCiphertextCrc32C().getValue()).isEqualTo(KmsCrypto.crc32c(ciphertext));
    }

    @Test
    void unavailableIsRetriedByTheClientsDefaultSettings() {
        fake.failNext.add(Status.UNAVAILABLE);
        byte[] ciphertext = crypto.encrypt(SECRET, "ctx");
        fake.failNext.add(Status.UNAVAILABLE);

        assertThat(crypto.decrypt(ciphertext, "ctx")).isEqualTo(SECRET);
        assertThat(fake.encrypts).hasSize(2);
        assertThat(fake.decrypts).hasSize(2);
    }

    @Test
    void decryptingWithAnotherContextFails() {
        byte[] ciphertext = crypto.encrypt(SECRET, "api_keys/acme");

        assertThatThrownBy(() -> crypto.decrypt(ciphertext, "api_keys/globex"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrong context");
    }

    @Test
    void aTamperedCiphertextFails() {
        byte[] ciphertext = crypto.encrypt(SECRET, "ctx");
        ciphertext[ciphertext.length - 1] ^= 1;

        assertThatThrownBy(() -> crypto.decrypt(ciphertext, "ctx")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorruptedCiphertextChecksumInTheResponseIsDetected() {
        fake.corruptCiphertextCrc = true;

        assertThatThrownBy(() -> crypto.encrypt(SECRET, "ctx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ciphertext checksum");
    }

    @Test
    void anUnverifiedRequestChecksumIsDetected() {
        fake.skipVerification = true;

        assertThatThrownBy(() -> crypto.encrypt(SECRET, "ctx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("request was corrupted");
    }

    @Test
    void aCorruptedPlaintextChecksumInTheResponseIsDetected() {
        byte[] ciphertext = crypto.encrypt(SECRET, "ctx");
        fake.corruptPlaintextCrc = true;

        assertThatThrownBy(() -> crypto.decrypt(ciphertext, "ctx"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plaintext checksum");
    }

    @Test
    void plaintextsAboveTheDirectEncryptionLimitAreRefused() {
        assertThatThrownBy(() -> crypto.encrypt(new byte[KmsCrypto.MAX_PLAINTEXT + 1], "ctx"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.encrypts).isEmpty();
    }
}
