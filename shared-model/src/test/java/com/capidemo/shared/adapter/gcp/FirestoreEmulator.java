package com.capidemo.shared.adapter.gcp;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
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

/**
 * The Firestore emulator of the Google Cloud CLI, started once per test JVM on a free port and stopped
 * when the JVM exits. Fails loudly when gcloud (or its emulator component) is missing: the emulator
 * tests must never pass by not running.
 */
public final class FirestoreEmulator {

    public static final String PROJECT = "demo-project";
    private static String hostPort;

    private FirestoreEmulator() {
    }

    public static synchronized String hostPort() {
        if (hostPort == null) {
            hostPort = start();
        }
        return hostPort;
    }

    public static Firestore client() {
        return FirestoreOptions.newBuilder().setProjectId(PROJECT).setEmulatorHost(hostPort()).build().getService();
    }

    private static String start() {
        String gcloud = which("gcloud");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String address = "127.0.0.1:" + port;
        Path log = Path.of("target", "firestore-emulator-" + port + ".log").toAbsolutePath();
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(gcloud, "emulators", "firestore", "start", "--host-port=" + address)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Firestore emulator with " + gcloud, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Firestore emulator exited; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
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
        throw new IllegalStateException("the Firestore emulator did not answer Ok within 90 s; see " + log);
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
