package com.capidemo.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void controlCharactersAreC0ExceptWhitespaceDelAndC1() {
        assertThat(UserText.hasControlCharacters("Nul\u0000Co")).isTrue();
        assertThat(UserText.hasControlCharacters("\u007f")).isTrue();
        assertThat(UserText.hasControlCharacters("\u009b")).isTrue();
        assertThat(UserText.hasControlCharacters("tab\tline\nreturn\r é ✓")).isFalse();
    }

    @Test
    void aPreviewIsShortAndPrintable() {
        assertThat(UserText.preview("a\u0000b")).isEqualTo("a\\u0000b");
        assertThat(UserText.preview("x".repeat(1_000_000))).hasSize(65).endsWith("…");
    }
}
