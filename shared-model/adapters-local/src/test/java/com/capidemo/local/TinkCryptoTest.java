package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkCryptoTest {

    @TempDir
    Path dir;

    @Test
    void aKeysetGivenInlineOpensWhatItsFileSealedAndWritesNothing() throws Exception {
        Path file = dir.resolve("elsewhere").resolve("local-keyset.json");
        TinkCrypto fromFile = new TinkCrypto(file);
        byte[] sealed = fromFile.encrypt("api key".getBytes(StandardCharsets.UTF_8), "ctx");
        String keyset = Files.readString(file);

        Path data = Files.createDirectories(dir.resolve("data"));
        TinkCrypto inline = TinkCrypto.ofKeyset(keyset);
        assertThat(new String(inline.decrypt(sealed, "ctx"), StandardCharsets.UTF_8))
                .isEqualTo("api key");
        try (var files = Files.list(data)) {
            assertThat(files).as("nothing of the keyset in the data directory").isEmpty();
        }
    }

    @Test
    void aKeysetThatIsNotTinkJsonStopsTheStartWithoutEchoingIt() {
        assertThatThrownBy(() -> TinkCrypto.ofKeyset("{\"not\":\"a keyset SECRET\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("SECRET")
                .hasMessageContaining("platform.crypto.local-keyset");
    }
}
