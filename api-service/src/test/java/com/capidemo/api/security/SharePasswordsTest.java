package com.capidemo.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SharePasswordsTest {

    @Test
    void aHashIsSaltedPbkdf2AndMatchesOnlyItsPassword() {
        String a = SharePasswords.hash("hunter2");
        String b = SharePasswords.hash("hunter2");
        assertThat(a)
                .startsWith("pbkdf2-sha256$600000$")
                .doesNotContain("hunter2")
                .isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a.split("\\$")[3]))
                .as("256-bit key")
                .hasSize(32);
        assertThat(SharePasswords.matches("hunter2", a)).isTrue();
        assertThat(SharePasswords.matches("hunter2", b)).isTrue();
        assertThat(SharePasswords.matches("hunter3", a)).isFalse();
        assertThat(SharePasswords.matches("", a)).isFalse();
    }

    @Test
    void fewerIterationsOrAnotherFormatNeverMatch() {
        String[] parts = SharePasswords.hash("pw").split("\\$");
        assertThat(SharePasswords.matches("pw", parts[0] + "$1000$" + parts[2] + "$" + parts[3]))
                .isFalse();
        assertThat(SharePasswords.matches("pw", "sha256$" + parts[2])).isFalse();
        assertThat(SharePasswords.matches("pw", "pbkdf2-sha256$x$y$z")).isFalse();
    }
}
