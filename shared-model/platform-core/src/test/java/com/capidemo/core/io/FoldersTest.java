package com.capidemo.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @TempDir
    Path root;

    @Test
    void deleteTreeRemovesTheFolderAndEverythingUnderIt() throws Exception {
        Path dir = Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(dir.resolve("f.txt"), "x");
        Files.writeString(root.resolve("a/g.txt"), "y");

        Folders.deleteTree(root.resolve("a"));

        assertThat(root.resolve("a")).doesNotExist();
        assertThat(root).exists();
    }

    @Test
    void deletingAFolderThatIsGoneIsNotAnError() throws Exception {
        Folders.deleteTree(root.resolve("never-made"));

        assertThat(root.resolve("never-made")).doesNotExist();
    }
}
