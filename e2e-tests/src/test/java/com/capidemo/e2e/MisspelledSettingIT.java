package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A packaged service given a {@code platform.*} key that no setting has refuses to start and names the key, instead of
 * ignoring the typo; the Quarkus platform's own {@code platform.quarkus.*} properties never stop it.
 */
class MisspelledSettingIT {

    @Test
    void aMisspelledPlatformKeyStopsTheServiceAndTheMessageNamesIt() throws IOException, InterruptedException {
        Path root = PlatformProcess.locateRoot();
        Path jar = root.resolve("lifecycle-service/target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("packaged lifecycle-service").isRegularFile();
        Path data = Files.createDirectories(root.resolve("e2e-tests/target/e2e-data/misspelled-setting"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process service = new ProcessBuilder(
                        java.toString(),
                        "-Dplatform.data-dir=" + data,
                        "-Dplatform.lifecycle.archive-afterr=30d",
                        "-Dquarkus.http.port=" + PlatformProcess.freePort(),
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .start();
        service.getOutputStream().close();
        boolean exited = service.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited)
                .as("the service stopped by itself; output:\n%s", output)
                .isTrue();
        assertThat(service.exitValue()).as("exit code; output:\n%s", output).isNotZero();
        assertThat(output).contains("platform.lifecycle.archive-afterr").doesNotContain("platform.quarkus.");
    }
}
