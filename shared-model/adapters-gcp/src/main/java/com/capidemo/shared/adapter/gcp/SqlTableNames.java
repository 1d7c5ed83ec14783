package com.capidemo.shared.adapter.gcp;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table names a query reads (after FROM and JOIN, not table functions such as unnest(...)), minus its own CTEs.
 * A light scan, not a parser: enough to drop an LLM-written query that names a table the design does not have
 * before it reaches the warehouse.
 */
final class SqlTableNames {

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    /** FROM inside EXTRACT(part FROM x), SUBSTRING(x FROM n) and TRIM(... FROM x) is not a table. */
    private static final Pattern FUNCTION_FROM =
            Pattern.compile("(?i)\\b(extract|substring|trim)\\s*\\(([^()]*?)\\bfrom\\b");
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|join)\\s+([`\"]?[\\w.]++[`\"]?+)(?!\\s*\\()");
    private static final Pattern CTE =
            Pattern.compile("(?i)(?:\\bwith\\s+(?:recursive\\s+)?|,\\s*)(\\w+)\\s+as\\s*\\(");

    private SqlTableNames() {
    }

    static Set<String> referencedTables(String sql) {
        String text = STRING_LITERAL.matcher(sql).replaceAll("''");
        text = FUNCTION_FROM.matcher(text).replaceAll("$1($2 ");
        Set<String> ctes = new LinkedHashSet<>();
        Matcher cte = CTE.matcher(text);
        while (cte.find()) {
            ctes.add(cte.group(1).toLowerCase(Locale.ROOT));
        }
        Set<String> tables = new LinkedHashSet<>();
        Matcher table = TABLE.matcher(text);
        while (table.find()) {
            String name = table.group(1).replaceAll("[`\"]", "").toLowerCase(Locale.ROOT);
            if (!ctes.contains(name)) {
                tables.add(name);
            }
        }
        return tables;
    }
}
