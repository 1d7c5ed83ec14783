package com.capidemo.gcp;

import com.capidemo.core.json.Json;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Conversions between BigQuery's values and the plain, JSON-friendly values of the warehouse port. */
final class BigQueryValues {

    private BigQueryValues() {}

    /** The BigQuery type of a portable column type (the same names DuckDbWarehouse accepts). */
    static StandardSQLTypeName type(String portable) {
        return switch (portable.toUpperCase(Locale.ROOT)) {
            case "STRING" -> StandardSQLTypeName.STRING;
            case "JSON" -> StandardSQLTypeName.JSON;
            case "INT64", "INTEGER" -> StandardSQLTypeName.INT64;
            case "FLOAT64", "NUMERIC" -> StandardSQLTypeName.FLOAT64;
            case "BOOL", "BOOLEAN" -> StandardSQLTypeName.BOOL;
            case "TIMESTAMP" -> StandardSQLTypeName.TIMESTAMP;
            case "DATE" -> StandardSQLTypeName.DATE;
            case "BYTES" -> StandardSQLTypeName.BYTES;
            default -> throw new IllegalArgumentException("unknown column type " + portable);
        };
    }

    /** A value for insertAll's JSON rows: timestamps and dates as ISO strings, bytes as base64, JSON as text. */
    static Object insertValue(Object v) {
        if (v instanceof Instant || v instanceof LocalDate || v instanceof OffsetDateTime) {
            return v.toString();
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return Json.write(v);
        }
        return v;
    }

    static List<Object> row(FieldList fields, FieldValueList values) {
        List<Object> row = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            row.add(plain(fields.get(i), values.get(i)));
        }
        return row;
    }

    /** Numbers as Long/Double (NUMERIC as BigDecimal), booleans, ISO timestamps and dates, everything else text. */
    static Object plain(Field field, FieldValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.getAttribute() == FieldValue.Attribute.REPEATED) {
            Field element = field.toBuilder().setMode(Field.Mode.NULLABLE).build();
            return v.getRepeatedValue().stream().map(e -> plain(element, e)).toList();
        }
        if (v.getAttribute() == FieldValue.Attribute.RECORD) {
            Map<String, Object> record = new LinkedHashMap<>();
            FieldList sub = field.getSubFields();
            for (int i = 0; i < sub.size(); i++) {
                record.put(
                        sub.get(i).getName(),
                        plain(sub.get(i), v.getRecordValue().get(i)));
            }
            return record;
        }
        LegacySQLTypeName type = field.getType();
        if (LegacySQLTypeName.INTEGER.equals(type)) {
            return v.getLongValue();
        }
        if (LegacySQLTypeName.FLOAT.equals(type)) {
            return v.getDoubleValue();
        }
        if (LegacySQLTypeName.NUMERIC.equals(type) || LegacySQLTypeName.BIGNUMERIC.equals(type)) {
            return v.getNumericValue();
        }
        if (LegacySQLTypeName.BOOLEAN.equals(type)) {
            return v.getBooleanValue();
        }
        if (LegacySQLTypeName.TIMESTAMP.equals(type)) {
            // Microsecond precision, like DuckDB's timestamps; ISO-8601 with a Z.
            return v.getTimestampInstant().truncatedTo(ChronoUnit.MICROS).toString();
        }
        return v.getStringValue(); // STRING, DATE, DATETIME, TIME, JSON, BYTES (base64), GEOGRAPHY
    }
}
