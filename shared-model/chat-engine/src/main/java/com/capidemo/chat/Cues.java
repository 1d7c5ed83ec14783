package com.capidemo.chat;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The analytic cue words of questions (superlatives, negations, grouping and share cues, time units) and the token
 * helpers the planning stages share: which aggregate a word asks for, the mention heading a run of words, whether a
 * mention is negated.
 */
final class Cues {

    static final Set<String> SUPERLATIVE_DESC =
            Words.set("most", "highest", "largest", "biggest", "top", "best", "greatest", "maximum", "max");
    static final Set<String> SUPERLATIVE_ASC =
            Words.set("least", "lowest", "fewest", "smallest", "bottom", "worst", "minimum", "min");
    static final Set<String> NEGATIONS =
            Words.set("not", "non", "excluding", "exclude", "excluded", "except", "without", "no");
    /** Forms of be and get that make a passive ("were billed", "got cancelled"). */
    static final Set<String> PASSIVE = Words.set("was", "were", "been", "be", "is", "are", "get", "got");
    /** Name parts of a column that says it holds an amount per period (monthly_revenue, annual_fee). */
    static final Set<String> PER_PERIOD =
            Words.set("hourly", "daily", "weekly", "monthly", "quarterly", "annual", "annually", "yearly");

    static final Set<String> GROUP_CUES = Words.set("by", "per", "each", "every", "across");
    static final Set<String> UNITS =
            Words.set("year", "years", "month", "months", "quarter", "quarters", "week", "weeks", "day", "days");
    static final Set<String> SHARE_CUES =
            Words.set("share", "percentage", "percent", "proportion", "distribution", "breakdown", "split", "mix");

    /** Words that ask for a part of a whole as a percentage: "what share …", "what percentage …". */
    static final Set<String> PART_OF_WHOLE = Words.set("share", "percentage", "percent", "proportion", "fraction");

    private Cues() {}

    /** Words that may stand between a widening word and what it adds: "including the cancelled ones". */
    private static final Set<String> WIDENING_FILLER =
            Words.set("the", "those", "any", "all", "also", "that", "which", "who", "were", "was", "are", "is", "been");

    /**
     * The tokens of the conditions a widening phrase adds to the rows rather than narrows them to: "including
     * cancelled ones", "incl. refunded orders", "even cancelled ones" followed by a value or a state (and the values
     * listed with it). Such a word is counted with the rest: never a filter, and no default exclusion of it either.
     */
    static java.util.BitSet widened(List<Words.Token> tokens, Map<Integer, SemanticModel.Mention> at) {
        return widened(tokens, at, false);
    }

    /**
     * As above; {@code pairs} gives instead what follows "as well as", "together with" or "along with", which may add
     * those records or require them as well ("refunded as well as cancelled"), so a plan only declines on them.
     */
    static java.util.BitSet widened(List<Words.Token> tokens, Map<Integer, SemanticModel.Mention> at, boolean pairs) {
        java.util.BitSet out = new java.util.BitSet();
        for (int i = 0; i < tokens.size(); i++) {
            int next = -1;
            if (tokens.get(i).is("including", "incl", "inclusive", "even")) {
                next = pairs ? -1 : i + 1;
            } else if (!pairs) {
                continue;
            } else if (i + 2 < tokens.size()
                    && tokens.get(i).is("as")
                    && tokens.get(i + 1).is("well")
                    && tokens.get(i + 2).is("as")) {
                next = i + 3;
            } else if (i + 1 < tokens.size()
                    && tokens.get(i).is("together", "along")
                    && tokens.get(i + 1).is("with")) {
                next = i + 2;
            }
            if (next < 0) {
                continue;
            }
            if (next < tokens.size()
                    && tokens.get(next).is("of")
                    && tokens.get(i).is("inclusive")) {
                next++;
            }
            while (next < tokens.size()
                    && WIDENING_FILLER.contains(tokens.get(next).text())) {
                next++;
            }
            while (next < tokens.size()) {
                SemanticModel.Mention m = at.get(next);
                if (m == null
                        || m.first() != next
                        || !(m.kind() == SemanticModel.Kind.VALUE || m.kind() == SemanticModel.Kind.COLUMN)) {
                    break;
                }
                out.or(m.tokens());
                next = m.last() + 1;
                // "including cancelled and refunded ones": the values listed with it
                if (next + 1 < tokens.size() && tokens.get(next).is(",", "or", "and")) {
                    next++;
                } else {
                    break;
                }
            }
        }
        return out;
    }

    static String aggregate(String word) {
        return switch (word) {
            case "average", "avg", "mean", "typical" -> "avg";
            case "total", "sum", "combined" -> "sum";
            case "median" -> "median";
            case "minimum", "min", "lowest", "smallest", "cheapest" -> "min";
            case "maximum", "max", "highest", "largest", "biggest", "most" -> "max";
            default -> null;
        };
    }

    static String aggWord(String agg) {
        return switch (agg) {
            case "avg" -> "average";
            case "max" -> "maximum";
            case "min" -> "minimum";
            default -> agg;
        };
    }

    static String aggregateBefore(List<Words.Token> tokens, int first, Map<Integer, SemanticModel.Mention> at) {
        for (int i = first - 1; i >= Math.max(0, first - 3); i--) {
            if (at.containsKey(i)) {
                break;
            }
            String a = aggregate(tokens.get(i).text());
            if (a != null && !tokens.get(i).is("most", "highest", "lowest", "largest", "biggest", "smallest")) {
                return a;
            }
        }
        return null;
    }

