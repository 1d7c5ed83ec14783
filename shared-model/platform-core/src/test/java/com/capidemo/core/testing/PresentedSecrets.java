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

    /** Fails naming the line when any {@link #PART} characters in a row of any secret appear in any line. */
    public static void assertNoPartLogged(List<String> lines, List<String> secrets) {
        for (String line : lines) {
            for (String secret : secrets) {
                for (int i = 0; i + PART <= secret.length(); i++) {
                    assertThat(line)
                            .as("a log line holds part of a presented secret")
                            .doesNotContain(secret.substring(i, i + PART));
                }
            }
        }
    }
}
