package com.capidemo.chat;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * In a list of measures ("For each visit type, how many visits were there and what were the total billed and total
 * paid amounts?"), a clause that only names records ("how many visits were there") counts the records the other
 * clauses measure: every word of it names one table, which is the measured table itself (its rows are counted) or a
 * table the other clauses' plan already joins (its distinct records among them are counted), with the same groups,
 * conditions and period.
 */
final class SharedRecords {

    /** Measures over the measured table's own rows; a learned measure may count some rows only. */
    private static final Set<String> PLAIN = Set.of("count", "sum", "avg", "median", "min", "max", "percent");

    private final SemanticModel model;
    private final SqlWriter writer;

    SharedRecords(SemanticModel model, SqlWriter writer) {
        this.model = model;
        this.writer = writer;
    }

    /** The count of the records {@code words} names over what {@code shared} measures, or null. */
    Planner.Planned count(String words, Plan shared) {
        if (!PLAIN.contains(shared.measure().kind())
                || shared.measure().duration()
                || shared.firstEvent() != null
                || shared.limit() != null
                || shared.share()) {
            return null;
        }
        String table = namedTable(words);
        if (table == null) {
            return null;
        }
        Plan.Measure measure;
        if (table.equals(shared.base())) {
            measure = new Plan.Measure("count", shared.base(), null, null);
        } else {
            Optional<Schema.Table> t = model.schema.table(table);
            if (t.isEmpty() || t.get().primaryKey() == null || !shared.tables().contains(table)) {
                return null;
            }
            measure = new Plan.Measure("count_distinct", table, t.get().primaryKey(), null);
        }
        Plan plan = new Plan(
                shared.base(),
                measure,
                shared.dims(),
                shared.timeGroup(),
                shared.filters(),
                shared.period(),
                null,
                false,
                false);
        return writer.write(plan, Set.of())
                .map(sql -> new Planner.Planned(plan, sql))
                .orElse(null);
    }

    /** The one table every content word of {@code words} names, or null. */
    private String namedTable(String words) {
        List<Words.Token> tokens = Words.tokenize(words);
        List<SemanticModel.Mention> tables = model.mentions(tokens, new BitSet(), Set.of()).stream()
                .filter(m -> m.kind() == SemanticModel.Kind.TABLE)
                .toList();
        Set<String> named = new HashSet<>();
        boolean any = false;
        for (Words.Token t : tokens) {
            if (Words.isStop(t)) {
                continue;
            }
            any = true;
            List<SemanticModel.Mention> covering =
                    tables.stream().filter(m -> m.tokens().get(t.index())).toList();
            if (covering.isEmpty()) {
                return null;
            }
            covering.forEach(m -> named.add(m.table()));
        }
        return any && named.size() == 1 ? named.iterator().next() : null;
    }
}
