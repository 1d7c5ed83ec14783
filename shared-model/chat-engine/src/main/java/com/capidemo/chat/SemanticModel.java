package com.capidemo.chat;

import com.capidemo.core.domain.GoldenQuery;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The planner's view of a demo: the schema plus a lexicon of phrases that name its tables, columns, category values
 * and learned measures, each phrase stemmed the same way as questions are. Built once per dataset.
 */
final class SemanticModel {

    enum Kind {
        TABLE,
        COLUMN,
        VALUE,
        METRIC
    }

    /** STEM_PREFIX: a date column's one word, also said as a longer noun ("delivery" for delivered_at). */
    enum Match {
        STEM,
        SURFACE,
        VALUE_STEM,
        STEM_PREFIX
    }

    /** One phrase of the lexicon and what it names. */
    /** Entries of the lexicon; an entry may carry conditions (a definition such as "repeat customer"). */
    record Entry(
            Kind kind,
            List<String> words,
            Match match,
            String table,
            String column,
            String value,
            Metric metric,
            boolean partial,
            boolean needsUpper,
            boolean weak,
            int qualifier,
            List<Plan.Cond> conditions) {
        Entry(
                Kind kind,
                List<String> words,
                Match match,
                String table,
                String column,
                String value,
                Metric metric,
                boolean partial,
                boolean needsUpper,
                boolean weak,
                int qualifier) {
            this(kind, words, match, table, column, value, metric, partial, needsUpper, weak, qualifier, null);
        }

        Entry(
                Kind kind,
                List<String> words,
                Match match,
                String table,
                String column,
                String value,
                Metric metric,
                boolean partial,
                boolean needsUpper) {
            this(kind, words, match, table, column, value, metric, partial, needsUpper, false, 0);
        }

        Entry(
                Kind kind,
                List<String> words,
                Match match,
                String table,
                String column,
                String value,
                Metric metric,
                boolean partial,
                boolean needsUpper,
                boolean weak) {
            this(kind, words, match, table, column, value, metric, partial, needsUpper, weak, 0);
        }
    }

    /** Where an entry was found in a question. */
    record Mention(Entry entry, BitSet tokens, int first, int last, double score) {
        Kind kind() {
            return entry.kind();
        }

        String table() {
            return entry.table();
        }

        String column() {
            return entry.column();
        }
    }

    private static final Set<String> GENERIC_TABLE_WORDS =
            Words.set("level", "histori", "log", "record", "data", "result", "statu", "detail", "fact", "dim");
    /** Words that may sit inside a phrase without breaking it ("enrolled in digital banking", "resolution time in hours"). */
    private static final Set<String> GLUE =
            Words.set("of", "in", "to", "for", "on", "at", "the", "a", "an", "and", "as", "time");

    private static final Set<String> GENERIC_COLUMN_WORDS = Words.set(
            "at",
            "id",
            "date",
            "time",
            "code",
            "number",
            "count",
            "total",
            "name",
            "flag",
            "is",
            "ha",
            "on",
            "of",
            "per",
            "the",
            "and",
            "to",
            "in",
            "first",
            "last",
            "timestamp",
            "ts",
            "valu",
            "percent",
            "pct");
    private static final Set<String> GENERIC_VALUES = Words.set(
            "other",
            "others",
            "none",
            "unknown",
            "n/a",
            "na",
            "null",
            "yes",
            "no",
            "true",
            "false",
            "all",
            "misc",
            "general",
            "default",
            "new",
            "standard");
    private static final Set<String> GENERIC_METRIC_HEADS = Words.set(
            "rate", "valu", "amount", "count", "total", "number", "percent", "averag", "sum", "per", "share", "ratio",
            "score", "dai", "hour", "minut", "day");

    final Schema schema;
    final List<Metric> metrics;
    final List<Entry> entries = new ArrayList<>();
    final Map<String, String> defaultDate = new HashMap<>();
    final Map<String, String> label = new HashMap<>();
    final List<GoldenQuery> goldens;
    /** Sums the system instruction defines over some records only (filled with the definitions). */
    final List<DefinedSums.DefinedSum> definedSums = new ArrayList<>();
    /** States the instruction's definitions leave out ("of flights not cancelled"), as conditions that keep the rest. */
    final List<Plan.Cond> excludedStates = new ArrayList<>();
    /** Terms the instruction defines that no mechanism learned (their stems, the definition as written). */
    final Map<List<String>, String> unappliedTerms = new java.util.LinkedHashMap<>();

