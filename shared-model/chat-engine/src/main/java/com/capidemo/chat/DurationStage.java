package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Durations between two timestamps of one record or of a child and its parent: "average delivery time" (delivered_at
 * from the order's created_at), "how long from shipping to delivery", "time to resolve a case in hours", "how long do
 * subscriptions last". The end is the date the question names that closes something (delivered, resolved, closed,
 * due …); the start is the other date named or, failing that, the date the record (or its parent) was created.
 */
final class DurationStage implements PlanStage {

    static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("minute", "minute"),
            Map.entry("minutes", "minute"),
            Map.entry("hour", "hour"),
            Map.entry("hours", "hour"),
            Map.entry("day", "day"),
            Map.entry("days", "day"),
            Map.entry("week", "week"),
            Map.entry("weeks", "week"),
            Map.entry("month", "month"),
            Map.entry("months", "month"),
            Map.entry("year", "year"),
            Map.entry("years", "year"));
    private static final Set<String> END = Words.set(
            "deliv", "resolv", "close", "end", "matur", "paid", "cancel", "due", "complet", "expir", "termin", "churn",
            "fill", "respond", "return", "refund", "finish", "last", "solv");
    private static final Set<String> CREATION = Words.set(
            "creat", "open", "start", "submit", "regist", "signup", "sign", "book", "place", "order", "origin", "enrol",
            "join", "issu", "post", "sinc", "receiv");

    /** Stems of a date that starts an entity's membership rather than an event (customer_since, joined_date). */
    private static final Set<String> MEMBERSHIP =
            Words.set("sinc", "join", "signup", "sign", "enrol", "regist", "member");

    private final SemanticModel model;

    DurationStage(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        int longToken = ctx.has("how") ? ctx.indexOf("long") : -1;
        int unitToken = -1;
        for (Words.Token t : draft.tokens) {
            if (UNITS.containsKey(t.text()) && !ctx.time().consumed().get(t.index())) {
                unitToken = t.index();
                break;
            }
        }
        boolean timeWord = draft.tokens.stream()
                .anyMatch(
                        t -> t.is("time", "duration") && !ctx.time().consumed().get(t.index()));
        boolean unitCount = unitToken > 0 && draft.tokens.get(unitToken - 1).is("many", "of");
        if (longToken < 0 && !timeWord && !unitCount
                || draft.sel.stream()
                        .anyMatch(m ->
                                model.numeric(m) && m.column().matches(".*_(hours|minutes|days|seconds|hrs|mins)$"))) {
            return Optional.empty(); // no duration asked, or the data holds it already (resolution_hours)
        }
        List<String[]> ends = new ArrayList<>();
        List<SemanticModel.Mention> named = new ArrayList<>();
        for (SemanticModel.Mention m : draft.sel) {
            if (model.temporal(m) && ends.stream().noneMatch(e -> e[0].equals(m.table()) && e[1].equals(m.column()))) {
                ends.add(new String[] {m.table(), m.column()});
                named.add(m);
            } else if (m.kind() == SemanticModel.Kind.TABLE
                    && m.first() > 0
                    && draft.tokens.get(m.first() - 1).is("from", "between")
                    && creation(m.table()) != null) {
                ends.add(new String[] {m.table(), creation(m.table())});
                named.add(m);
            }
        }
        String[] start;
        String[] end;
        if (ends.size() == 2) {
            start = ends.get(0);
            end = ends.get(1);
            if (isEnd(start) && !isEnd(end)) {
                String[] x = start;
                start = end;
                end = x;
            }
        } else if (ends.size() == 1 && isEnd(ends.get(0))) {
            end = ends.get(0);
            start = implicitStart(end);
        } else if (ends.isEmpty() && (ctx.has("last") || ctx.has("run") || ctx.has("lasts") || ctx.has("runs"))) {
            SemanticModel.Mention subject = draft.sel.stream()
                    .filter(m -> m.kind() == SemanticModel.Kind.TABLE)
                    .findFirst()
                    .orElse(null);
            if (subject == null) {
                return Optional.empty();
            }
            String own = creation(subject.table());
            String close = closing(subject.table());
            if (own == null || close == null) {
                return Optional.empty();
            }
            start = new String[] {subject.table(), own};
            end = new String[] {subject.table(), close};
            named.add(subject);
        } else {
            return Optional.empty();
        }
        if (start == null) {
            return Optional.of("I don't know from which date to measure the time until " + end[1]);
        }
        String base;
        if (model.schema.pathUp(end[0], start[0]).isPresent()) {
            base = end[0];
        } else if (model.schema.pathUp(start[0], end[0]).isPresent()) {
            base = start[0];
        } else {
            return Optional.of("I cannot relate " + start[1] + " to " + end[1]);
        }
        String unit = unitToken >= 0 ? UNITS.get(draft.tokens.get(unitToken).text()) : "day";
        draft.measure =
                new Plan.Measure(ctx.has("median") ? "median" : "avg", end[0], end[1], null, start[0], start[1], unit);
        draft.base = base;
        draft.used.addAll(named);
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() == SemanticModel.Kind.COLUMN
                    && (m.column().equals(start[1]) && m.table().equals(start[0])
                            || m.column().equals(end[1]) && m.table().equals(end[0]))) {
                draft.used.add(m);
            }
        }
        if (unitToken >= 0) {
            draft.applied.set(unitToken);
            SemanticModel.Mention covering = draft.at.get(unitToken);
            if (covering != null) {
                draft.used.add(covering);
            }
        }
        if (longToken >= 0) {
            draft.applied.set(longToken);
        }
        draft.tokens.stream()
                .filter(t -> t.is("last", "lasts", "run", "runs", "after", "before"))
                .forEach(t -> draft.applied.set(t.index()));
        return Optional.empty();
    }

    private boolean isEnd(String[] tc) {
        return SemanticModel.columnWords(model.schema.column(tc[0], tc[1])).stream()
                .anyMatch(END::contains);
    }

    /** The date a record begins with: created_at and the like, or an opening/start/origination date. */
    private String creation(String table) {
        Schema.Table t = model.schema.table(table).orElseThrow();
        String fallback = null;
        for (Schema.Column c : t.columns()) {
            if (!c.temporal() || c.nulls() > t.rows() / 20) {
                continue;
            }
            List<String> words = SemanticModel.columnWords(c);
            if (words.stream().anyMatch(END::contains)) {
                continue;
            }
            if (c.name().equals("created_at")
                    || c.name().equals("created_date")
                    || c.name().equals("create_date")) {
                return c.name();
            }
            if (fallback == null && words.stream().anyMatch(CREATION::contains)) {
                fallback = c.name();
            }
        }
        return fallback;
    }

    /**
     * The one date of a table named after its records (ship_date of shipments, flight_date of flights) and not closing
     * them: the day each record happened, so the start of the time until its closing date; null when none or several.
     */
    private String namedForRecords(String table) {
        Schema.Table t = model.schema.table(table).orElseThrow();
        String records = Words.singular(table.contains("_") ? table.substring(table.lastIndexOf('_') + 1) : table);
        String found = null;
        for (Schema.Column c : t.columns()) {
            List<String> words = SemanticModel.columnWords(c);
            if (!c.temporal() || c.nulls() > t.rows() / 20 || words.stream().anyMatch(END::contains)) {
                continue;
            }
            if (words.stream().anyMatch(w -> w.length() >= 3 && records.startsWith(w))) {
                if (found != null) {
                    return null;
                }
                found = c.name();
            }
        }
        return found;
    }

    /** The only date of a table that closes its records (end_date, closed_at), or null. */
    private String closing(String table) {
        String found = null;
        for (Schema.Column c : model.schema.table(table).orElseThrow().columns()) {
            if (c.temporal() && SemanticModel.columnWords(c).stream().anyMatch(END::contains)) {
                if (found != null) {
                    return null;
                }
                found = c.name();
            }
        }
        return found;
    }

    /**
     * The record's own creation date, else the creation date of the parent record it belongs to: the one parent with
     * a created_at-like date (an order for its shipments), else the one parent with any opening date.
     */
    private String[] implicitStart(String[] end) {
        String own = creation(end[0]);
        if (own == null) {
            own = namedForRecords(end[0]);
        }
        if (own != null && !own.equals(end[1])) {
            return new String[] {end[0], own};
        }
        List<String[]> created = new ArrayList<>();
        List<String[]> opened = new ArrayList<>();
        for (Schema.Link l : model.schema.table(end[0]).orElseThrow().links()) {
            String c = model.schema.table(l.parent()).isPresent() ? creation(l.parent()) : null;
            // a parent's membership date (customer_since, joined_date) starts the parent, not each of its records
            if (c != null
                    && SemanticModel.columnWords(model.schema.column(l.parent(), c)).stream()
                            .noneMatch(MEMBERSHIP::contains)) {
                (c.startsWith("created") || c.startsWith("create_") ? created : opened)
                        .add(new String[] {l.parent(), c});
            }
        }
        List<String[]> pick = created.isEmpty() ? opened : created;
        return pick.size() == 1 ? pick.get(0) : null;
    }
}
