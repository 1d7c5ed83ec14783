package com.capidemo.core.port;

import java.util.List;

/** Rows of a warehouse query, capped at a maximum; {@code truncated} says more existed. */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {}
