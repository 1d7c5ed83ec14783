package com.capidemo.gcp;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts an emulator of the Google Cloud CLI on a free port and waits until it answers "Ok"; stops it
 * when the test JVM exits. Fails loudly when gcloud is missing: emulator tests must never pass by not
 * running.
 */
final class GcloudEmulator {

    private GcloudEmulator() {}

    /** {@code gcloud <args…> --host-port=127.0.0.1:PORT}; returns host:port once it is ready. */
    static String start(String name, String... args) {
        String gcloud = which("gcloud");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String address = "127.0.0.1:" + port;
        Path log = Path.of("target", name + "-emulator-" + port + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(gcloud));
        command.addAll(List.of(args));
        command.add("--host-port=" + address);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the " + name + " emulator with " + gcloud, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " emulator exited; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://" + address + "/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().trim().startsWith("Ok")) {
                    return address;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("the " + name + " emulator did not answer Ok within 90 s; see " + log);
    }

    static String which(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, command);
            if (f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        throw new IllegalStateException(command + " is not on PATH: the -Pemulators tests need the Google Cloud CLI "
                + "with the Firestore and Pub/Sub emulators (gcloud components install cloud-firestore-emulator "
                + "pubsub-emulator, or the google-cloud-cli-firestore-emulator / -pubsub-emulator packages)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