    private final Set<List<String>> tableNames = new HashSet<>();
    /** Values two category columns of one table hold on the same rows (checked on the data; none when not loaded). */
    SameRows sameRows = SameRows.none();

    SemanticModel(Schema schema, List<GoldenQuery> goldens) {
        this.schema = schema;
        this.goldens = goldens;
        MetricMiner.Learned learned = MetricMiner.mine(schema, goldens);
        this.metrics = new ArrayList<>(learned.metrics());
        for (Schema.Table t : schema.tables().values()) {
            tableNames.add(Words.nameStems(t.name()));
            defaultDate.put(t.name(), pickDefaultDate(t));
            label.put(t.name(), pickLabel(t));
        }
        buildTables();
        buildColumns(learned.synonyms());
        buildValues();
        buildMetrics();
    }

    private void buildTables() {
        Map<String, List<String>> partialOwners = new HashMap<>();
        Set<List<String>> fullNames = new HashSet<>();
        for (Schema.Table t : schema.tables().values()) {
            fullNames.add(Words.nameStems(t.name()));
        }
        for (Schema.Table t : schema.tables().values()) {
            List<String> words = Words.nameStems(t.name());
            entries.add(new Entry(Kind.TABLE, words, Match.STEM, t.name(), null, null, null, false, false));
            if (words.size() > 1) {
                for (String w : words) {
                    if (!GENERIC_TABLE_WORDS.contains(w) && !fullNames.contains(List.of(w))) {
                        partialOwners.computeIfAbsent(w, k -> new ArrayList<>()).add(t.name());
                    }
                }
            }
        }
        partialOwners.forEach((w, owners) -> owners.forEach(
                o -> entries.add(new Entry(Kind.TABLE, List.of(w), Match.STEM, o, null, null, null, true, false))));
    }

    private void buildColumns(Map<String, List<String>> synonyms) {
        Map<List<String>, Set<String>> seen = new HashMap<>();
        // names the golden queries give columns (source_name AS sales_channel) come first: they are full names
        synonyms.forEach((ref, aliases) -> {
            String[] tc = ref.split("\\.");
            Schema.Column c = schema.column(tc[0], tc[1]);
            for (String alias : aliases) {
                List<String> words = Words.nameStems(alias);
                if (!words.isEmpty()) {
                    addColumn(seen, words, c, false);
                }
            }
        });
        for (Schema.Table t : schema.tables().values()) {
            List<String> tableWords = Words.nameStems(t.name());
            String head = tableWords.get(tableWords.size() - 1);
            Set<String> keys = new HashSet<>();
            if (t.primaryKey() != null) {
                keys.add(t.primaryKey());
            }
            t.links().forEach(l -> keys.add(l.column()));
            for (Schema.Column c : t.columns()) {
                if (c.identifier() || keys.contains(c.name())) {
                    continue; // keys relate tables; the tables themselves are named by their own words
                }
                List<String> words = columnWords(c);
                if (words.isEmpty()) {
                    continue;
                }
                addColumn(seen, words, c, false);
                if (c.temporal() && !words.equals(Words.nameStems(c.name()))) {
                    addColumn(seen, Words.nameStems(c.name()), c, false);
                }
                if (!words.get(0).equals(head) && !tableWords.containsAll(words)) {
                    List<String> qualified = new ArrayList<>();
                    qualified.add(head);
                    qualified.addAll(words);
                    addColumn(seen, qualified, c, false, 1);
                    if (tableWords.size() > 1) {
                        List<String> full = new ArrayList<>(tableWords);
                        full.addAll(words);
                        addColumn(seen, full, c, false, tableWords.size());
                    }
                }
                if (words.size() > 1) {
                    for (String w : words) {
                        if (!GENERIC_COLUMN_WORDS.contains(w) && !Character.isDigit(w.charAt(0))) {
                            addColumn(seen, List.of(w), c, true);
                        }
                    }
                }
            }
        }
    }

    private void addColumn(Map<List<String>, Set<String>> seen, List<String> words, Schema.Column c, boolean partial) {
        addColumn(seen, words, c, partial, 0);
    }

