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
 * Local crypto port: AES-256-GCM through a Tink keyset file created on first start (the local stand-in
 * for a Cloud KMS key). The first process to start creates it under a file lock; the others load it.
 */
@Typed(TinkCrypto.class)
@ApplicationScoped
public class TinkCrypto implements Crypto {

    private final Aead aead;

    @Inject
    public TinkCrypto(PlatformConfig config) {
        this(Path.of(config.dataDir()).resolve("keys").resolve("local-keyset.json"));
    }

    public TinkCrypto(Path keysetFile) {
        try {
            AeadConfig.register();
            this.aead = loadOrCreate(keysetFile.toAbsolutePath()).getPrimitive(RegistryConfiguration.get(), Aead.class);
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
            Files.writeString(tmp, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()),
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
