package com.capidemo.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one set of rules for JSON that arrives from outside (request bodies, push envelopes, task bodies), applied to
 * the Quarkus ObjectMapper of every service and to {@link #MAPPER} for bodies parsed by hand:
 * <ul>
 *   <li>a duplicate key is a syntax error (400), never "last one wins";</li>
 *   <li>no scalar coercion: a number or boolean is not a string, a string is not a number, {@code 1.5} is not an
 *   integer, null is not a primitive (422 naming the field);</li>
 *   <li>user text never carries control characters (see {@link UserText});</li>
 *   <li>trailing tokens after the document, nesting deeper than {@value #MAX_DEPTH} and strings longer than
 *   {@value #MAX_STRING} characters are refused.</li>
 * </ul>
 * Stored documents are read with the lenient {@link Json#MAPPER}: these rules guard the edge, not our own data.
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_STRING = 1_000_000;
    public static final int MAX_NUMBER = 100;

    /** Snake_case like {@link Json#MAPPER}, with the edge rules on top. */
    public static final ObjectMapper MAPPER = apply(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    private StrictJson() {}

    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING)
                        .maxNumberLength(MAX_NUMBER)
                        .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(
                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType numeric : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(numeric)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.POJO)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("user-text").addDeserializer(String.class, new UserTextDeserializer()));
        return mapper;
    }

    /** Every JSON string read into a String field: the standard conversion, then the control-character rule. */
    static final class UserTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : super.deserialize(p, ctxt);
            if (text != null && UserText.hasControlCharacters(text)) {
                throw InvalidFormatException.from(
                        p, UserText.CONTROL_CHARACTERS_MESSAGE, UserText.preview(text), String.class);
            }
            return text;
        }
    }
}