    private void addColumn(
            Map<List<String>, Set<String>> seen, List<String> words, Schema.Column c, boolean partial, int qualifier) {
        if (tableNames != null && tableNames.contains(words)) {
            return; // "bookings" names the table, not booked_date
        }
        String key = c.table() + "." + c.name();
        if (seen.computeIfAbsent(words, k -> new HashSet<>()).add(key)) {
            Match match = c.temporal() && words.size() == 1 ? Match.STEM_PREFIX : Match.STEM;
            entries.add(new Entry(
                    Kind.COLUMN,
                    List.copyOf(words),
                    match,
                    c.table(),
                    c.name(),
                    null,
                    null,
                    partial,
                    false,
                    false,
                    qualifier));
        }
    }

    /** The words that name a column: created_at → [creat], digital_banking_enrolled → [digit, bank, enrol]. */
    static List<String> columnWords(Schema.Column c) {
        List<String> words = new ArrayList<>(Words.nameStems(c.name()));
        if (c.type() == Schema.Type.BOOLEAN
                && !words.isEmpty()
                && (words.get(0).equals("is") || words.get(0).equals("ha"))) {
            words.remove(0);
        }
        if (c.temporal()) {
            while (words.size() > 1
                    && List.of("at", "on", "date", "time", "timestamp", "ts", "dt")
                            .contains(words.get(words.size() - 1))) {
                words.remove(words.size() - 1);
            }
        }
        return words;
    }

    private void buildValues() {
        Set<String> tableStems = new HashSet<>();
        for (Schema.Table t : schema.tables().values()) {
            tableStems.addAll(Words.nameStems(t.name()));
        }
        for (Schema.Table t : schema.tables().values()) {
            for (Schema.Column c : t.columns()) {
                if (c.values().isEmpty()) {
                    continue;
                }
                boolean codes =
                        c.values().stream().allMatch(v -> v.length() <= 3 && v.equals(v.toUpperCase(Locale.ROOT)))
                                && c.values().stream().anyMatch(v -> v.length() == 2);
                for (String v : c.values()) {
                    String lower = v.toLowerCase(Locale.ROOT).strip();
                    if (GENERIC_VALUES.contains(lower) || lower.isEmpty() || lower.matches("[0-9.\\s/-]+")) {
                        continue;
                    }
                    List<String> words = Words.valueWords(v);
                    if (words.isEmpty()) {
                        continue;
                    }
                    boolean shortCode = v.length() <= 2;
                    if (tableNames.contains(words.stream().map(Words::stem).toList())) {
                        continue; // "customers" names the table, not cancel_reason 'customer'
                    }
                    boolean weak = words.stream().anyMatch(w -> tableStems.contains(Words.stem(w)));
                    entries.add(new Entry(
                            Kind.VALUE, words, Match.SURFACE, t.name(), c.name(), v, null, false, shortCode, weak));
                    if (words.size() == 1 && words.get(0).length() >= 4) {
                        entries.add(new Entry(
                                Kind.VALUE,
                                List.of(Words.stem(words.get(0))),
                                Match.VALUE_STEM,
                                t.name(),
                                c.name(),
                                v,
                                null,
                                false,
                                false,
                                true));
                    }
                }
                if (codes) {
                    String n = c.name().toLowerCase(Locale.ROOT);
                    Map<String, String> names = n.contains("country")
                            ? Places.COUNTRIES
                            : n.contains("state") || n.contains("province") || n.contains("region")
                                    ? Places.STATES
                                    : Map.of();
                    if (n.equals("sex") || n.equals("gender")) {
                        names = Places.SEXES;
                    }
                    Set<String> present = new HashSet<>(c.values());
                    if (names == Places.COUNTRIES) {
                        names = Places.countries(present);
                    }
                    names.forEach((name, code) -> {
                        if (present.contains(code)) {
                            entries.add(new Entry(
                                    Kind.VALUE,
                                    List.of(name.split(" ")),
                                    Match.SURFACE,
                                    t.name(),
                                    c.name(),
                                    code,
                                    null,
                                    false,
                                    false));
                        }
                    });
                }
            }
        }
    }

