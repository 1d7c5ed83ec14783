package com.capidemo.local;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.config.PrivateFiles;
import com.capidemo.core.port.Crypto;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * Local crypto port: AES-256-GCM through a Tink keyset (the local stand-in for a Cloud KMS key). The keyset comes from,
 * in this order: {@code platform.tink.keyset} (the keyset's Tink JSON itself, e.g. from the environment
 * variable PLATFORM_TINK_KEYSET: nothing is written to disk), {@code platform.tink.keyset-file} (a
 * keyset file kept apart from the data directory, e.g. on another volume), or {@code {data-dir}/keys/local-keyset.json}.
 * A file that does not exist is created on first start: the first process creates it under a file lock, the others
 * load it. Keeping the keyset apart from the data directory means a copy of the data directory (a backup, a stolen
 * disk image) holds only ciphertext.
 */
@Typed(TinkCrypto.class)
@ApplicationScoped
public class TinkCrypto implements Crypto {

    private final Aead aead;

    @Inject
    public TinkCrypto(PlatformConfig config) {
        this(config.tink()
                .keyset()
                .filter(k -> !k.isBlank())
                .map(TinkCrypto::parse)
                .orElseGet(() -> fromFile(config.tink()
                        .keysetFile()
                        .filter(f -> !f.isBlank())
                        .map(Path::of)
                        .orElseGet(
                                () -> Path.of(config.dataDir()).resolve("keys").resolve("local-keyset.json")))));
    }

    public TinkCrypto(Path keysetFile) {
        this(fromFile(keysetFile));
    }

    private TinkCrypto(Aead aead) {
        this.aead = aead;
    }

    /** A crypto over a keyset given as Tink JSON (never written anywhere). */
    public static TinkCrypto ofKeyset(String keysetJson) {
        return new TinkCrypto(parse(keysetJson));
    }

    private static Aead parse(String keysetJson) {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            // the keyset itself is never part of the message
            throw new IllegalStateException("platform.tink.keyset is not a Tink JSON AEAD keyset");
        }
    }

    private static Aead fromFile(Path keysetFile) {
        try {
            AeadConfig.register();
            return loadOrCreate(keysetFile.toAbsolutePath()).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise the local keyset " + keysetFile, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeysetHandle loadOrCreate(Path file) throws IOException, GeneralSecurityException {
        PrivateFiles.directory(file.getParent());
        Path lockFile = PrivateFiles.file(file.resolveSibling(".keyset.lock"));
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = ch.lock()) {
            if (Files.exists(file)) {
                PrivateFiles.file(file);
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Path tmp = file.resolveSibling(".keyset.tmp");
            Files.writeString(
                    tmp,
                    TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()),
                    StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return handle;
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext, String context) {
        try {
            return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, String context) {
        try {
            return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }
}
