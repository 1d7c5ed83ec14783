package com.capidemo.chat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan being built for one reading of a question (one selection of mentions): what the stages decided so far and
 * which mentions they used. The stages run in order (measure, groupings, filters, follow-up, time, coverage, ranking,
 * measure definition); {@link #plan()} is the result.
 */
final class PlanDraft {

    final Question ctx;
    final List<Words.Token> tokens;
    /** The reading: non-overlapping mentions that explain the question's content words. */
    final List<SemanticModel.Mention> sel;
    /** The mention covering each token. */
    final Map<Integer, SemanticModel.Mention> at = new LinkedHashMap<>();
    /** Mentions a stage has given a role. */
    final Set<SemanticModel.Mention> used = new HashSet<>();

    final List<SemanticModel.Mention> metrics;
    final boolean followUp;

    Plan.Measure measure;
    String base;
    /** Set when the base was moved down to a lower table to count distinct upper records by its column. */
    boolean rebased;

    Metric metric;
    /** Planning a definition of the system instruction rather than a user's question. */
    boolean definition;

    final List<Plan.Dim> dims = new ArrayList<>();
    final List<SemanticModel.Mention> dimMentions = new ArrayList<>();
    String grain;
    SemanticModel.Mention grainColumn;
    /** "per customer", "each account" after an average cue: the parent whose records are averaged over. */
    SemanticModel.Mention perEntity;
    /** An average cue over a count, to be applied per entity (PerEntityStage) or declined: its token, else -1. */
    int averageCue = -1;
    /** "which city …" (singular): the answer is the top row. */
    boolean singularHead;
    /** Tokens of negation words that were applied to something. */
    final Set<Integer> negations = new HashSet<>();

    List<Plan.Cond> filters = new ArrayList<>();
    /** The date column the question names next to its period or grouping ("cancelled in 2024"). */
    SemanticModel.Mention boundTime;

    Plan.Period period;
    Plan.TimeGroup timeGroup;
    Integer limit;
    boolean ascending;
    boolean share;
    /** A percent measure: the table whose rows are the whole, and the cue word's token ("percentage", "rate"). */
    SemanticModel.Mention ratioSubject;

    int ratioCue = -1;
    /** Conditions the counted rows of a percent measure meet. */
    final List<Plan.Cond> numerator = new ArrayList<>();

    Plan.FirstEvent firstEvent;
    /** Where each filter was asked for (the token it starts at): decides numerator or whole for a percent measure. */
    final Map<Plan.Cond, Integer> condAt = new IdentityHashMap<>();
    /** Cue tokens a stage has applied ("first", "never", a duration's unit). */
    final BitSet applied = new BitSet();

    PlanDraft(Question ctx, List<SemanticModel.Mention> sel, boolean followUp) {
        this.ctx = ctx;
        this.tokens = ctx.tokens();
        this.sel = sel;
        this.followUp = followUp;
        for (SemanticModel.Mention m : sel) {
            for (int i = m.tokens().nextSetBit(0); i >= 0; i = m.tokens().nextSetBit(i + 1)) {
                at.put(i, m);
            }
        }
        this.metrics =
                sel.stream().filter(m -> m.kind() == SemanticModel.Kind.METRIC).toList();
    }

    /** The tables the question names by a word of their own (not through a column or value). */
    java.util.Set<String> namedTables() {
        return sel.stream()
                .filter(m -> m.kind() == SemanticModel.Kind.TABLE)
                .map(SemanticModel.Mention::table)
                .collect(java.util.stream.Collectors.toSet());
    }

    Plan plan() {
        return new Plan(
                base, measure, dims, timeGroup, filters, period, limit, ascending, share, numerator, firstEvent);
    }
}
