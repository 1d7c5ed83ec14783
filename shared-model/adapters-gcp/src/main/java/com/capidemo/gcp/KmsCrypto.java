package com.capidemo.gcp;

import com.capidemo.core.port.Crypto;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.cloud.kms.v1.DecryptRequest;
import com.google.cloud.kms.v1.DecryptResponse;
import com.google.cloud.kms.v1.EncryptRequest;
import com.google.cloud.kms.v1.EncryptResponse;
import com.google.cloud.kms.v1.KeyManagementServiceClient;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The crypto port in gcp mode: Cloud KMS encrypts and decrypts directly, with the context as additional
 * authenticated data. Our secrets (API keys, credentials) are far below the 64 KiB a direct call takes, so no local
 * data key is needed and the key material never leaves KMS. Every call carries and checks the CRC32C checksums, as
 * Google recommends, so corruption on the way in either direction is detected instead of stored.
 */
public class KmsCrypto implements Crypto {

    /** Largest plaintext Cloud KMS encrypts directly. */
    public static final int MAX_PLAINTEXT = 64 * 1024;

    /** {@code cryptoKey}: projects/{p}/locations/{l}/keyRings/{r}/cryptoKeys/{k} (KMS picks the primary version). */
    public record Config(String cryptoKey) {
        public Config {
            Objects.requireNonNull(cryptoKey, "cryptoKey");
        }
    }

    private final KeyManagementServiceClient client;
    private final Config config;

    public KmsCrypto(KeyManagementServiceClient client, Config config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, String context) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("plaintext of " + plaintext.length + " bytes exceeds " + MAX_PLAINTEXT);
        }
        byte[] aad = aad(context);
        EncryptResponse r = client.encrypt(EncryptRequest.newBuilder()
                .setName(config.cryptoKey())
                .setPlaintext(ByteString.copyFrom(plaintext))
                .setPlaintextCrc32C(crc(plaintext))
                .setAdditionalAuthenticatedData(ByteString.copyFrom(aad))
                .setAdditionalAuthenticatedDataCrc32C(crc(aad))
                .build());
        if (!r.getVerifiedPlaintextCrc32C() || !r.getVerifiedAdditionalAuthenticatedDataCrc32C()) {
            throw new IllegalStateException(
                    "KMS encrypt: the request was corrupted in transit (checksum not verified)");
        }
        byte[] ciphertext = r.getCiphertext().toByteArray();
        if (!r.hasCiphertextCrc32C() || r.getCiphertextCrc32C().getValue() != crc32c(ciphertext)) {
            throw new IllegalStateException("KMS encrypt: the response was corrupted in transit (ciphertext checksum)");
        }
        return ciphertext;
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, String context) {
        byte[] aad = aad(context);
        DecryptResponse r;
        try {
            // KMS checks the request checksums itself and answers INVALID_ARGUMENT when they do not match.
            r = client.decrypt(DecryptRequest.newBuilder()
                    .setName(config.cryptoKey())
                    .setCiphertext(ByteString.copyFrom(ciphertext))
                    .setCiphertextCrc32C(crc(ciphertext))
                    .setAdditionalAuthenticatedData(ByteString.copyFrom(aad))
                    .setAdditionalAuthenticatedDataCrc32C(crc(aad))
                    .build());
        } catch (InvalidArgumentException e) {
            // a wrong context, a tampered ciphertext or one from another key all look the same, by design
            throw new IllegalArgumentException("decryption failed: wrong context or invalid ciphertext", e);
        }
        byte[] plaintext = r.getPlaintext().toByteArray();
        if (!r.hasPlaintextCrc32C() || r.getPlaintextCrc32C().getValue() != crc32c(plaintext)) {
            throw new IllegalStateException("KMS decrypt: the response was corrupted in transit (plaintext checksum)");
        }
        return plaintext;
    }

    private static byte[] aad(String context) {
        return context.getBytes(StandardCharsets.UTF_8);
    }

    private static Int64Value crc(byte[] data) {
        return Int64Value.of(crc32c(data));
    }

    static long crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return crc.getValue();
    }
}
