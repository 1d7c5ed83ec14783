package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.config.PlatformConfig;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
                .hasMessageContaining("platform.tink.keyset");
    }

    /** The three settings TinkCrypto reads (a proxy: the mapping's generated class needs Quarkus' build). */
    private static PlatformConfig config(Map<String, String> properties) {
        PlatformConfig.Tink tink = (PlatformConfig.Tink) Proxy.newProxyInstance(
                TinkCryptoTest.class.getClassLoader(),
                new Class<?>[] {PlatformConfig.Tink.class},
                (proxy, method, args) -> Optional.ofNullable(properties.get(
                        method.getName().equals("keyset") ? "platform.tink.keyset" : "platform.tink.keyset-file")));
        return (PlatformConfig) Proxy.newProxyInstance(
                TinkCryptoTest.class.getClassLoader(), new Class<?>[] {PlatformConfig.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "dataDir":
                            return properties.get("platform.data-dir");
                        case "tink":
                            return tink;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void theKeysetComesFromTheSettingThenTheSeparateFileThenTheDataDirectory() throws Exception {
        Path data = dir.resolve("data");
        Path apart = dir.resolve("apart").resolve("keyset.json");
        byte[] sealedApart = new TinkCrypto(apart).encrypt("a".getBytes(StandardCharsets.UTF_8), "ctx");
        byte[] sealedInData = new TinkCrypto(data.resolve("keys").resolve("local-keyset.json"))
                .encrypt("b".getBytes(StandardCharsets.UTF_8), "ctx");

        TinkCrypto byFile = new TinkCrypto(
                config(Map.of("platform.data-dir", data.toString(), "platform.tink.keyset-file", apart.toString())));
        assertThat(byFile.decrypt(sealedApart, "ctx")).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> byFile.decrypt(sealedInData, "ctx")).isInstanceOf(RuntimeException.class);

        TinkCrypto inline = new TinkCrypto(config(Map.of(
                "platform.data-dir", data.toString(),
                "platform.tink.keyset", Files.readString(apart),
                "platform.tink.keyset-file", dir.resolve("missing.json").toString())));
        assertThat(inline.decrypt(sealedApart, "ctx")).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
        assertThat(dir.resolve("missing.json"))
                .as("an inline keyset writes no file")
                .doesNotExist();

        TinkCrypto byDefault = new TinkCrypto(config(Map.of("platform.data-dir", data.toString())));
        assertThat(byDefault.decrypt(sealedInData, "ctx")).isEqualTo("b".getBytes(StandardCharsets.UTF_8));
    }
}