    /** Words that set two things side by side: "vs", "compared with", "against", "than". */
    static final Set<String> COMPARISON =
            Words.set("vs", "versus", "compare", "compared", "comparing", "comparison", "against", "than");

    static boolean comparison(List<Words.Token> tokens) {
        return tokens.stream().anyMatch(t -> COMPARISON.contains(t.text()));
    }

    static int headWord(List<Words.Token> tokens) {
        for (int i = 0; i < Math.min(3, tokens.size()); i++) {
            if (tokens.get(i).is("which", "what", "who")) {
                return i;
            }
        }
        return -1;
    }

    /** The last mention of the run of adjacent mentions starting at {@code start} (skipping articles). */
    /** A one-word mention that is a money verb said with its object pronoun ("cost us"). */
    static boolean moneyVerb(List<Words.Token> tokens, SemanticModel.Mention m) {
        return m.first() == m.last()
                && Words.MONEY.contains(tokens.get(m.first()).text())
                && m.last() + 1 < tokens.size()
                && tokens.get(m.last() + 1).is("us", "me");
    }

    static SemanticModel.Mention headOfRun(
            List<SemanticModel.Mention> sel, List<Words.Token> tokens, int start, Set<SemanticModel.Mention> used) {
        int i = start;
        while (i < tokens.size() && tokens.get(i).is("the", "their", "its", "our", "a", "an")) {
            i++;
        }
        SemanticModel.Mention last = null;
        while (i < tokens.size()) {
            int idx = i;
            SemanticModel.Mention m =
                    sel.stream().filter(x -> x.first() == idx).findFirst().orElse(null);
            if (m == null) {
                break;
            }
            if (used.contains(m)) {
                // "each maintenance type cost us": the money verb after the group is what is measured
                return last != null && moneyVerb(tokens, m) ? last : null;
            }
            if (m.kind() == SemanticModel.Kind.VALUE || m.kind() == SemanticModel.Kind.METRIC) {
                break;
            }
            last = m;
            i = m.last() + 1;
        }
        return last;
    }

    static SemanticModel.Mention nextMention(
            List<SemanticModel.Mention> sel,
            int after,
            int window,
            Predicate<SemanticModel.Mention> want,
            Predicate<SemanticModel.Mention> skippable) {
        List<SemanticModel.Mention> ordered = sel.stream()
                .filter(m -> m.first() > after && m.first() <= after + window)
                .sorted(Comparator.comparingInt(SemanticModel.Mention::first))
                .toList();
        for (SemanticModel.Mention m : ordered) {
            if (want.test(m)) {
                return m;
            }
            if (!skippable.test(m)) {
                return null;
            }
        }
        return null;
    }

    /** A negation word shortly before a mention: "not cancelled", "excluding web", "not counting cancelled ones". */
    static boolean negated(List<Words.Token> tokens, int first, Map<Integer, SemanticModel.Mention> at) {
        return negated(tokens, first, at, new HashSet<>());
    }

    /** As above, recording in {@code hits} which negation word applied. */
    static boolean negated(
            List<Words.Token> tokens, int first, Map<Integer, SemanticModel.Mention> at, Set<Integer> hits) {
        for (int i = first - 1; i >= Math.max(0, first - 3); i--) {
            Words.Token t = tokens.get(i);
            if (NEGATIONS.contains(t.text())
                    || t.is("than") && i > 0 && tokens.get(i - 1).is("other")) {
                hits.add(i);
                return true;
            }
            if (at.containsKey(i) && at.get(i).last() < first || t.isNumber()) {
                return false;
            }
        }
        return false;
    }

    static SemanticModel.Mention mentionAt(List<SemanticModel.Mention> sel, int token) {
        return sel.stream().filter(m -> m.first() == token).findFirst().orElse(null);
    }

    static String conditionText(Plan.Cond c) {
        String col = c.column();
        return switch (c.op()) {
            case "in" ->
                c.values().size() == 1
                        ? col + " = '" + c.values().get(0) + "'"
                        : col + " IN ("
                                + String.join(
                                        ", ",
                                        c.values().stream()
                                                .map(v -> "'" + v + "'")
                                                .toList()) + ")";
            case "not_in" ->
                c.values().size() == 1
                        ? col + " <> '" + c.values().get(0) + "'"
                        : col + " NOT IN ("
                                + String.join(
                                        ", ",
                                        c.values().stream()
                                                .map(v -> "'" + v + "'")
                                                .toList()) + ")";
            case "is_null" -> col + " IS NULL";
            case "not_null" -> col + " IS NOT NULL";
            default -> col + " " + c.op();
        };
    }

    static List<String> dedupe(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    static String describe(SemanticModel.Mention m) {
        return switch (m.kind()) {
            case TABLE -> m.table();
            case COLUMN -> m.table() + "." + m.column();
            case VALUE -> "'" + m.entry().value() + "'";
            case METRIC -> m.entry().metric().label();
        };
    }

    static int phrase(List<Words.Token> tokens, String a, String b) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).text().equals(a) && tokens.get(i + 1).text().equals(b)) {
                return i + 1;
            }
        }
        return -1;
    }

    static boolean startsWith(List<Words.Token> tokens, String word) {
        return !tokens.isEmpty() && tokens.get(0).text().equals(word);
    }
}
