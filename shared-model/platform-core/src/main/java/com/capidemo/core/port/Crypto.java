package com.capidemo.core.port;

/** Authenticated encryption for secrets at rest (Cloud KMS, or a local Tink keyset). */
public interface Crypto {

    /** {@code context} is bound to the ciphertext: decrypting with another context fails. */
    byte[] encrypt(byte[] plaintext, String context);

    byte[] decrypt(byte[] ciphertext, String context);
}
