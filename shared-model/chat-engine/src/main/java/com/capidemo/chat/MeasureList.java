package com.capidemo.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several measures asked in one question ("For each warehouse, how many shipments went out, what was the total freight
 * cost and the average freight cost per shipment?"): the question is split into one clause per measure, each clause
 * planned on its own with the grouping that leads the question, and the answers joined into one row per group with one
 * column per measure, in the order asked. Every clause must plan, and all of them must share the grouping, the
 * filters and the period; a "how much" clause must be an amount and a "how many" clause a count or a total, else the
 * whole question is declined.
 */
final class MeasureList {

    /** "For each X, …", "By X, …", "Per X, …": the grouping every clause shares. */
    private static final Pattern PREFIX =
            Pattern.compile("(?i)^\\s*((?:for|in)\\s+(?:each|every)\\s+[^,]+|by\\s+[^,]+|per\\s+[^,]+),\\s*(.+)$");

    private static final String STARTER = "(?:how\\s+(?:many|much)\\b|what(?:'s|\\s+(?:was|were|is|are|share"
            + "|percentage|proportion|fraction)\\b)|the\\s+(?:total|average|number|median)\\b"
            + "|(?:total|average|median)\\b)";

    private static final Pattern FIRST = Pattern.compile("(?i)^\\s*" + STARTER);

    /** A comma, "and" or ", and" followed by the start of another measure. */
    private static final Pattern BOUNDARY =
            Pattern.compile("(?i)\\s*(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?=" + STARTER + ")");

    /** A clause that only names the records counted: "how many visits were there", "how many orders are there". */
    private static final Pattern THERE =
            Pattern.compile("(?i)^how\\s+many\\s+((?:[a-z][a-z'-]*\\s+){0,2}[a-z][a-z'-]*)\\s+(?:were|are)\\s+there$");

    private static final Pattern SELECTED = Pattern.compile(" AS ([A-Za-z_][A-Za-z0-9_]*)(?=, |$)");

    private MeasureList() {}

    /** The grouping phrase (empty when none) and the measure clauses, or null when the question is not a list. */
    record Split(String grouping, List<String> clauses) {
        /** A clause as a question of its own, with the shared grouping in front. */
        String question(int i) {
            String c = clauses.get(i).strip();
            return grouping.isEmpty() ? c : grouping + ", " + c;
        }
    }

    static Split split(String question) {
        String q = question.strip();
        while (q.endsWith("?") || q.endsWith(".")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        String grouping = "";
        Matcher m = PREFIX.matcher(q);
        if (m.matches()) {
            grouping = m.group(1).strip();
            q = m.group(2);
        }
        if (!FIRST.matcher(q).find()) {
            return null;
        }
        List<String> clauses = new ArrayList<>();
        for (String c : BOUNDARY.split(q)) {
            if (!c.isBlank()) {
                clauses.add(c.strip());
            }
        }
        return clauses.size() < 2 ? null : new Split(grouping, clauses);
    }

    /** "what were", "what is", "show me": the lead of a list of measure nouns. */
    private static final Pattern NOUN_LEAD =
            Pattern.compile("(?i)^(what(?:'s|\\s+(?:was|were|is|are))|show(?:\\s+me)?)\\s+(?:(?:the|our)\\s+)?(.+)$");

    /** A comma, "and" or ", and" between two measure nouns. */
    private static final Pattern NOUN_BOUNDARY = Pattern.compile("(?i)\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");

    /** Words that end the last measure noun and start what all of them share ("in 2024", "by month"). */
    private static final java.util.Set<String> SHARED_TAIL = java.util.Set.of(
            "in", "by", "for", "per", "during", "since", "from", "over", "across", "at", "on", "last", "this", "each",
            "between", "before", "after", "of", "to", "with", "among", "within", "that", "who", "which", "where",
            "when", "broken", "split");

    /**
     * "What were rooms sold, occupancy and ADR in 2024?", "show orders, revenue and average order value by month": a
     * list of measure nouns after "what was/were" or "show", the words after the last noun's first preposition shared
     * by all of them; each noun is asked as a clause of its own ("what were rooms sold in 2024"). Null when the
     * question is no such list (a noun before the last holds a preposition: "revenue from shoes and bags").
     */
    static Split nouns(String question) {
        String q = question.strip();
        while (q.endsWith("?") || q.endsWith(".")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        String grouping = "";
        Matcher m = PREFIX.matcher(q);
        if (m.matches()) {
            grouping = m.group(1).strip();
            q = m.group(2);
        }
        Matcher lead = NOUN_LEAD.matcher(q);
        if (!lead.matches()) {
            return null;
        }
        String[] items = NOUN_BOUNDARY.split(lead.group(2).strip());
        if (items.length < 2) {
            return null;
        }
        List<String> nouns = new ArrayList<>();
        String tail = "";
        for (int i = 0; i < items.length; i++) {
            String[] words = items[i].strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || SHARED_TAIL.contains(words[0].toLowerCase(Locale.ROOT))) {
                return null;
            }
            int end = words.length;
            for (int w = 1; w < words.length; w++) {
                if (SHARED_TAIL.contains(words[w].toLowerCase(Locale.ROOT)) || words[w].matches("\\d{4}")) {
                    end = w;
                    break;
                }
            }
            if (end < words.length && i < items.length - 1) {
                return null;
            }
            if (words.length > 4 && end == words.length) {
                return null;
            }
            nouns.add(String.join(" ", java.util.Arrays.asList(words).subList(0, end)));
            if (end < words.length) {
                tail = " " + String.join(" ", java.util.Arrays.asList(words).subList(end, words.length));
            }
        }
        List<String> clauses = new ArrayList<>();
        for (String n : nouns) {
            clauses.add(lead.group(1) + " " + n + tail);
        }
        return new Split(grouping, clauses);
    }

    /**
     * A clause planned for a list that does not fit the first one's groups, conditions and period, or that reads as a
     * measure already planned: the decline to give, else null.
     */
    private static Planner.Declined clash(String clause, Planner.Planned p, List<Planner.Planned> planned) {
        String misfit = misfit(clause, p, planned.isEmpty() ? null : planned.get(0));
        if (misfit != null) {
            return new Planner.Declined("it asks for several measures, and " + misfit);
        }
        for (Planner.Planned before : planned) {
            if (before.plan().measure().equals(p.plan().measure())) {
                return new Planner.Declined("it asks for several measures, and two of them read as the same one");
            }
        }
        return null;
    }

    /**
     * As {@link #plan(String, Function, BiFunction)} for a list of measure nouns ({@link #nouns}): null when the
     * question is no such list; each noun must plan alone as a measure over the same groups, conditions and period,
     * and a plain count of records must count the records another noun measures.
     */
    static Planner.Outcome planNouns(String question, Function<String, Planner.Outcome> planner) {
        Split split = nouns(question);
        if (split == null) {
            return null;
        }
        List<Planner.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < split.clauses().size(); i++) {
            outcomes.add(planner.apply(split.question(i)));
        }
        List<Planner.Planned> planned = new ArrayList<>();
        for (int i = 0; i < split.clauses().size(); i++) {
            Planner.Outcome o = outcomes.get(i);
            if (o instanceof Planner.Declined d) {
                o = summedElsewhere(split, i, outcomes, planner);
                if (o == null) {
                    return new Planner.Declined("it asks for several measures and I could not answer \""
                            + split.clauses().get(i) + "\": " + d.reason());
                }
            }
            Planner.Planned p = (Planner.Planned) o;
            Planner.Declined clash = clash(split.clauses().get(i), p, planned);
            if (clash != null) {
                return clash;
            }
            planned.add(p);
        }
        for (Planner.Planned p : planned) {
            Plan.Measure ms = p.plan().measure();
            boolean plainCount = ms.metric() == null
                    && (ms.kind().equals("count") || ms.kind().equals("count_distinct"));
            if (plainCount
                    && planned.stream()
                            .noneMatch(o -> o != p
                                    && ms.table() != null
                                    && ms.table().equals(o.plan().measure().table()))) {
                return new Planner.Declined(
                        "it asks for several measures, and \"" + split.clauses().get(planned.indexOf(p))
                                + "\" counts records none of the other measures is about");
            }
        }
        String sql = join(planned);
        if (sql == null) {
            return new Planner.Declined("it asks for several measures whose groups I could not line up");
        }
        List<Plan> plans = planned.stream().map(Planner.Planned::plan).toList();
        return new Planner.Planned(plans.get(0), sql, null, plans);
    }

    /**
     * A column named bare in a list of measure nouns ("rooms sold" beside "occupancy"), that does not plan alone for
     * want of an aggregate, is its total when another noun of the list is a ratio that adds that very column up
     * (occupancy = sum(rooms_sold) / sum(rooms_available)): the data's own definition says the column is summed. Null
     * otherwise.
     */
    private static Planner.Planned summedElsewhere(
            Split split, int i, List<Planner.Outcome> outcomes, Function<String, Planner.Outcome> planner) {
        String clause = split.clauses().get(i);
        Matcher lead = NOUN_LEAD.matcher(clause);
        if (!lead.matches()) {
            return null;
        }
        String total = lead.group(1) + " the total " + lead.group(2);
        if (!(planner.apply(split.grouping().isEmpty() ? total : split.grouping() + ", " + total)
                        instanceof Planner.Planned p)
                || !p.plan().measure().kind().equals("sum")
                || p.plan().measure().metric() != null
                || p.plan().measure().column() == null) {
            return null;
        }
        Pattern summed = Pattern.compile(
                "sum\\(\\w+\\." + Pattern.quote(p.plan().measure().column()) + "\\)");
        for (int k = 0; k < outcomes.size(); k++) {
            if (k != i
                    && outcomes.get(k) instanceof Planner.Planned o
                    && p.plan().measure().table().equals(o.plan().measure().table())
                    && !o.plan().measure().kind().equals("sum")
                    && summed.matcher(o.sql()).find()) {
                return p;
            }
        }
        return null;
    }

    /**
     * Plans each clause with {@code planner} and joins them, or returns null when the question is not a list of
     * measures; a decline when a clause does not plan or the clauses do not fit together.
     */
    static Planner.Outcome plan(String question, Function<String, Planner.Outcome> planner) {
        return plan(question, planner, (records, shared) -> null);
    }

    /**
     * As {@link #plan(String, Function)}; a clause that only names the records counted ("how many visits were
     * there") and does not plan alone is the count of those records over what the other clauses measure:
     * {@code counter} gives it for the records' words and another clause's plan, or null when they are not those
     * records.
     */
    static Planner.Outcome plan(
            String question,
            Function<String, Planner.Outcome> planner,
            BiFunction<String, Plan, Planner.Planned> counter) {
        Split split = split(question);
        if (split == null) {
            return null;
        }
        List<Planner.Planned> planned = new ArrayList<>();
        Map<Integer, String> deferred = new LinkedHashMap<>();
        Map<Integer, String> reasons = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < split.clauses().size(); i++) {
            Planner.Outcome o = planner.apply(split.question(i));
            if (o instanceof Planner.Declined d) {
                Matcher there = THERE.matcher(split.clauses().get(i));
                if (there.matches()) {
                    deferred.put(i, there.group(1));
                    reasons.put(i, d.reason());
                    continue;
                }
                return new Planner.Declined("it asks for several measures and I could not answer \""
                        + split.clauses().get(i) + "\": " + d.reason());
            }
            Planner.Planned p = (Planner.Planned) o;
            Planner.Declined clash = clash(split.clauses().get(i), p, planned);
            if (clash != null) {
                return clash;
            }
            planned.add(p);
            order.add(i);
        }
        for (Map.Entry<Integer, String> e : deferred.entrySet()) {
            int i = e.getKey();
            Planner.Planned p = planned.isEmpty()
                    ? null
                    : counter.apply(e.getValue(), planned.get(0).plan());
            if (p == null
                    || planned.stream()
                            .anyMatch(b -> b.plan().measure().equals(p.plan().measure()))) {
                return new Planner.Declined("it asks for several measures and I could not answer \""
                        + split.clauses().get(i) + "\": " + reasons.get(i));
            }
            int at = 0;
            while (at < order.size() && order.get(at) < i) {
                at++;
            }
            planned.add(at, p);
            order.add(at, i);
        }
        String sql = join(planned);
        if (sql == null) {
            return new Planner.Declined("it asks for several measures whose groups I could not line up");
        }
        List<Plan> plans = planned.stream().map(Planner.Planned::plan).toList();
        return new Planner.Planned(plans.get(0), sql, null, plans);
    }

    /** Why a clause's plan does not fit the list, or null. */
    private static String misfit(String clause, Planner.Planned p, Planner.Planned first) {
        Plan plan = p.plan();
        if (p.later() != null
                || p.measures().size() > 1
                || plan.limit() != null
                || plan.share()
                || plan.firstEvent() != null) {
            return "\"" + clause + "\" is not a single measure";
        }
        String kind = plan.measure().kind();
        String lower = clause.toLowerCase(Locale.ROOT);
        boolean count = kind.equals("count") || kind.equals("count_distinct") || kind.startsWith("per_");
        if (lower.startsWith("how much") && (count || kind.equals("percent"))) {
            return "\"" + clause + "\" asks for an amount, not a count";
        }
        if (lower.startsWith("how many") && !count && !kind.equals("sum")) {
            return "\"" + clause + "\" asks for a number of records";
        }
        if (first != null) {
            Plan f = first.plan();
            if (!f.dims().equals(plan.dims())
                    || !java.util.Objects.equals(f.timeGroup(), plan.timeGroup())
                    || !f.filters().equals(plan.filters())
                    || !java.util.Objects.equals(f.period(), plan.period())) {
                return "\"" + clause + "\" does not cover the same records or groups as the first one";
            }
        }
        return null;
    }

    /** The clauses' SQL as one query: one row per group, the groups of every clause, one column per measure. */
    private static String join(List<Planner.Planned> planned) {
        List<List<String>> names = new ArrayList<>();
        for (Planner.Planned p : planned) {
            String sql = p.sql();
            int from = sql.indexOf("\nFROM ");
            if (!sql.startsWith("SELECT ") || from < 0) {
                return null;
            }
            List<String> n = new ArrayList<>();
            Matcher m = SELECTED.matcher(sql.substring("SELECT ".length(), from));
            while (m.find()) {
                n.add(m.group(1));
            }
            if (n.isEmpty()) {
                return null;
            }
            names.add(n);
        }
        List<String> keys = names.get(0).subList(0, names.get(0).size() - 1);
        for (List<String> n : names) {
            if (!n.subList(0, n.size() - 1).equals(keys)) {
                return null;
            }
        }
        StringBuilder sql = new StringBuilder("WITH ");
        List<String> values = new ArrayList<>();
        List<String> taken = new ArrayList<>(keys);
        for (int i = 0; i < planned.size(); i++) {
            sql.append(i == 0 ? "" : ",\n")
                    .append("m")
                    .append(i + 1)
                    .append(" AS (\n")
                    .append(planned.get(i).sql().strip())
                    .append("\n)");
            String v = names.get(i).get(names.get(i).size() - 1);
            String as = v;
            for (int k = 2; taken.contains(as); k++) {
                as = v + "_" + k;
            }
            taken.add(as);
            values.add("m" + (i + 1) + "." + v + (as.equals(v) ? "" : " AS " + as));
        }
        List<String> select = new ArrayList<>();
        if (keys.isEmpty()) {
            select.addAll(values);
            sql.append("\nSELECT ").append(String.join(", ", select)).append("\nFROM m1");
            for (int i = 1; i < planned.size(); i++) {
                sql.append(" CROSS JOIN m").append(i + 1);
            }
            return sql.toString();
        }
        sql.append(",\ng AS (");
        for (int i = 0; i < planned.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ")
                    .append("SELECT ")
                    .append(String.join(", ", keys))
                    .append(" FROM m")
                    .append(i + 1);
        }
        sql.append(")");
        keys.forEach(k -> select.add("g." + k));
        select.addAll(values);
        sql.append("\nSELECT ").append(String.join(", ", select)).append("\nFROM g");
        for (int i = 0; i < planned.size(); i++) {
            String m = "m" + (i + 1);
            List<String> on = new ArrayList<>();
            keys.forEach(k -> on.add(
                    "(" + m + "." + k + " = g." + k + " OR " + m + "." + k + " IS NULL AND g." + k + " IS NULL)"));
            sql.append("\nLEFT JOIN ").append(m).append(" ON ").append(String.join(" AND ", on));
        }
        Plan first = planned.get(0).plan();
        String v1 = names.get(0).get(names.get(0).size() - 1);
        sql.append(
                first.timeGroup() != null && first.dims().isEmpty()
                        ? "\nORDER BY 1"
                        : "\nORDER BY m1." + v1 + " DESC NULLS LAST, 1");
        return sql.toString();
    }
}
