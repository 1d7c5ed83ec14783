package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A state the system instruction defines as several values of one column ("Open claims have status 'open' or
 * 'in_review'", "Delinquent loans have status late_30, late_60 or late_90"). A plan that reads the defined word as
 * only some of those values (status = 'open' for "how many claims are still open") would count fewer records than
 * the business means: the question is declined, naming the definition.
 */
final class DefinedStates {

    private static final Pattern STATE =
            Pattern.compile("^\\s*-?\\s*([A-Za-z]+)\\s+([a-z][a-z ]*?)\\s+(?:have|has)\\s+([a-z_]+)\\s+(.+?)\\s*$");

    /** One definition: the state word (stemmed), the records' table, the column and its values. */
    record Definition(String word, String table, String column, Set<String> values, String text) {}

    private DefinedStates() {}

    static List<Definition> read(SemanticModel model) {
        List<Definition> out = new ArrayList<>();
        if (model.instruction == null) {
            return out;
        }
        for (String raw : model.instruction.split("\\n|;|\\.\\s+|\\.$")) {
            Matcher m = STATE.matcher(raw);
            if (!m.matches()) {
                continue;
            }
            String records = m.group(2).toLowerCase(Locale.ROOT);
            String column = m.group(3);
            Set<String> values = List.of(m.group(4).split("\\s*,\\s*|\\s+or\\s+|\\s+and\\s+")).stream()
                    .map(v -> v.replace("'", "").replace("\"", "").strip())
                    .filter(v -> !v.isEmpty())
                    .collect(Collectors.toSet());
            if (values.size() < 2) {
                continue;
            }
            List<String> recordStems = Words.nameStems(records.replace(' ', '_'));
            for (Schema.Table t : model.schema.tables().values()) {
                Optional<Schema.Column> c = t.column(column);
                if (c.isPresent()
                        && c.get().values().containsAll(values)
                        && Words.nameStems(t.name()).equals(recordStems)) {
                    out.add(new Definition(
                            Words.stem(m.group(1).toLowerCase(Locale.ROOT)), t.name(), column, values, raw.strip()));
                }
            }
        }
        return out;
    }

    /** Why the plan misreads a defined state the question names, or empty. */
    static Optional<String> misread(SemanticModel model, Plan plan, String question) {
        List<Definition> definitions = read(model);
        if (definitions.isEmpty()) {
            return Optional.empty();
        }
        Set<String> stems =
                Words.tokenize(question).stream().map(Words.Token::stem).collect(Collectors.toSet());
        List<Plan.Cond> conds = new ArrayList<>(plan.filters());
        conds.addAll(plan.numerator());
        for (Definition d : definitions) {
            if (!stems.contains(d.word())) {
                continue;
            }
            for (Plan.Cond c : conds) {
                if (c.table().equals(d.table())
                        && c.column().equals(d.column())
                        && !c.values().isEmpty()
                        && !Set.copyOf(c.values()).equals(d.values())) {
                    return Optional.of("this demo defines it as \"" + d.text().replaceFirst("^-\\s*", "")
                            + "\", and I read only some of those values of " + c.column());
                }
            }
        }
        return Optional.empty();
    }
}
