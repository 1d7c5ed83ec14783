package com.capidemo.core.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code q} filter of the demo list: a demo matches when the query, lower-cased with punctuation turned into
 * spaces, starts at the beginning of a word of its customer name ("acme" and "ret" and "acme ret" all match "Acme
 * Retail"; "cme" does not). Stores keep what they need to answer that with an index: the normalised name (SQLite
 * matches {@code ' ' || q} inside {@code ' ' || name}) or every prefix a query could be (Firestore array-contains).
 */
public final class DemoSearch {

    /** Longest query (and longest stored prefix). */
    public static final int MAX_QUERY_LENGTH = 40;

    private DemoSearch() {}

    /** Lower-case words of {@code s} separated by single spaces; empty for null or punctuation only. */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    /** The searchable form of a customer name: a space, then its normalised words. */
    public static String text(String customerName) {
        return " " + normalize(customerName);
    }

    /** Every query that matches the name: the prefixes (up to {@link #MAX_QUERY_LENGTH}) of each run of its words. */
    public static List<String> terms(String customerName) {
        String n = normalize(customerName);
        Set<String> terms = new LinkedHashSet<>();
        for (int start = 0; start < n.length(); start++) {
            if (start > 0 && n.charAt(start - 1) != ' ') {
                continue;
            }
            for (int end = start + 1; end <= Math.min(n.length(), start + MAX_QUERY_LENGTH); end++) {
                if (n.charAt(end - 1) != ' ') {
                    terms.add(n.substring(start, end));
                }
            }
        }
        return new ArrayList<>(terms);
    }
}
