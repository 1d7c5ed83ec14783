package com.capidemo.gcp;

import com.google.cloud.kms.v1.DecryptRequest;
import com.google.cloud.kms.v1.DecryptResponse;
import com.google.cloud.kms.v1.EncryptRequest;
import com.google.cloud.kms.v1.EncryptResponse;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Cloud KMS Encrypt/Decrypt as the service behaves: AES-GCM with the additional authenticated data bound, request
 * checksums checked (INVALID_ARGUMENT on a mismatch) and reported as verified, response checksums set. Tests can make
 * it corrupt a response checksum or not verify a request checksum, as a faulty network path would look.
 */
final class FakeKms {

    final List<EncryptRequest> encrypts = new CopyOnWriteArrayList<>();
    final List<DecryptRequest> decrypts = new CopyOnWriteArrayList<>();
    volatile boolean corruptCiphertextCrc;
    volatile boolean corruptPlaintextCrc;
    volatile boolean skipVerification;
    /** Errors to answer the next calls with, before doing anything. */
    final Queue<Status> failNext = new ConcurrentLinkedQueue<>();

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    FakeKms() throws GeneralSecurityException {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        key = g.generateKey();
    }

    ServerServiceDefinition service() {
        String svc = "google.cloud.kms.v1.KeyManagementService";
        return ServerServiceDefinition.builder(svc)
                .addMethod(InProcessGrpc.unary(
                        svc,
                        "Encrypt",
                        EncryptRequest.getDefaultInstance(),
                        EncryptResponse.getDefaultInstance(),
                        (r, out) -> {
                            encrypts.add(r);
                            Status failure = failNext.poll();
                            if (failure != null) {
                                out.onError(failure.asRuntimeException());
                                return;
                            }
                            if (!crcOk(r.getPlaintext(), r.hasPlaintextCrc32C() ? r.getPlaintextCrc32C() : null)
                                    || !crcOk(
                                            r.getAdditionalAuthenticatedData(),
                                            r.hasAdditionalAuthenticatedDataCrc32C()
                                                    ? r.getAdditionalAuthenticatedDataCrc32C()
                                                    : null)) {
                                out.onError(Status.INVALID_ARGUMENT
                                        .withDescription("checksum mismatch")
                                        .asRuntimeException());
                                return;
                            }
                            byte[] ct = aes(
                                    Cipher.ENCRYPT_MODE,
                                    r.getPlaintext().toByteArray(),
                                    r.getAdditionalAuthenticatedData().toByteArray());
                            long crc = KmsCrypto.crc32c(ct) + (corruptCiphertextCrc ? 1 : 0);
                            out.onNext(EncryptResponse.newBuilder()
                                    .setName(r.getName() + "/cryptoKeyVersions/1")
                                    .setCiphertext(ByteString.copyFrom(ct))
                                    .setCiphertextCrc32C(Int64Value.of(crc))
                                    .setVerifiedPlaintextCrc32C(r.hasPlaintextCrc32C() && !skipVerification)
                                    .setVerifiedAdditionalAuthenticatedDataCrc32C(
                                            r.hasAdditionalAuthenticatedDataCrc32C())
                                    .build());
                            out.onCompleted();
                        }))
                .addMethod(InProcessGrpc.unary(
                        svc,
                        "Decrypt",
                        DecryptRequest.getDefaultInstance(),
                        DecryptResponse.getDefaultInstance(),
                        (r, out) -> {
                            decrypts.add(r);
                            Status failure = failNext.poll();
                            if (failure != null) {
                                out.onError(failure.asRuntimeException());
                                return;
                            }
                            if (!crcOk(r.getCiphertext(), r.hasCiphertextCrc32C() ? r.getCiphertextCrc32C() : null)) {
                                out.onError(Status.INVALID_ARGUMENT
                                        .withDescription("checksum mismatch")
                                        .asRuntimeException());
                                return;
                            }
                            byte[] pt = aes(
                                    Cipher.DECRYPT_MODE,
                                    r.getCiphertext().toByteArray(),
                                    r.getAdditionalAuthenticatedData().toByteArray());
                            if (pt == null) {
                                out.onError(Status.INVALID_ARGUMENT
                                        .withDescription("Decryption failed: the ciphertext " + "is invalid.")
                                        .asRuntimeException());
                                return;
                            }
                            long crc = KmsCrypto.crc32c(pt) + (corruptPlaintextCrc ? 1 : 0);
                            out.onNext(DecryptResponse.newBuilder()
                                    .setPlaintext(ByteString.copyFrom(pt))
                                    .setPlaintextCrc32C(Int64Value.of(crc))
                                    .setUsedPrimary(true)
                                    .build());
                            out.onCompleted();
                        }))
                .build();
    }

    private static boolean crcOk(ByteString data, Int64Value crc) {
        return crc == null || crc.getValue() == KmsCrypto.crc32c(data.toByteArray());
    }

    /** 12-byte IV then AES-GCM; null when decryption fails authentication. */
    private byte[] aes(int mode, byte[] in, byte[] aad) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            if (mode == Cipher.ENCRYPT_MODE) {
                byte[] iv = new byte[12];
                random.nextBytes(iv);
                c.init(mode, key, new GCMParameterSpec(128, iv));
                c.updateAAD(aad);
                byte[] ct = c.doFinal(in);
                byte[] out = new byte[12 + ct.length];
                System.arraycopy(iv, 0, out, 0, 12);
                System.arraycopy(ct, 0, out, 12, ct.length);
                return out;
            }
            if (in.length < 12) {
                return null;
            }
            c.init(mode, key, new GCMParameterSpec(128, in, 0, 12));
            c.updateAAD(aad);
            return c.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
