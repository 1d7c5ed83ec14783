package com.capidemo.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system helpers shared by the local adapters and the workers' scratch folders. */
public final class Folders {

    private Folders() {}

    /**
     * Deletes {@code dir} and everything under it, deepest first. A folder that is already gone, or a file that
     * another deleter of the same folder removed first, is not an error; any other I/O failure is thrown.
     */
    public static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // deleted already, or being deleted by another caller
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e;
            }
        }
    }
}
