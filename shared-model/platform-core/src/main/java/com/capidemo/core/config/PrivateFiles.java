package com.capidemo.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders of the data directory that only the platform's own user may read: folders 0700, files 0600
 * (the SQLite store and its -wal/-shm, the keyset, the admin token, the warehouse, the object folders). A folder
 * created here is private from its first moment; an existing one is tightened. On a file system without POSIX
 * permissions these are plain creates.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Creates {@code dir} (and missing parents, each 0700) or tightens it to 0700; returns it. */
    public static Path directory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Path parent = absolute.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                directory(parent);
            }
            try {
                Files.createDirectory(absolute, attributes(DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                // another process made it at the same moment: tighten below
            }
        }
        restrict(absolute, DIRECTORY);
        return absolute;
    }

    /** Creates an empty 0600 file when it is missing, or tightens an existing one; its folder must exist. */
    public static Path file(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, attributes(FILE));
            } catch (FileAlreadyExistsException raced) {
                // made at the same moment by another process
            }
        }
        restrict(file, FILE);
        return file;
    }

    /** Tightens a file to 0600 if it exists (e.g. SQLite's -wal and -shm, created by the library). */
    public static void restrictIfExists(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, FILE);
        }
    }

    /** Writes a small file atomically (temp file 0600, then rename) in a private folder. */
    public static void writeString(Path file, String content) throws IOException {
        Path dir = directory(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(FILE));
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path).equals(permissions) && !shared(path)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** A sticky folder (such as /tmp) belongs to everyone: a data directory pointed at it is left as it is. */
    private static boolean shared(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            return mode instanceof Integer m && (m & 01000) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
