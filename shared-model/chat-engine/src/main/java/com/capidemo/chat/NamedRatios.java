package com.capidemo.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ratios the system instruction defines under an abbreviation and its long name ("ADR (average daily rate) =
 * sum(room_revenue) / sum(rooms_sold) from daily_performance", "ARPU (average revenue per user) = invoiced service
 * revenue (total_amount minus device_installment and taxes_and_fees) / number of invoices in the period", "SAIDI
 * (outage minutes per customer) = sum(outages.customer_minutes_interrupted) / customers served"): a measure named by
 * the abbreviation and by the long name. The numerator is a sum of one table's columns (a parenthesised "a minus b and
 * c" is a - b - c); the denominator a sum of columns of the same table, or the number of records of a table (the
 * numerator's own: count(*); another: all of its records). A definition may run over several lines of its item, and
 * give another form after a second "=" ("= occupancy * ADR"), which is ignored.
 */
final class NamedRatios {

    private static final Pattern ITEM_START = Pattern.compile("^\\s*-\\s+");
    /** "ADR (average daily rate) = …", "Length of stay (LOS) in days = …". */
    private static final Pattern NAMED = Pattern.compile(
            "^\\s*([A-Za-z][A-Za-z' -]{0,40}?)\\s*\\(([A-Za-z][A-Za-z' -]{0,40})\\)(?:\\s+in\\s+[a-z]+)?\\s*=\\s*(.+?)\\s*\\.?\\s*$");
    /** 2 to 6 letters, at least two of them capitals: ADR, RevPAR, SAIDI. */
    private static final Pattern ACRONYM = Pattern.compile("(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z]{2,6}");

    /** "On-time delivery (OTD): delivered_at::DATE <= promised_date, over delivered shipments". */
    private static final Pattern RATE = Pattern.compile(
            "^\\s*([A-Za-z][A-Za-z -]{1,40}?)\\s*(?:\\(([A-Za-z]{2,6})\\))?\\s*:"
                    + "\\s*([a-z_]+)(?:::([A-Za-z]+))?\\s*(<=|>=|<|>|=)\\s*([a-z_]+),\\s*over\\s+([A-Za-z ]+?)\\s*\\.?\\s*$");

    private static final Pattern FROM_TABLE = Pattern.compile("^(.*?)\\s+from\\s+([a-z_]+)$");
    private static final Pattern SUM = Pattern.compile("^sum\\((.+)\\)$");
    private static final Pattern COLUMN = Pattern.compile("^(?:([a-z_]+)\\.)?([a-z_]+)$");
    private static final Pattern PARENS = Pattern.compile("\\(([^()]+)\\)");
    private static final Pattern COUNT = Pattern.compile("^(?:the\\s+)?(?:number|count)\\s+of\\s+(.+)$");
    private static final Set<String> TRAILING =
            Words.set("in the period", "in a period", "in the month", "per period", "of the period");

    private static final String WHOLE_COUNT = "(SELECT count(*) FROM ";

    private NamedRatios() {}

    /**
     * A ratio over all records of another table ("/ customers served") is one figure for the whole: grouped, narrowed
     * or ranked, its denominator would still count every record, so such a question is declined.
     */
    static final class WholeOnly implements PlanStage {
        @Override
        public java.util.Optional<String> apply(PlanDraft draft) {
            if (draft.metric == null
                    || !draft.metric.expression().contains(WHOLE_COUNT)
                    || draft.dims.isEmpty()
                            && draft.filters.isEmpty()
                            && draft.numerator.isEmpty()
                            && draft.timeGroup == null
                            && draft.limit == null
                            && draft.firstEvent == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(draft.metric.label() + " divides by all the records of another table, so I"
                    + " can give it only for the whole, not per group or for some records");
        }
    }

    static void learn(SemanticModel model, Planner planner, String instruction) {
        if (instruction == null || instruction.isBlank()) {
            return;
        }
        for (String item : items(instruction)) {
            for (String sentence : item.split(";|\\.\\s+")) {
                Matcher m = NAMED.matcher(sentence);
                if (m.matches()) {
                    define(model, m.group(1).strip(), m.group(2).strip(), m.group(3));
                }
                Matcher r = RATE.matcher(sentence);
                if (r.matches()) {
                    rate(model, planner, r);
                }
            }
        }
    }

    /**
     * "On-time delivery (OTD): delivered_at::DATE <= promised_date, over delivered shipments": the share of the
     * records the "over" phrase counts whose two columns compare so, named "<name> rate" (and by the abbreviation).
     */
    private static void rate(SemanticModel model, Planner planner, Matcher r) {
        String name = r.group(1).strip();
        String acronym = r.group(2);
        Plan whole = InstructionVocabulary.countPlan(model, planner, r.group(7));
        if (whole == null) {
            return;
        }
        String table = whole.base();
        Schema.Table t = model.schema.table(table).orElseThrow();
        Schema.Column left = t.columns().stream()
                .filter(c -> c.name().equals(r.group(3)))
                .findFirst()
                .orElse(null);
        Schema.Column right = t.columns().stream()
                .filter(c -> c.name().equals(r.group(6)))
                .findFirst()
                .orElse(null);
        if (left == null || right == null || left.numeric() != right.numeric() || left.temporal() != right.temporal()) {
            return;
        }
        String cast = r.group(4) == null ? "" : "::" + r.group(4).toUpperCase(Locale.ROOT);
        String counted =
                "{" + table + "}." + left.name() + cast + " " + r.group(5) + " {" + table + "}." + right.name();
        List<String> filters = InstructionVocabulary.conditions(model, whole);
        Set<String> columns = new LinkedHashSet<>(List.of(table + "." + left.name(), table + "." + right.name()));
        Set<String> filterColumns = new LinkedHashSet<>();
        for (Schema.Column c : t.columns()) {
            if (filters.stream().anyMatch(f -> f.contains("{" + table + "}." + c.name()))) {
                columns.add(table + "." + c.name());
                filterColumns.add(table + "." + c.name());
            }
        }
        List<String> words = stems(name);
        if (!words.contains("rate")) {
            words = new ArrayList<>(words);
            words.add("rate");
        }
        String date = date(model, table);
        String label = String.join("_", name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
        Metric metric = Metric.ofTable(
                label.endsWith("rate") ? label : label + "_rate",
                words,
                table,
                "round(100.0 * count(*) FILTER (WHERE " + counted + ") / count(*), 2)",
                filters,
                columns,
                filterColumns,
                date,
                true);
        register(model, metric, words, acronym == null ? List.of() : stems(acronym));
    }

    /** A parenthesised condition restating a side in SQL ("adjudicated claims (status <> 'pending')"). */
    private static final Pattern RESTATED = Pattern.compile("\\s*\\([^()]*(?:<>|!=|<=|>=|<|>|=)[^()]*\\)\\s*$");

    /**
     * "Denial rate = denied claims / adjudicated claims (status <> 'pending')" while a golden query defines a measure
     * of the same name otherwise (counting denied and appealed claims): the sets' convention is that the business
     * definitions are the ones the system instruction states, so the instruction's count ratio takes the name (its
     * words, and the learned measure's own words) from the learned one. Only when the learned measure is the one thing
     * of that name and the instruction's ratio plans as a share of one table's records.
     */
    static void redefine(SemanticModel model, Planner planner, String lhs, List<String> stems, String rhs) {
        List<SemanticModel.Entry> named =
                model.entries.stream().filter(e -> e.words().equals(stems)).toList();
        if (named.isEmpty()
                || named.stream()
                        .anyMatch(e -> e.kind() != SemanticModel.Kind.METRIC
                                || e.metric() == null
                                || e.metric().source() == null
                                || !e.metric().percent())) {
            return;
        }
        Metric learned = named.get(0).metric();
        if (named.stream().anyMatch(e -> e.metric() != learned)) {
            return;
        }
        String[] sides = rhs.strip().split("/");
        String num = RESTATED.matcher(sides[0]).replaceFirst("");
        String den = RESTATED.matcher(sides[1]).replaceFirst("");
        Metric stated = InstructionVocabulary.countRatio(model, planner, lhs, stems, num, den);
        if (stated == null) {
            stated = restated(model, planner, lhs, stems, num, sides[1]);
        }
        if (stated == null
                || !stated.base().equals(learned.base())
                || stated.definition().equals(learned.definition())) {
            return;
        }
        Metric renamed = new Metric(
                learned.name(),
                learned.stems(),
                stated.base(),
                stated.expression(),
                stated.filters(),
                stated.tables(),
                stated.columns(),
                stated.filterColumns(),
                learned.timeTable() != null ? learned.timeTable() : stated.timeTable(),
                learned.timeTable() != null ? learned.timeColumn() : stated.timeColumn(),
                true,
                null);
        List<SemanticModel.Entry> replaced = new ArrayList<>();
        for (SemanticModel.Entry e : model.entries) {
            replaced.add(
                    e.metric() == learned
                            ? new SemanticModel.Entry(
                                    e.kind(),
                                    e.words(),
                                    e.match(),
                                    renamed.base(),
                                    e.column(),
                                    e.value(),
                                    renamed,
                                    e.partial(),
                                    e.needsUpper(),
                                    e.weak(),
                                    e.qualifier(),
                                    e.conditions())
                            : e);
        }
        model.entries.clear();
        model.entries.addAll(replaced);
        model.metrics.replaceAll(m -> m == learned ? renamed : m);
    }

    /** "status <> 'pending'": a column named by the word that holds the value, compared with it. */
    private static final Pattern LITERAL_TEST =
            Pattern.compile("^\\s*\\(\\s*([a-z_]+)\\s*(<>|!=|=)\\s*'([^']+)'\\s*\\)\\s*$");

    /**
     * "denied claims / adjudicated claims (status <> 'pending')": the records the denominator's words name are the
     * ones its parenthesised test keeps (on the one column of the numerator's table named by that word and holding
     * that value); the numerator's conditions count the part.
     */
    private static Metric restated(
            SemanticModel model, Planner planner, String lhs, List<String> stems, String num, String den) {
        Matcher r = RESTATED.matcher(den);
        if (!r.find()) {
            return null;
        }
        Matcher test = LITERAL_TEST.matcher(r.group());
        if (!test.matches()) {
            return null;
        }
        // "denied claims": a value of one column of the table the last word names, said plainly
        List<String> words = new ArrayList<>();
        for (Words.Token t : Words.tokenize(num.strip().toLowerCase(Locale.ROOT))) {
            if (t.kind() == Words.Kind.WORD) {
                words.add(t.stem());
            }
        }
        if (words.size() < 2) {
            return null;
        }
        List<String> noun = words.subList(words.size() - 1, words.size());
        List<String> said = words.subList(0, words.size() - 1);
        List<Schema.Table> tables = model.schema.tables().values().stream()
                .filter(t -> Words.nameStems(t.name()).equals(noun))
                .toList();
        if (tables.size() != 1) {
            return null;
        }
        String base = tables.get(0).name();
        List<String> counted = new ArrayList<>();
        for (Schema.Column c : tables.get(0).columns()) {
            for (String v : c.values()) {
                if (Words.nameStems(v).equals(said)) {
                    counted.add("{" + base + "}." + c.name() + " = '" + v.replace("'", "''") + "'");
                }
            }
        }
        List<Schema.Column> named = tables.get(0).columns().stream()
                .filter(c -> (c.name().equals(test.group(1)) || c.name().endsWith("_" + test.group(1)))
                        && c.values().contains(test.group(3)))
                .toList();
        if (named.size() != 1 || counted.size() != 1) {
            return null;
        }
        Schema.Column col = named.get(0);
        String whole = "{" + base + "}." + col.name() + " " + (test.group(2).equals("=") ? "=" : "<>") + " '"
                + test.group(3) + "'";
        Set<String> columns = new LinkedHashSet<>();
        columns.add(base + "." + col.name());
        for (Schema.Column c : model.schema.table(base).orElseThrow().columns()) {
            if (counted.stream().anyMatch(x -> x.contains("{" + base + "}." + c.name()))) {
                columns.add(base + "." + c.name());
            }
        }
        String date = date(model, base);
        return Metric.ofTable(
                InstructionVocabulary.name(lhs),
                stems,
                base,
                "round(100.0 * count(*) FILTER (WHERE " + String.join(" AND ", counted) + ") / count(*), 2)",
                List.of(whole),
                columns,
                Set.of(base + "." + col.name()),
                date,
                true);
    }

    /** The instruction's items ("- …"), each with the lines that continue it joined to it. */
    private static List<String> items(String instruction) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : instruction.split("\\n")) {
            Matcher start = ITEM_START.matcher(line);
            if (start.lookingAt()) {
                if (current != null) {
                    out.add(current.toString());
                }
                current = new StringBuilder(line.substring(start.end()));
            } else if (current != null && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
                current.append(' ').append(line.strip());
            } else {
                if (current != null) {
                    out.add(current.toString());
                }
                current = null;
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    private static void define(SemanticModel model, String outside, String inside, String rhs) {
        String acronym;
        String longName;
        if (ACRONYM.matcher(outside).matches() && !ACRONYM.matcher(inside).matches()) {
            acronym = outside;
            longName = inside;
        } else if (ACRONYM.matcher(inside).matches()
                && !ACRONYM.matcher(outside).matches()) {
            acronym = inside;
            longName = outside;
        } else {
            return;
        }
        Metric found = null;
        for (String form : rhs.split("\\s=\\s")) {
            if (slashes(form) == 1) {
                found = ratio(model, acronym, form.strip());
                break;
            }
        }
        Metric metric = found;
        if (metric == null) {
            return;
        }
        register(model, metric, stems(longName), stems(acronym));
    }

    /** The measure under its long name (two words or more) and its abbreviation, where each is free. */
    private static void register(SemanticModel model, Metric metric, List<String> longWords, List<String> shortWords) {
        if (model.metrics.stream().anyMatch(x -> x.name().equals(metric.name()))) {
            return;
        }
        boolean shortFree = !shortWords.isEmpty() && free(model, shortWords);
        boolean longFree = longWords.size() >= 2 && free(model, longWords);
        if (!shortFree && !longFree) {
            return;
        }
        model.metrics.add(metric);
        for (List<String> words : List.of(shortWords, longWords)) {
            if (words == shortWords ? shortFree : longFree) {
                model.entries.add(new SemanticModel.Entry(
                        SemanticModel.Kind.METRIC,
                        words,
                        SemanticModel.Match.STEM,
                        metric.base(),
                        null,
                        null,
                        metric,
                        false,
                        false));
            }
        }
    }

    private static int slashes(String s) {
        int depth = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '/' && depth == 0) {
                n++;
            }
        }
        return n;
    }

    private static Metric ratio(SemanticModel model, String acronym, String form) {
        String text = form;
        String hint = null;
        Matcher from = FROM_TABLE.matcher(text);
        if (from.matches()) {
            text = from.group(1);
            hint = from.group(2);
        }
        int at = -1;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == '/' && depth == 0) {
                at = i;
            }
        }
        String num = text.substring(0, at).strip();
        String den = text.substring(at + 1).strip();
        List<Term> top = sum(model, num, hint, text);
        if (top == null || top.isEmpty()) {
            return null;
        }
        String table = top.get(0).column().table();
        if (top.stream().anyMatch(t -> !t.column().table().equals(table))) {
            return null;
        }
        String denominator;
        boolean percent = false;
        Set<String> columns = new LinkedHashSet<>();
        top.forEach(t -> columns.add(table + "." + t.column().name()));
        List<Term> bottom = sum(model, den, hint == null ? table : hint, text);
        if (bottom != null && !bottom.isEmpty()) {
            if (bottom.stream().anyMatch(t -> !t.column().table().equals(table))) {
                return null;
            }
            denominator = "sum(" + expression(table, bottom) + ")";
            bottom.forEach(t -> columns.add(table + "." + t.column().name()));
            percent = top.size() == 1
                    && (bottom.stream()
                                    .anyMatch(t -> t.column().equals(top.get(0).column()))
                            || bottom.size() == 1
                                    && sameKind(
                                            top.get(0).column(), bottom.get(0).column()));
        } else {
            String counted = counted(model, den);
            if (counted == null) {
                return null;
            }
            denominator = counted.equals(table) ? "count(*)" : WHOLE_COUNT + SqlWriter.ident(counted) + ")";
        }
        String expression = "round(" + (percent ? "100.0 * " : "") + "sum(" + expression(table, top) + ") / "
                + denominator + ", 2)";
        String date = date(model, table);
        return Metric.ofTable(
                String.join("_", acronym.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")),
                stems(acronym),
                table,
                expression,
                List.of(),
                columns,
                Set.of(),
                date,
                percent);
    }

    /** The date the learned measures of that table are placed in time by, when they agree; else its default date. */
    private static String date(SemanticModel model, String table) {
        Set<String> used = new LinkedHashSet<>();
        model.metrics.stream()
                .filter(m -> table.equals(m.timeTable()) && m.timeColumn() != null)
                .forEach(m -> used.add(m.timeColumn()));
        return used.size() == 1 ? used.iterator().next() : model.defaultDate.get(table);
    }

    private record Term(Schema.Column column, boolean negative) {}

    private static String expression(String table, List<Term> terms) {
        StringBuilder out = new StringBuilder();
        for (Term t : terms) {
            if (!out.isEmpty() || t.negative()) {
                out.append(t.negative() ? " - " : " + ");
            }
            out.append('{').append(table).append("}.").append(t.column().name());
        }
        return out.toString().strip();
    }

    /** Two amounts of one kind (rooms sold of rooms available, amount paid of amount allowed): a percentage. */
    private static boolean sameKind(Schema.Column a, Schema.Column b) {
        return a.type() == b.type() && Words.nameStems(a.name()).stream().anyMatch(Words.nameStems(b.name())::contains);
    }

    /**
     * "sum(room_revenue)", "good_qty + scrap_qty", "outages.customer_minutes_interrupted", "invoiced service revenue
     * (total_amount minus device_installment and taxes_and_fees)": the signed numeric columns added up, or null.
     */
    private static List<Term> sum(SemanticModel model, String side, String hint, String context) {
        String s = side.strip();
        Matcher sum = SUM.matcher(s);
        if (sum.matches()) {
            s = sum.group(1).strip();
        } else if (s.startsWith("(") && s.endsWith(")") && s.indexOf('(', 1) < 0) {
            s = s.substring(1, s.length() - 1).strip();
        } else if (!COLUMN.matcher(s.split("\\s*[+-]\\s*")[0]).matches()) {
            // words describing a parenthesised formula of columns: "invoiced service revenue (a minus b and c)"
            Matcher p = PARENS.matcher(s);
            if (!p.find() || p.end() != s.length() || !s.substring(0, p.start()).matches("[A-Za-z ]+")) {
                return null;
            }
            s = p.group(1).strip();
        }
        List<Term> out = new ArrayList<>();
        boolean negative = false;
        boolean minusList = false;
        for (String tok : s.replace("+", " + ").replace(" - ", " - ").split("\\s+")) {
            if (tok.isEmpty()) {
                continue;
            }
            if (tok.equals("+") || tok.equals("plus")) {
                negative = false;
                minusList = false;
                continue;
            }
            if (tok.equals("-") || tok.equals("minus")) {
                negative = true;
                minusList = true;
                continue;
            }
            if (tok.equals("and") && minusList) {
                negative = true; // "a minus b and c": both taken off
                continue;
            }
            Matcher c = COLUMN.matcher(tok);
            if (!c.matches() || !tok.contains("_") && c.group(1) == null && !single(model, tok, hint, context)) {
                return null;
            }
            Schema.Column col = column(model, c.group(1) != null ? c.group(1) : hint, c.group(2), context);
            if (col == null) {
                return null;
            }
            out.add(new Term(col, negative));
            negative = false;
        }
        return out;
    }

    private static boolean single(SemanticModel model, String name, String hint, String context) {
        return column(model, hint, name, context) != null;
    }

    /** The one numeric column of that name (in the hinted table, else the one table holding every column said). */
    private static Schema.Column column(SemanticModel model, String table, String name, String side) {
        List<Schema.Column> found = new ArrayList<>();
        for (Schema.Table t : model.schema.tables().values()) {
            if (table != null && !t.name().equals(table)) {
                continue;
            }
            t.columns().stream()
                    .filter(c -> c.name().equals(name) && c.numeric() && !c.identifier())
                    .forEach(found::add);
        }
        if (found.size() > 1 && table == null) {
            found.removeIf(c -> !holdsAll(model.schema.table(c.table()).orElseThrow(), side));
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    private static boolean holdsAll(Schema.Table t, String side) {
        for (String w : side.split("[^a-z_.]+")) {
            if (w.contains("_")
                    && !w.contains(".")
                    && t.columns().stream().noneMatch(c -> c.name().equals(w))) {
                return false;
            }
        }
        return true;
    }

    /** "number of invoices in the period", "customers served": the table whose records are counted, or null. */
    private static String counted(SemanticModel model, String side) {
        String s = side.strip().toLowerCase(Locale.ROOT);
        Matcher count = COUNT.matcher(s);
        if (count.matches()) {
            s = count.group(1).strip();
        }
        for (String tail : TRAILING) {
            if (s.endsWith(" " + tail)) {
                s = s.substring(0, s.length() - tail.length() - 1).strip();
            }
        }
        String[] words = s.split("\\s+");
        if (words.length > 2 || words.length == 2 && !words[1].endsWith("ed")) {
            return null; // a table's name, possibly with a participle that says what its records are ("served")
        }
        if (words.length == 2
                && !model.mentions(Words.tokenize(words[1]), new java.util.BitSet(), Set.of())
                        .isEmpty()) {
            return null; // a participle that names something of the data ("churned") is a condition
        }
        String name = words[0];
        return model.schema.table(name).isPresent() ? name : null;
    }

    private static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        for (Words.Token t : Words.tokenize(text.toLowerCase(Locale.ROOT))) {
            if (t.kind() == Words.Kind.WORD
                    && (!Words.STOP.contains(t.text()) || Words.MEANINGFUL_STOP.contains(t.text()))) {
                out.add(t.stem());
            }
        }
        return out;
    }

    /** No table, value or learned measure is said with these words (a column of that name may be: ADR, adr). */
    private static boolean free(SemanticModel model, List<String> words) {
        return !words.isEmpty()
                && model.entries.stream()
                        .noneMatch(e -> e.words().equals(words) && e.kind() != SemanticModel.Kind.COLUMN);
    }
}