    private void buildMetrics() {
        Set<List<String>> names = new HashSet<>();
        entries.stream().filter(e -> !e.partial() && e.kind() != Kind.VALUE).forEach(e -> names.add(e.words()));
        Map<String, List<Metric>> heads = new LinkedHashMap<>();
        for (Metric m : metrics) {
            entries.add(new Entry(Kind.METRIC, m.stems(), Match.STEM, m.base(), null, null, m, false, false));
            String head = m.stems().get(m.stems().size() - 1);
            if (!GENERIC_METRIC_HEADS.contains(head) && !names.contains(List.of(head))) {
                heads.computeIfAbsent(head, k -> new ArrayList<>()).add(m);
            }
        }
        heads.forEach((head, ms) -> ms.forEach(m ->
                entries.add(new Entry(Kind.METRIC, List.of(head), Match.STEM, m.base(), null, null, m, true, false))));
        // "ED visits" counts the rows of its table that a qualifier its golden question names selects: "visits" on
        // its own names those rows, all of them
        Set<String> rowWords = new HashSet<>();
        heads.forEach((head, ms) -> ms.stream()
                .filter(m -> m.expression().equals("count(*)") && PlanCheck.missingQualifier(m, List.of()) != null)
                .map(Metric::base)
                .distinct()
                .forEach(base -> {
                    if (rowWords.add(head)) {
                        entries.add(
                                new Entry(Kind.TABLE, List.of(head), Match.STEM, base, null, null, null, true, false));
                    }
                }));
    }

    /** The agent's system instruction (null when there is none). */
    String instruction;

    private static final java.util.regex.Pattern DESCRIPTION = java.util.regex.Pattern.compile(
            "^\\s*-\\s*([a-z_]+)\\s*(?:\\([^)]*\\))?\\s*:\\s*(.+)$", java.util.regex.Pattern.MULTILINE);

    /**
     * The stems of what the system instruction says every row of a table is: its description's first line up to the
     * first parenthesis, comma, period, "with", "where" or "including" ("bookings: reservations made by rewards
     * members (a subset …)" gives reservations, made, by, rewards, members). Empty without a description.
     */
    Set<String> rowPhrase(String table) {
        Set<String> out = new HashSet<>();
        if (instruction == null) {
            return out;
        }
        java.util.regex.Matcher g = DESCRIPTION.matcher(instruction);
        while (g.find()) {
            if (g.group(1).equals(table)) {
                String lead = g.group(2)
                        .toLowerCase(java.util.Locale.ROOT)
                        .split("[(,;.:]|\\bwith\\b|\\bwhere\\b|\\bincluding\\b", 2)[0];
                Words.tokenize(lead).forEach(t -> out.add(t.stem()));
            }
        }
        return out;
    }

    /**
     * The stems of the modifiers of the plural noun a table's description starts with ("nps_responses: Net Promoter
     * Score survey answers (0-10)" gives net, promoter, score, survey): words said of every row. The run stops at the
     * first stop word, verb form (-ed, -ing) or non-word ("Smart and legacy meters" has none: a list of kinds).
     */
    Set<String> rowModifiers(String table) {
        Set<String> out = new HashSet<>();
        if (instruction == null) {
            return out;
        }
        java.util.regex.Matcher g = DESCRIPTION.matcher(instruction);
        while (g.find()) {
            if (!g.group(1).equals(table)) {
                continue;
            }
            List<String> run = InstructionVocabulary.leadingWords(g.group(2));
            if (run.size() >= 2 && run.get(run.size() - 1).endsWith("s")) {
                run.subList(0, run.size() - 1).forEach(w -> out.add(Words.stem(w)));
            }
        }
        return out;
    }

