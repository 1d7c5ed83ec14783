package com.capidemo.core.port;

/** A column of a table to create empty: name and a portable type (STRING, INT64, FLOAT64, BOOL, TIMESTAMP, DATE, BYTES, JSON). */
public record ColumnSpec(String name, String type) {}
