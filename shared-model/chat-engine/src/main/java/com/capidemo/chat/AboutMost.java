package com.capidemo.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What do customers contact support about most?", "what do guests complain or comment about most in reviews?": what
 * records are about is the one column of the tables the question names whose name says a topic (category, topic,
 * subject, reason, issue, theme) and holds categorical values; the question is asked as "what is the most common
 * category of support tickets", answered only when it plans as the count of those records per value of that column.
 * The other words (the verb) must name nothing in the data: a verb that names a value may narrow the records.
 */
final class AboutMost {

    private static final Pattern ABOUT = Pattern.compile(
            "(?i)^\\s*what\\s+(?:do|does|did)\\s+(.+?)\\s+about\\s+(?:the\\s+)?most(?:\\s+(?:often|frequently))?"
                    + "(?:\\s+(?:in|on|with|through|via)\\s+(.+?))?[\\s?.!]*$");

    /** Name parts of a column that says what a record is about. */
    private static final Set<String> TOPIC = Set.of("category", "topic", "subject", "reason", "issue", "theme");

    private final SemanticModel model;

    AboutMost(SemanticModel model) {
        this.model = model;
    }

    /** The column the records are about, as {table, column}, or null when the question is not of this form. */
    String[] topic(String question) {
        Matcher m = ABOUT.matcher(question);
        if (!m.matches()) {
            return null;
        }
        // the subject says who does it ("customers"); the other tables named say what records it makes
        String said = m.group(1) + (m.group(2) == null ? "" : " " + m.group(2));
        Set<String> subject = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        List<Words.Token> tokens = Words.tokenize(said);
        List<SemanticModel.Mention> mentions = model.mentions(tokens, new BitSet(), Set.of());
        BitSet named = new BitSet();
        named.set(0); // the subject
        for (SemanticModel.Mention mention : mentions) {
            if (mention.kind() == SemanticModel.Kind.TABLE) {
                (mention.first() == 0 ? subject : tables).add(mention.table());
                named.or(mention.tokens());
            }
        }
        // a verb that names something in the data ("complain" of a 'complaint' type) may narrow the records; a word
        // of one of their own column names ("contact" in first_contact_resolution) does not
        for (SemanticModel.Mention mention : mentions) {
            BitSet other = (BitSet) mention.tokens().clone();
            other.andNot(named);
            boolean ownColumnPart = mention.kind() == SemanticModel.Kind.COLUMN
                    && mention.entry().partial()
                    && (tables.contains(mention.table()) || tables.isEmpty() && subject.contains(mention.table()));
            if (mention.kind() != SemanticModel.Kind.TABLE && !ownColumnPart && !other.isEmpty()) {
                return null;
            }
        }
        if (tables.isEmpty()) {
            tables = subject;
        }
        List<String[]> found = new ArrayList<>();
        for (String t : tables) {
            for (Schema.Column c : model.schema.table(t).orElseThrow().columns()) {
                if (c.type() == Schema.Type.TEXT
                        && !c.values().isEmpty()
                        && Arrays.stream(c.name().toLowerCase(Locale.ROOT).split("_"))
                                .anyMatch(TOPIC::contains)) {
                    found.add(new String[] {t, c.name()});
                }
            }
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    /** The question asked as the most common value of that column among those records. */
    static String asked(String[] topic) {
        return "What is the most common " + topic[1].replace('_', ' ') + " of " + topic[0].replace('_', ' ') + "?";
    }

    /** Whether the plan counts the records per value of that column, most first. */
    static boolean fits(Planner.Planned p, String[] topic) {
        Plan plan = p.plan();
        return p.later() == null
                && p.measures().size() == 1
                && plan.base().equals(topic[0])
                && plan.measure().kind().equals("count")
                && plan.filters().stream().allMatch(c -> c.op().equals("not_null"))
                && plan.period() == null
                && plan.timeGroup() == null
                && !plan.ascending()
                && plan.dims().equals(List.of(new Plan.Dim(topic[0], topic[1], false)));
    }
}