    /** The stem of the head noun of what the system instruction says every row of a table is ("members"), or null. */
    String rowNoun(String table) {
        if (instruction == null) {
            return null;
        }
        java.util.regex.Matcher g = DESCRIPTION.matcher(instruction);
        while (g.find()) {
            if (g.group(1).equals(table)) {
                String text = g.group(2).replaceAll("\\([^()]*\\)", " ").toLowerCase(java.util.Locale.ROOT);
                List<Words.Token> words =
                        Words.tokenize(text.split("[,;.:]|\\bwith\\b|\\bwhere\\b|\\bincluding\\b", 2)[0]);
                return words.isEmpty() ? null : words.get(words.size() - 1).stem();
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern TABLE_LINE =
            java.util.regex.Pattern.compile("^\\s*-\\s*([A-Za-z_]+)\\b.*$");

    /**
     * The tables whose description in the system instruction ("- crew_members (640 rows): Pilots and flight
     * attendants.") uses a word (by stem) when a general-English alternative of it names something only in other
     * tables: the data's own text says what the word belongs to, so the alternative would answer about another thing.
     * Empty when no description uses the word, the alternative is a form of the same word, or it names something of a
     * table whose description uses the word.
     */
    Set<String> describedElsewhere(String stem, String alternative) {
        String altStem = Words.stem(alternative);
        if (instruction == null || sameWord(stem, altStem)) {
            return Set.of();
        }
        Set<String> homes = describing(stem);
        if (homes.isEmpty()) {
            return Set.of();
        }
        String altSingular = Words.singular(alternative);
        for (Entry e : entries) {
            if (e.table() != null
                    && homes.contains(e.table())
                    && e.words().size() == 1
                    && e.words().get(0).equals(e.match() == Match.SURFACE ? altSingular : altStem)) {
                return Set.of();
            }
        }
        return homes;
    }

    /** Whether a table's description in the system instruction uses a word (by stem). */
    boolean described(String table, String stem) {
        return instruction != null && describing(stem).contains(table);
    }

    /** The tables whose description in the system instruction uses a word (by stem). */
    private Set<String> describing(String stem) {
        Set<String> homes = new HashSet<>();
        if (instruction == null) {
            return homes;
        }
        String table = null;
        for (String line : instruction.split("\n")) {
            java.util.regex.Matcher m = TABLE_LINE.matcher(line);
            if (m.matches()) {
                table = schema.table(m.group(1)).isPresent() ? m.group(1) : null;
            } else if (!line.startsWith(" ") || line.isBlank()) {
                table = null;
            }
            if (table != null) {
                for (Words.Token t : Words.tokenize(line)) {
                    if (t.stem().equals(stem)) {
                        homes.add(table);
                    }
                }
            }
        }
        return homes;
    }

    /** Two stems of one word in different forms ("diagnosi", "diagnos"): one begins with the other. */
    private static boolean sameWord(String a, String b) {
        return Math.min(a.length(), b.length()) >= 4 && (a.startsWith(b) || b.startsWith(a));
    }

    /**
     * Whether the system instruction states a learned measure's narrowing filter for its bare head word: a sentence
     * (not a table's description) that says the head word on its own, not after another word of a name ("exclude
     * cancelled orders from revenue", not "Gross revenue = …"), together with a word of a column the measure filters on.
     */
    boolean instructionStates(Metric m) {
        if (instruction == null || m.stems().isEmpty()) {
            return false;
        }
        String head = m.stems().get(m.stems().size() - 1);
        Set<String> filterWords = new HashSet<>();
        for (String tc : m.filterColumns()) {
            String[] p = tc.split("\\.");
            schema.table(p[0])
                    .flatMap(t -> t.column(p[1]))
                    .ifPresent(c -> columnWords(c).stream()
                            .filter(w -> !GENERIC_COLUMN_WORDS.contains(w))
                            .forEach(filterWords::add));
        }
        for (String line : instruction.split("\n")) {
            if (line.matches("^\\s*-\\s*[A-Za-z_]+\\s*:.*")) {
                continue;
            }
            for (String sentence : line.split("(?<=[.;])\\s+")) {
                List<Words.Token> tokens = Words.tokenize(sentence);
                boolean bare = false;
                boolean filter = false;
                for (Words.Token t : tokens) {
                    if (t.stem().equals(head)
                            && (t.index() == 0
                                    || Words.STOP.contains(
                                            tokens.get(t.index() - 1).text()))) {
                        bare = true;
                    }
                    if (filterWords.contains(t.stem())) {
                        filter = true;
                    }
                }
                if (bare && filter) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A numeric column that is a quantity, not a key. */
    boolean numeric(Mention m) {
        if (m.kind() != Kind.COLUMN) {
            return false;
        }
        Schema.Column c = schema.column(m.table(), m.column());
        return c.numeric() && !c.identifier();
    }

    boolean temporal(Mention m) {
        return m.kind() == Kind.COLUMN && schema.column(m.table(), m.column()).temporal();
    }

    /** A text column that identifies its rows (code, sku, title): naming it names the records. */
    boolean entityColumn(Mention m) {
        if (m.kind() != Kind.COLUMN) {
            return false;
        }
        Schema.Table t = schema.table(m.table()).orElseThrow();
        Schema.Column c = t.column(m.column()).orElseThrow();
        return c.type() == Schema.Type.TEXT && t.rows() > 0 && c.distinct() >= 0.95 * t.rows() && c.nulls() == 0;
    }

    boolean isBoolean(Mention m) {
        return m.kind() == Kind.COLUMN && schema.column(m.table(), m.column()).type() == Schema.Type.BOOLEAN;
    }

    /** How often each metric name is used by the golden queries (the house's default meaning of a word). */
    int goldenUses(Metric m) {
        int n = 0;
        for (GoldenQuery g : goldens) {
            if (g.sql() != null && g.sql().toLowerCase(Locale.ROOT).contains(" as " + m.name())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Finds every entry of the lexicon in the question (tokens marked in {@code skip} are not used). A one-word value
     * never matches an analytic cue word ({@code cues}: "top" is not the product type 'Tops').
     */
    List<Mention> mentions(List<Words.Token> tokens, BitSet skip, Set<String> cues) {
        List<Mention> out = new ArrayList<>();
        Set<String> dedupe = new HashSet<>();
        int n = tokens.size();
        for (Entry e : entries) {
            int len = e.words().size();
            for (int start = 0; start < n; start++) {
                if (skip.get(start)
                        || !matches(e, 0, tokens.get(start)) && !(len > 1 && matchesAny(e, tokens.get(start)))) {
                    continue;
                }
                if (len == 1
                        && e.kind() == Kind.VALUE
                        && cues.contains(tokens.get(start).text())) {
                    continue;
                }
                BitSet used = new BitSet();
                boolean[] done = new boolean[len];
                int matched = 0;
                int last = start;
                int gaps = 0;
                for (int i = start; i < n && i <= start + len + 1 && matched < len; i++) {
                    if (skip.get(i)) {
                        break;
                    }
                    Words.Token t = tokens.get(i);
                    int w = -1;
                    for (int k = 0; k < len; k++) {
                        if (!done[k] && matches(e, k, t)) {
                            w = k;
                            break;
                        }
                    }
                    if (w >= 0) {
                        done[w] = true;
                        used.set(i);
                        matched++;
                        last = i;
                    } else if (i == start || !gapAllowed(t)) {
                        break;
                    } else {
                        gaps++;
                    }
                }
                if (matched < len) {
                    continue;
                }
                gaps = last - start + 1 - len;
                if (e.needsUpper() && !tokens.get(start).upper()) {
                    continue;
                }
                String key = e.hashCode() + ":" + used;
                if (!dedupe.add(key)) {
                    continue;
                }
                out.add(new Mention(e, used, start, last, score(e, len, gaps)));
            }
        }
        return sameRows.prune(out, schema);
    }

    private static boolean gapAllowed(Words.Token t) {
        return t.kind() == Words.Kind.WORD && GLUE.contains(t.text());
    }

    private static boolean matchesAny(Entry e, Words.Token t) {
        for (int k = 0; k < e.words().size(); k++) {
            if (matches(e, k, t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Entry e, int k, Words.Token t) {
        String w = e.words().get(k);
        return switch (e.match()) {
            case STEM ->
                t.kind() != Words.Kind.DATE
                        && (t.stem().equals(w) || t.isNumber() && t.text().equals(w));
            case STEM_PREFIX ->
                t.kind() == Words.Kind.WORD
                        && (t.stem().equals(w)
                                || w.length() >= 4
                                        && t.stem().startsWith(w)
                                        && t.stem().length() - w.length() <= 3);
            case SURFACE -> t.text().equals(w) || Words.singular(t.text()).equals(w);
            case VALUE_STEM ->
                t.kind() == Words.Kind.WORD
                        && t.stem().length() >= 4
                        && (t.stem().equals(w)
                                || w.startsWith(t.stem())
                                        && w.length() - t.stem().length() <= 3
                                || t.stem().startsWith(w) && t.stem().length() - w.length() <= 3);
        };
    }

    /** Longer phrases win over several short ones (len²); exact value words beat stems; partial names count half. */
    private static double score(Entry e, int len, int gaps) {
        if (e.qualifier() > 0) {
            // "refund reason" scores like "refund" + "reason" (a table word and the column), plus a little
            int q = e.qualifier();
            int rest = len - q;
            return q * q + 0.45 + rest * rest + 0.4 + 0.05 - 0.05 * gaps;
        }
        double s = len * len;
        s += switch (e.kind()) {
            case METRIC -> 0.6;
            case COLUMN -> 0.4;
            case VALUE -> e.weak() ? 0.1 : e.match() == Match.SURFACE ? 0.5 : -0.4;
            case TABLE -> 0.45;
        };
        if (e.partial()) {
            s = s * 0.5;
        }
        return s - 0.05 * gaps;
    }

    /** The date that places a table's rows in time: created_at, an order/posting/opening date, … or none. */
    private static String pickDefaultDate(Schema.Table t) {
        String best = null;
        int bestScore = 0;
        String singular = Words.singular(t.name());
        for (Schema.Column c : t.columns()) {
            if (!c.temporal()) {
                continue;
            }
            String n = c.name().toLowerCase(Locale.ROOT);
            List<String> stems = columnWords(c);
            int score;
            if (n.equals("created_at") || n.equals("created_date") || n.equals("create_date")) {
                score = 100;
            } else if (n.equals("date")
                    || n.equals(singular + "_date")
                    || n.equals(singular + "_at")
                    || n.equals("event_time")
                    || n.equals("occurred_at")
                    || n.equals("timestamp")) {
                score = 90;
            } else if (stems.stream()
                    .anyMatch(s -> Set.of(
                                    "post",
                                    "process",
                                    "open",
                                    "origin",
                                    "start",
                                    "book",
                                    "order",
                                    "ship",
                                    "report",
                                    "submit",
                                    "issu",
                                    "place",
                                    "enrol",
                                    "join",
                                    "sinc",
                                    "signup",
                                    "regist",
                                    "stay",
                                    "charg",
                                    "review",
                                    "invoic",
                                    "inspect",
                                    "transact",
                                    "activ",
                                    "bill",
                                    "period",
                                    "servic",
                                    "sent",
                                    "schedul",
                                    "receiv")
                            .contains(s))) {
                score = 80;
            } else if (stems.stream()
                    .anyMatch(s -> Set.of(
                                    "birth",
                                    "matur",
                                    "expir",
                                    "end",
                                    "close",
                                    "due",
                                    "cancel",
                                    "resolv",
                                    "deliv",
                                    "updat",
                                    "modifi",
                                    "last",
                                    "publish",
                                    "promis",
                                    "expect",
                                    "plan",
                                    "decommiss",
                                    "termin",
                                    "churn",
                                    "paid",
                                    "complet",
                                    "fill",
                                    "respond",
                                    "respons",
                                    "first",
                                    "next",
                                    "renew",
                                    "check",
                                    "ship",
                                    "return",
                                    "refund",
                                    "install",
                                    "hire",
                                    "dob")
                            .contains(s))) {
                score = 0;
            } else {
                score = 50;
            }
            if (c.nulls() > t.rows() / 20) {
                score = Math.min(score, 10);
            }
            if (score > bestScore) {
                bestScore = score;
                best = c.name();
            }
        }
        List<Schema.Column> dates =
                t.columns().stream().filter(Schema.Column::temporal).toList();
        if (best == null && dates.size() == 1 && dates.get(0).nulls() <= t.rows() / 20) {
            return dates.get(0).name(); // the table's only date (responded_at of survey responses) places its rows
        }
        return bestScore >= 50 ? best : null;
    }

    /** A human-readable column for a table's rows (name, title, …), or null. */
    private static String pickLabel(Schema.Table t) {
        for (String candidate : List.of(
                "name",
                "title",
                "full_name",
                "display_name",
                "label",
                "code",
                "product_name",
                "customer_name",
                "company_name",
                "account_name",
                "hotel_name",
                "plan_name",
                "sku")) {
            if (t.column(candidate).filter(c -> c.type() == Schema.Type.TEXT).isPresent()) {
                return candidate;
            }
        }
        String singular = Words.singular(t.name());
        if (t.column(singular + "_name").isPresent()) {
            return singular + "_name";
        }
        if (t.column("first_name").isPresent() && t.column("last_name").isPresent()) {
            return "first_name || ' ' || last_name";
        }
        return null;
    }
}
