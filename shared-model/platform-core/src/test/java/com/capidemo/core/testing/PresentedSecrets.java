package com.capidemo.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;

/**
 * Wrong secrets for log tests, and the check that no log line holds any part of them. Each secret cycles an upper-case
 * letter, a digit and a lower-case letter, so every four characters in a row of it mix all three: no word, number,
 * hex id or timestamp of an ordinary log line can hold such a run by chance, and a test can require that no four
 * characters in a row of a secret appear anywhere.
 */
public final class PresentedSecrets {

    /** The shortest run of a secret's characters that no log line may hold. */
    public static final int PART = 4;

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PresentedSecrets() {}

    /** A random secret of {@code length} characters, as long as a real worker secret or token would be. */
    public static String random(int length) {
        String[] classes = {UPPER, DIGITS, LOWER};
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            String from = classes[i % classes.length];
            s.append(from.charAt(RANDOM.nextInt(from.length())));
        }
        return s.toString();
    }

    /** Sends one request with one header and checks the status it gets. */
    @FunctionalInterface
    public interface Sender {
        void send(String header, String value, int expectedStatus);
    }

    /**
     * What a worker service must hold: {@code limit + 2} wrong worker secrets, 3 wrong bearer tokens and
     * {@code limit + 2} wrong admin tokens from one client (401 up to the limit, 429 past it) are refused, the
     * throttling warnings are logged, and no line {@code logs} captured holds any part of any of them.
     */
    public static void assertWorkerRefusalsLogNoSecret(int limit, LogCapture logs, Sender sender) {
        List<String> secrets = new java.util.ArrayList<>();
        for (int i = 0; i < limit + 2; i++) {
            String secret = random(32);
            secrets.add(secret);
            sender.send("X-Worker-Secret", secret, i < limit ? 401 : 429);
        }
        for (int i = 0; i < 3; i++) { // the same client's worker checks: throttled, and still checked and refused
            String token = random(40);
            secrets.add(token);
            sender.send("Authorization", "Bearer " + token, 429);
        }
        for (int i = 0; i < limit + 2; i++) {
            String admin = random(48);
            secrets.add(admin);
            sender.send("X-Admin-Token", admin, i < limit ? 401 : 429);
        }
        List<String> lines = logs.lines();
        assertThat(lines)
                .as("the refusals are logged")
                .anySatisfy(l -> assertThat(l).contains("too many failed worker checks"))
                .anySatisfy(l -> assertThat(l).contains("too many failed admin-token checks"));
        assertNoPartLogged(lines, secrets);
    }

    /** Fails naming the line when any {@link #PART} characters in a row of any secret appear in any line. */
    public static void assertNoPartLogged(List<String> lines, List<String> secrets) {
        assertNoPartLogged(lines, secrets, PART);
    }

    /**
     * Fails naming the line when any {@code part} characters in a row of any secret appear in any line (secrets not
     * made by {@link #random(int)}, such as the random part of a real API key, need a longer part).
     */
    public static void assertNoPartLogged(List<String> lines, List<String> secrets, int part) {
        for (String line : lines) {
            for (String secret : secrets) {
                for (int i = 0; i + part <= secret.length(); i++) {
                    assertThat(line)
                            .as("a log line holds part of a presented secret")
                            .doesNotContain(secret.substring(i, i + part));
                }
            }
        }
    }
}
