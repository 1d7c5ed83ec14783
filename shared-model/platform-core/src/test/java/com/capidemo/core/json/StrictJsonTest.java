package com.capidemo.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Brief(String customerName, Integer count, boolean flag, List<String> useCases) {}

    private static Brief read(String json) throws Exception {
        return StrictJson.MAPPER.readValue(json, Brief.class);
    }

    @Test
    void aDuplicateKeyIsASyntaxError() {
        assertThatThrownBy(() -> read("{\"customer_name\":\"a\",\"customer_name\":\"b\"}"))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate field");
    }

    @Test
    void scalarsAreNotCoerced() {
        assertThatThrownBy(() -> read("{\"customer_name\":true}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"customer_name\":123}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"count\":\"12\"}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"count\":1.5}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"flag\":null}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"flag\":\"true\"}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"use_cases\":\"one\"}")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void controlCharactersInTextAreRefusedNamingTheField() {
        assertThatThrownBy(() -> read("{\"customer_name\":\"Nul\\u0000Co\"}"))
                .isInstanceOf(InvalidFormatException.class)
                .satisfies(e -> assertThat(
                                ((InvalidFormatException) e).getPath().get(0).getFieldName())
                        .isEqualTo("customer_name"));
        assertThatThrownBy(() -> read("{\"use_cases\":[\"ok\",\"esc\\u001b\"]}"))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> read("{\"customer_name\":\"c1\\u0085\"}")).isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void tabsAndLineBreaksAreText() throws Exception {
        assertThat(read("{\"customer_name\":\"a\\tb\\nc\\r\\nd\",\"flag\":true}")
                        .customerName())
                .isEqualTo("a\tb\nc\r\nd");
    }

    @Test
    void trailingTokensAndDeepNestingAreRefused() {
        assertThatThrownBy(() -> read("{\"flag\":true} {}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> StrictJson.MAPPER.readTree("[".repeat(StrictJson.MAX_DEPTH + 1)))
                .isInstanceOf(StreamConstraintsException.class);
    }
}
