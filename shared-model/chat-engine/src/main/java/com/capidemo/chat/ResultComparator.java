package com.capidemo.chat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares query results by value. {@link #sameRows} is strict (same columns, same rows in any order, numbers equal up
 * to floating-point noise): used for the readiness score. {@link #answers} asks whether an answer presents the
 * expected values: every expected column must appear (under any name) with the same values row for row, extra
 * columns are allowed, numbers are compared at the precision the less precise side shows, and a single expected row
 * is also matched by a ranking whose first row carries it.
 */
public final class ResultComparator {

    private static final Pattern MIDNIGHT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]00:00(:00)?(\\.0+)?");

    private ResultComparator() {}

    public static boolean sameRows(List<List<Object>> a, List<List<Object>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        if (!a.isEmpty() && a.get(0).size() != b.get(0).size()) {
            return false;
        }
        List<List<Object>> x = sorted(a);
        List<List<Object>> y = sorted(b);
        for (int i = 0; i < x.size(); i++) {
            for (int j = 0; j < x.get(i).size(); j++) {
                if (!strictEqual(x.get(i).get(j), y.get(i).get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    public static boolean answers(List<List<Object>> expected, List<List<Object>> actual) {
        if (expected.isEmpty()) {
            return actual.isEmpty();
        }
        if (actual.isEmpty()) {
            return false;
        }
        int ec = expected.get(0).size();
        int ac = actual.get(0).size();
        if (ac < ec) {
            return false;
        }
        int[] se = scales(expected);
        int[] sa = scales(actual);
        if (expected.size() == actual.size() && mapping(expected, actual, se, sa, 0, new int[ec], new boolean[ac])) {
            return true;
        }
        return expected.size() == 1
                && actual.size() > 1
                && mapping(expected, List.of(actual.get(0)), se, sa, 0, new int[ec], new boolean[ac]);
    }

    /** Decimal places each column shows: the most any of its numbers has (4.10 and 4.08 are both 2 places). */
    private static int[] scales(List<List<Object>> rows) {
        int[] out = new int[rows.get(0).size()];
        for (List<Object> row : rows) {
            for (int i = 0; i < out.length; i++) {
                if (row.get(i) instanceof Number n) {
                    out[i] = Math.max(out[i], scale(decimal(n)));
                }
            }
        }
        return out;
    }

    /** Tries to map every expected column onto a distinct actual column so that the row multisets agree. */
    private static boolean mapping(
            List<List<Object>> expected,
            List<List<Object>> actual,
            int[] se,
            int[] sa,
            int col,
            int[] map,
            boolean[] taken) {
        int ec = expected.get(0).size();
        if (col == ec) {
            List<List<Object>> projected = new ArrayList<>();
            for (List<Object> row : actual) {
                List<Object> p = new ArrayList<>();
                for (int m : map) {
                    p.add(row.get(m));
                }
                projected.add(p);
            }
            int[] precision = new int[ec];
            for (int i = 0; i < ec; i++) {
                precision[i] = Math.min(se[i], sa[map[i]]);
            }
            return sameMultiset(expected, projected, precision);
        }
        for (int k = 0; k < taken.length; k++) {
            if (taken[k] || !sameColumnValues(expected, col, actual, k, Math.min(se[col], sa[k]))) {
                continue;
            }
            taken[k] = true;
            map[col] = k;
            if (mapping(expected, actual, se, sa, col + 1, map, taken)) {
                return true;
            }
            taken[k] = false;
        }
        return false;
    }

    private static boolean sameColumnValues(List<List<Object>> e, int ec, List<List<Object>> a, int ac, int precision) {
        List<Object> x = new ArrayList<>();
        List<Object> y = new ArrayList<>();
        e.forEach(r -> x.add(r.get(ec)));
        a.forEach(r -> y.add(r.get(ac)));
        List<Object> remaining = new ArrayList<>(y);
        for (Object v : x) {
            boolean found = false;
            for (int i = 0; i < remaining.size(); i++) {
                if (looseEqual(v, remaining.get(i), precision)) {
                    remaining.remove(i);
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameMultiset(List<List<Object>> e, List<List<Object>> a, int[] precision) {
        List<List<Object>> remaining = new ArrayList<>(a);
        for (List<Object> row : e) {
            boolean found = false;
            for (int i = 0; i < remaining.size(); i++) {
                if (rowEqual(row, remaining.get(i), precision)) {
                    remaining.remove(i);
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return remaining.isEmpty();
    }

    private static boolean rowEqual(List<Object> x, List<Object> y, int[] precision) {
        for (int i = 0; i < x.size(); i++) {
            if (!looseEqual(x.get(i), y.get(i), precision[i])) {
                return false;
            }
        }
        return true;
    }

    /** Equal as presented: numbers at the precision of the less precise column, dates with or without midnight. */
    static boolean looseEqual(Object e, Object a, int precision) {
        if (e == null || a == null) {
            return e == a;
        }
        if (e instanceof Number x && a instanceof Number y) {
            BigDecimal bx = decimal(x);
            BigDecimal by = decimal(y);
            if (integral(x) && !integral(y) && by.stripTrailingZeros().scale() > 0) {
                return false;
            }
            double tolerance = 0.5 * Math.pow(10, -precision) + 1e-9 * Math.max(1, Math.abs(bx.doubleValue()));
            return Math.abs(bx.doubleValue() - by.doubleValue()) <= tolerance;
        }
        return text(e).equals(text(a));
    }

    static boolean strictEqual(Object e, Object a) {
        if (e == null || a == null) {
            return e == a;
        }
        if (e instanceof Number x && a instanceof Number y) {
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return Math.abs(dx - dy) <= 1e-9 * Math.max(1, Math.abs(dx));
        }
        return text(e).equals(text(a));
    }

    private static boolean integral(Number n) {
        return n instanceof Integer
                || n instanceof Long
                || n instanceof Short
                || n instanceof Byte
                || n instanceof BigInteger;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (integral(n)) {
            return new BigDecimal(n.toString());
        }
        return BigDecimal.valueOf(n.doubleValue());
    }

    private static int scale(BigDecimal b) {
        return Math.max(0, Math.min(6, b.stripTrailingZeros().scale()));
    }

    private static String text(Object v) {
        String s = String.valueOf(v);
        var m = MIDNIGHT.matcher(s);
        return m.matches() ? m.group(1) : s;
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(ResultComparator::rowKey));
        return out;
    }

    private static String rowKey(List<Object> row) {
        StringBuilder b = new StringBuilder();
        for (Object v : row) {
            b.append(v instanceof Number n ? String.format(Locale.ROOT, "%.6f", n.doubleValue()) : text(v))
                    .append('\u0001');
        }
        return b.toString();
    }
}
