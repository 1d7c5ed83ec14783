package com.capidemo.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Segments defined on children: "customers who have never placed an order", "accounts with a canceled subscription",
 * "customers with at least one loan", "customers with a mortgage" (a value of a child table's column). The entity is
 * the base or a table the base reaches along foreign keys; the child references it directly. A condition on a child
 * table's own columns becomes part of the segment.
 */
final class SegmentStage implements PlanStage {

    private static final Set<String> ABSENT = Words.set("never", "without", "no");
    private static final Set<String> PRESENT = Words.set(
            "with",
            "have",
            "has",
            "had",
            "having",
            "a",
            "an",
            "any",
            "some",
            "who",
            "that",
            "which",
            "made",
            "placed",
            "raised",
            "opened",
            "took",
            "got",
            "received");

    private final SemanticModel model;

    SegmentStage(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        // conditions on columns of a child table: the entity's records that have (or lack) such a child
        Map<String, List<Plan.Cond>> byChild = new LinkedHashMap<>();
        for (Plan.Cond c : draft.filters) {
            if (c.segment() == null
                    && model.schema.pathUp(draft.base, c.table()).isEmpty()
                    && entityFor(model, draft.base, c.table()).isPresent()
                    && saidWithConnector(draft, c)) {
                byChild.computeIfAbsent(c.table(), k -> new ArrayList<>()).add(c);
            }
        }
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() != SemanticModel.Kind.TABLE
                    || draft.used.contains(m)
                    || m.table().equals(draft.base)
                    || model.schema.pathUp(draft.base, m.table()).isPresent()) {
                continue;
            }
            Optional<String> entity = entityFor(model, draft.base, m.table());
            if (entity.isEmpty()) {
                continue;
            }
            String op = opBefore(draft, m);
            if (op == null) {
                continue;
            }
            List<Plan.Cond> own = byChild.getOrDefault(m.table(), List.of());
            add(
                    draft,
                    entity.get(),
                    m.table(),
                    op.equals("gt1") ? "gt" : op,
                    op.equals("gt1") ? 1.0 : null,
                    own,
                    m.first());
            byChild.remove(m.table());
            draft.used.add(m);
        }
        for (Map.Entry<String, List<Plan.Cond>> e : byChild.entrySet()) {
            String entity = entityFor(model, draft.base, e.getKey()).orElseThrow();
            boolean absent = e.getValue().stream().allMatch(c -> c.op().equals("not_in"));
            List<Plan.Cond> own = e.getValue().stream()
                    .map(c -> c.op().equals("not_in") && absent
                            ? new Plan.Cond(c.table(), c.column(), "in", c.values(), null)
                            : c)
                    .toList();
            int at = e.getValue().stream()
                    .mapToInt(c -> draft.condAt.getOrDefault(c, 0))
                    .min()
                    .orElse(0);
            add(draft, entity, e.getKey(), absent ? "absent" : "exists", null, own, at);
        }
        return Optional.empty();
    }

    /**
     * A value of a child table's column stands for such a child only when it is said as one ("with a mortgage",
     * "without a refund"), by its own word (not a loose stem match such as "came" for 'Camel').
     */
    private static boolean saidWithConnector(PlanDraft draft, Plan.Cond c) {
        Integer at = draft.condAt.get(c);
        if (at == null) {
            return false;
        }
        SemanticModel.Mention m = draft.at.get(at);
        if (m == null || m.kind() != SemanticModel.Kind.VALUE || m.entry().weak()) {
            return false;
        }
        for (int i = at - 1; i >= Math.max(0, at - 3); i--) {
            Words.Token t = draft.tokens.get(i);
            if (t.is("with", "without", "have", "has", "had", "having", "no", "never")) {
                if (t.is("without", "no", "never")) {
                    draft.negations.add(i);
                    draft.applied.set(i);
                }
                return true;
            }
            if (draft.at.containsKey(i)) {
                return false;
            }
        }
        return false;
    }

    private void add(
            PlanDraft draft, String entity, String child, String op, Double count, List<Plan.Cond> own, int at) {
        draft.filters.removeIf(own::contains);
        Schema.Link link = link(model, child, entity);
        Plan.Cond c = new Plan.Cond(
                entity,
                model.schema.table(entity).orElseThrow().primaryKey(),
                "segment",
                null,
                null,
                new Plan.Segment(child, link.column(), op, count, own));
        draft.filters.add(c);
        draft.condAt.put(c, at);
    }

    /** exists, absent or gt1 ("more than one") from the words just before a child mention; null when none says. */
    private static String opBefore(PlanDraft draft, SemanticModel.Mention child) {
        String op = null;
        for (int i = child.first() - 1; i >= Math.max(0, child.first() - 5); i--) {
            SemanticModel.Mention other = draft.at.get(i);
            if (other != null && other != child && !child.table().equals(other.table())) {
                break;
            }
            Words.Token t = draft.tokens.get(i);
            if (ABSENT.contains(t.text())) {
                draft.negations.add(i);
                draft.applied.set(i);
                return "absent";
            }
            if (t.is("one")
                    && draft.ctx.text(i - 1).equals("than")
                    && draft.ctx.text(i - 2).equals("more")) {
                return "gt1";
            }
            if (op == null
                    && (PRESENT.contains(t.text())
                            || t.is("one") && draft.ctx.text(i - 1).equals("least"))) {
                op = "exists";
            }
        }
        return op;
    }

    /**
     * The table a child's rows belong to: the base itself, or else the nearest table the base reaches along foreign
     * keys that the child references. Empty when there is none or two at the same distance.
     */
    static Optional<String> entityFor(SemanticModel model, String base, String child) {
        Schema.Table c = model.schema.table(child).orElse(null);
        if (c == null || base == null) {
            return Optional.empty();
        }
        String best = null;
        int bestHops = Integer.MAX_VALUE;
        boolean tie = false;
        for (Schema.Link l : c.links()) {
            Optional<List<Schema.Link>> path = model.schema.pathUp(base, l.parent());
            if (path.isEmpty()
                    || model.schema
                            .table(l.parent())
                            .map(Schema.Table::primaryKey)
                            .isEmpty()) {
                continue;
            }
            int hops = path.get().size();
            if (hops < bestHops) {
                best = l.parent();
                bestHops = hops;
                tie = false;
            } else if (hops == bestHops && !l.parent().equals(best)) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    static Schema.Link link(SemanticModel model, String child, String entity) {
        return model.schema.table(child).orElseThrow().links().stream()
                .filter(l -> l.parent().equals(entity))
                .findFirst()
                .orElseThrow();
    }
}
