package com.capidemo.chat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the time expressions of a question: periods ("in 2024", "in Q3 2025", "in March 2024", "since March 2024",
 * "from 2022 to 2024", "2024 and 2025", "before 2023") and groupings ("by month", "monthly", "each year",
 * "over time"). Relative periods ("last year", "this month", "past 30 days") are reported as unsupported: the demo's
 * data has a fixed end date, so guessing what "last year" means could give a wrong number.
 */
final class TimeParser {

    /** A half-open period [from, to); either end may be null for "since …" and "before …". */
    record Range(LocalDate from, LocalDate to, String label, int firstToken, int lastToken) {}

    record Result(List<Range> ranges, String grain, int grainToken, BitSet consumed, String unsupported) {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("jan", 1),
            Map.entry("february", 2),
            Map.entry("feb", 2),
            Map.entry("march", 3),
            Map.entry("mar", 3),
            Map.entry("april", 4),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("june", 6),
            Map.entry("jun", 6),
            Map.entry("july", 7),
            Map.entry("jul", 7),
            Map.entry("august", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9),
            Map.entry("sep", 9),
            Map.entry("sept", 9),
            Map.entry("october", 10),
            Map.entry("oct", 10),
            Map.entry("november", 11),
            Map.entry("nov", 11),
            Map.entry("december", 12),
            Map.entry("dec", 12));

    private static final Map<String, Integer> ORDINAL =
            Map.of("first", 1, "1st", 1, "second", 2, "2nd", 2, "third", 3, "3rd", 3, "fourth", 4, "4th", 4, "last", 4);

    private static final Map<String, String> GRAIN_WORDS = Map.ofEntries(
            Map.entry("daily", "day"),
            Map.entry("weekly", "week"),
            Map.entry("monthly", "month"),
            Map.entry("quarterly", "quarter"),
            Map.entry("yearly", "year"),
            Map.entry("annually", "year"),
            Map.entry("annual", "year"));

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("day", "day"),
            Map.entry("days", "day"),
            Map.entry("week", "week"),
            Map.entry("weeks", "week"),
            Map.entry("month", "month"),
            Map.entry("months", "month"),
            Map.entry("quarter", "quarter"),
            Map.entry("quarters", "quarter"),
            Map.entry("year", "year"),
            Map.entry("years", "year"));

    private TimeParser() {}

    /** The grain a per-period word names ("yearly", "annual": year), or null. */
    static String grainOf(String word) {
        return GRAIN_WORDS.get(word);
    }

    /** @param protectedTokens tokens that belong to a schema name ("annual" in "annual income") */
    static Result parse(List<Words.Token> tokens, BitSet protectedTokens) {
        BitSet used = new BitSet();
        List<Range> ranges = new ArrayList<>();
        String grain = null;
        int grainToken = -1;
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Words.Token t = tokens.get(i);
            String w = t.text();
            // relative periods
            if ((w.equals("last")
                            || w.equals("this")
                            || w.equals("next")
                            || w.equals("past")
                            || w.equals("previous")
                            || w.equals("current")
                            || w.equals("coming")
                            || w.equals("recent"))
                    && i + 1 < n
                    && (UNITS.containsKey(tokens.get(i + 1).text())
                            || tokens.get(i + 1).isNumber()
                                    && i + 2 < n
                                    && UNITS.containsKey(tokens.get(i + 2).text()))) {
                if (!(w.equals("last")
                        && i + 1 < n
                        && tokens.get(i + 1).text().startsWith("quarter")
                        && i + 3 < n
                        && tokens.get(i + 2).text().equals("of"))) {
                    return new Result(
                            List.of(),
                            null,
                            -1,
                            used,
                            "a relative period (\"" + w + " "
                                    + tokens.get(i + 1).text() + "\")");
                }
            }
            if (w.equals("ytd")
                    || w.equals("today")
                    || w.equals("yesterday")
                    || w.equals("tomorrow")
                    || w.equals("ago")
                    || w.equals("lately")
                    || w.equals("recently")
                    || w.equals("mtd")
                    || w.equals("qtd")) {
                return new Result(List.of(), null, -1, used, "a relative period (\"" + w + "\")");
            }
            if ((w.equals("month") || w.equals("year") || w.equals("week") || w.equals("quarter") || w.equals("day"))
                    && i + 2 < n
                    && tokens.get(i + 1).text().equals("over")
                    && tokens.get(i + 2).text().equals(w)) {
                return new Result(
                        List.of(), null, -1, used, "period-over-period change (\"" + w + " over " + w + "\")");
            }
            if (w.equals("yoy")
                    || w.equals("mom")
                    || w.equals("qoq")
                    || w.equals("rolling")
                    || w.equals("cumulative")
                    || w.equals("running")
                            && i + 1 < n
                            && tokens.get(i + 1).text().equals("total")) {
                return new Result(
                        List.of(), null, -1, used, "period-over-period or rolling calculations (\"" + w + "\")");
            }
        }
        for (int i = 0; i < n; i++) {
            if (used.get(i)) {
                continue;
            }
            Words.Token t = tokens.get(i);
            String w = t.text();
            // groupings
            if (GRAIN_WORDS.containsKey(w) && !protectedTokens.get(i)) {
                if (grain != null && !grain.equals(GRAIN_WORDS.get(w))) {
                    return new Result(List.of(), null, -1, used, "two different time groupings");
                }
                grain = GRAIN_WORDS.get(w);
                grainToken = i;
                used.set(i);
                continue;
            }
            if ((w.equals("by")
                            || w.equals("per")
                            || w.equals("each")
                            || w.equals("every")
                            || w.equals("for")
                            || w.equals("in"))
                    && i + 1 < n) {
                int j = i + 1;
                if ((w.equals("for") || w.equals("in")) && tokens.get(j).text().equals("each") && j + 1 < n) {
                    j++;
                } else if (w.equals("for") || w.equals("in")) {
                    j = -1;
                }
                if (j > 0 && tokens.get(j).text().equals("the") && j + 1 < n) {
                    j++;
                }
                if (j > 0 && UNITS.containsKey(tokens.get(j).text())) {
                    String g = UNITS.get(tokens.get(j).text());
                    if (grain != null && !grain.equals(g)) {
                        return new Result(List.of(), null, -1, used, "two different time groupings");
                    }
                    grain = g;
                    grainToken = j;
                    used.set(i, j + 1);
                    i = j;
                    continue;
                }
            }
            if ((w.equals("which") || w.equals("what"))
                    && i + 1 < n
                    && UNITS.containsKey(tokens.get(i + 1).text())) {
                // "in which month …": a grouping whose top row is the answer
                String g = UNITS.get(tokens.get(i + 1).text());
                if (grain != null && !grain.equals(g)) {
                    return new Result(List.of(), null, -1, used, "two different time groupings");
                }
                grain = g;
                grainToken = i + 1;
                used.set(i + 1);
                i++;
                continue;
            }
            if (w.equals("over") && i + 1 < n && tokens.get(i + 1).text().equals("time")) {
                grain = grain == null ? "month" : grain;
                grainToken = i + 1;
                used.set(i, i + 2);
                continue;
            }
            if (w.equals("trend") || w.equals("trends") || w.equals("trending")) {
                grain = grain == null ? "month" : grain;
                grainToken = i;
                used.set(i);
                continue;
            }
            if (UNITS.containsKey(w)
                    && i + 1 < n
                    && tokens.get(i + 1).text().equals("by")
                    && i + 2 < n
                    && tokens.get(i + 2).text().equals(w)) {
                grain = UNITS.get(w);
                grainToken = i;
                used.set(i, i + 3);
                continue;
            }
        }
        // periods
        for (int i = 0; i < n; i++) {
            if (used.get(i)) {
                continue;
            }
            Parsed p = period(tokens, i, used);
            if (p == null) {
                continue;
            }
            if (p.error != null) {
                return new Result(List.of(), null, -1, used, p.error);
            }
            int start = i;
            String lead = i > 0 ? tokens.get(i - 1).text() : "";
            LocalDate from = p.from;
            LocalDate to = p.to;
            String label = p.label;
            int end = p.end;
            // a preposition in front: since / after / before / until / from … to …
            if (lead.equals("since")
                    || lead.equals("after") && p.kind.equals("day")
                    || lead.equals("from") && !continuesRange(tokens, end)) {
                to = null;
                label = "since " + p.label;
                start = i - 1;
            } else if (lead.equals("after")) {
                from = p.to;
                to = null;
                label = "after " + p.label;
                start = i - 1;
            } else if (lead.equals("before")) {
                to = p.from;
                from = null;
                label = "before " + p.label;
                start = i - 1;
            } else if (lead.equals("until") || lead.equals("through") || lead.equals("thru")) {
                from = null;
                label = "through " + p.label;
                start = i - 1;
            } else if (lead.equals("starting") || lead.equals("beginning")) {
                to = null;
                label = "since " + p.label;
                start = i - 1;
            }
            // a second period: "from X to Y", "between X and Y", "X and Y", "X through Y", "X-Y"
            if (end + 2 < n + 1 && end + 1 < n) {
                String joiner = tokens.get(end + 1).text();
                if (joiner.equals("to")
                        || joiner.equals("through")
                        || joiner.equals("thru")
                        || joiner.equals("until")
                        || joiner.equals("and")
                        || joiner.equals("till")) {
                    Parsed second = end + 2 < n ? period(tokens, end + 2, used) : null;
                    if (second == null
                            && end + 2 < n
                            && MONTHS.containsKey(tokens.get(end + 2).text())
                            && p.year > 0) {
                        second = monthOf(tokens, end + 2, p.year);
                    }
                    if (second != null && second.error == null) {
                        boolean between = lead.equals("between") || lead.equals("from");
                        if (joiner.equals("and")
                                && !between
                                && !(p.kind.equals("year")
                                        && second.kind.equals("year")
                                        && second.from.getYear() == p.from.getYear() + 1)) {
                            return new Result(
                                    List.of(),
                                    null,
                                    -1,
                                    used,
                                    "two separate periods (\"" + p.label + " and " + second.label + "\")");
                        }
                        if (!second.to.isAfter(p.from)) {
                            return new Result(List.of(), null, -1, used, "a period that ends before it starts");
                        }
                        from = p.from;
                        to = second.to;
                        label = p.label + " to " + second.label;
                        end = second.end;
                        if (lead.equals("between") || lead.equals("from")) {
                            start = i - 1;
                        }
                    }
                }
            }
            if (start > 0
                    && (tokens.get(start - 1).text().equals("in")
                            || tokens.get(start - 1).text().equals("during")
                            || tokens.get(start - 1).text().equals("for")
                            || tokens.get(start - 1).text().equals("of")
                            || tokens.get(start - 1).text().equals("throughout")
                            || tokens.get(start - 1).text().equals("on"))) {
                start--;
            }
            used.set(start, end + 1);
            if (end + 2 < n
                    && tokens.get(end + 1).text().equals("so")
                    && tokens.get(end + 2).text().equals("far")) {
                used.set(end + 1, end + 3);
            }
            ranges.add(new Range(from, to, label, start, end));
            i = end;
        }
        sameMonths(tokens, ranges, used);
        sameYear(tokens, ranges, used);
        presentState(tokens, protectedTokens, used);
        for (int i = 0; ranges.size() == 1 && i + 1 < n; i++) {
            if (tokens.get(i).text().equals("that")
                    && UNITS.containsKey(tokens.get(i + 1).text())
                    && i > ranges.get(0).lastToken()) {
                used.set(i, i + 2); // "… in 2024, counting the customers we shipped to that year": the same period
            }
        }
        return new Result(ranges, grain, grainToken, used, null);
    }

    /**
     * "January to October 2025 … the same months of 2024": a year said after "the same months (period) of" is the
     * other range's months in that year.
     */
    private static void sameMonths(List<Words.Token> tokens, List<Range> ranges, BitSet used) {
        if (ranges.size() != 2) {
            return;
        }
        for (int k = 0; k < 2; k++) {
            Range r = ranges.get(k);
            Range other = ranges.get(1 - k);
            int first = r.firstToken();
            if (tokens.get(first).is("of", "in")) {
                first--;
            }
            if (first < 1
                    || r.from() == null
                    || r.to() == null
                    || !r.from().equals(LocalDate.of(r.from().getYear(), 1, 1))
                    || !r.to().equals(r.from().plusYears(1))
                    || !tokens.get(first).is("months", "period", "time", "weeks", "days", "quarters")
                    || !tokens.get(first - 1).is("same")
                    || other.from() == null
                    || other.to() == null
                    || other.from().getYear() == r.from().getYear()) {
                continue;
            }
            int shift = r.from().getYear() - other.from().getYear();
            String label = other.label()
                    .replace(
                            String.valueOf(other.from().getYear()),
                            String.valueOf(r.from().getYear()));
            ranges.set(
                    k,
                    new Range(
                            other.from().plusYears(shift),
                            other.to().plusYears(shift),
                            label,
                            first - 1,
                            r.lastToken()));
            used.set(first - 1, r.lastToken() + 1);
            return;
        }
    }

    /**
     * "the third quarter of 2025 compared with the second quarter": an ordinal quarter (half) said without a year,
     * right after a comparison word, is that quarter (half) of the one other period's year, when that period is itself
     * one quarter (half) of a year. "the last quarter" stays unread (the latest one or the fourth).
     */
    private static void sameYear(List<Words.Token> tokens, List<Range> ranges, BitSet used) {
        if (ranges.size() != 1) {
            return;
        }
        Range other = ranges.get(0);
        if (other.label() == null || !other.label().matches("[QH][1-4] \\d{4}")) {
            return;
        }
        String unit = other.label().charAt(0) == 'Q' ? "quarter" : "half";
        int year = other.from().getYear();
        int n = tokens.size();
        for (int i = other.lastToken() + 1; i + 1 < n; i++) {
            String w = tokens.get(i).text();
            if (used.get(i)
                    || used.get(i + 1)
                    || !ORDINAL.containsKey(w)
                    || w.equals("last")
                    || !tokens.get(i + 1).text().equals(unit)
                    || i + 2 < n && (tokens.get(i + 2).is("of", "in") || isYear(tokens.get(i + 2)))) {
                continue;
            }
            int k = ORDINAL.get(w);
            if (unit.equals("half") && k > 2) {
                return;
            }
            int start = i;
            if (start > 0 && tokens.get(start - 1).is("the")) {
                start--;
            }
            if (start > 0 && tokens.get(start - 1).is("in")) {
                start--;
            }
            if (start < 1 || !tokens.get(start - 1).is("with", "to", "vs", "versus", "against", "than")) {
                return;
            }
            LocalDate from = LocalDate.of(year, unit.equals("quarter") ? 3 * (k - 1) + 1 : 6 * (k - 1) + 1, 1);
            LocalDate to = from.plusMonths(unit.equals("quarter") ? 3 : 6);
            String label = other.label().charAt(0) + String.valueOf(k) + " " + year;
            if (label.equals(other.label())) {
                return;
            }
            ranges.add(new Range(from, to, label, start, i + 1));
            used.set(start, i + 2);
            return;
        }
    }

    /**
     * "right now", "at the moment", "as of now", "as things stand": the data's present state, like "now" and
     * "currently" alone; they name no period and add no condition.
     */
    private static void presentState(List<Words.Token> tokens, BitSet protectedTokens, BitSet used) {
        List<List<String>> phrases = List.of(
                List.of("right", "now"),
                List.of("at", "the", "moment"),
                List.of("as", "of", "now"),
                List.of("as", "things", "stand"),
                List.of("as", "it", "stands"));
        for (int i = 0; i < tokens.size(); i++) {
            for (List<String> phrase : phrases) {
                int end = i + phrase.size();
                if (end > tokens.size()) {
                    continue;
                }
                boolean match = true;
                for (int k = 0; k < phrase.size() && match; k++) {
                    match = tokens.get(i + k).is(phrase.get(k)) && !used.get(i + k) && !protectedTokens.get(i + k);
                }
                if (match) {
                    used.set(i, end);
                }
            }
        }
    }

    private static boolean continuesRange(List<Words.Token> tokens, int end) {
        return end + 1 < tokens.size()
                && List.of("to", "through", "thru", "until", "till", "and")
                        .contains(tokens.get(end + 1).text());
    }

    private static final class Parsed {
        LocalDate from;
        LocalDate to;
        String label;
        String kind;
        int year;
        int end;
        String error;

        /** One calendar day, the period ending at token {@code end}. */
        static Parsed day(LocalDate d, int end) {
            Parsed p = new Parsed();
            p.from = d;
            p.to = d.plusDays(1);
            p.label = d.toString();
            p.kind = "day";
            p.year = d.getYear();
            p.end = end;
            return p;
        }
    }

    private static Parsed period(List<Words.Token> tokens, int i, BitSet used) {
        int n = tokens.size();
        Words.Token t = tokens.get(i);
        String w = t.text();
        if (t.kind() == Words.Kind.DATE) {
            try {
                return Parsed.day(LocalDate.parse(w), i);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        // Q3 2025, Q3 of 2025
        if (w.matches("q[1-4]")) {
            int q = w.charAt(1) - '0';
            int j = i + 1;
            if (j < n && tokens.get(j).text().equals("of")) {
                j++;
            }
            if (j < n && isYear(tokens.get(j))) {
                return quarter(q, year(tokens.get(j)), j);
            }
            Parsed p = new Parsed();
            p.error = "a quarter without a year (\"" + w.toUpperCase() + "\")";
            return p;
        }
        // H1 2025, first half of 2025
        int half = w.matches("h[12]") ? w.charAt(1) - '0' : 0;
        int j0 = i + 1;
        if (half == 0
                && ORDINAL.containsKey(w)
                && ORDINAL.get(w) <= 2
                && !w.equals("last")
                && i + 1 < n
                && tokens.get(i + 1).text().equals("half")) {
            half = ORDINAL.get(w);
            j0 = i + 2;
        }
        if (half > 0) {
            if (j0 < n && tokens.get(j0).text().equals("of")) {
                j0++;
            }
            if (j0 < n && isYear(tokens.get(j0))) {
                Parsed p = new Parsed();
                p.from = LocalDate.of(year(tokens.get(j0)), 6 * (half - 1) + 1, 1);
                p.to = p.from.plusMonths(6);
                p.label = "H" + half + " " + p.from.getYear();
                p.kind = "half";
                p.year = p.from.getYear();
                p.end = j0;
                return p;
            }
            return null;
        }
        // third quarter of 2025
        if (ORDINAL.containsKey(w) && i + 1 < n && tokens.get(i + 1).text().equals("quarter")) {
            int j = i + 2;
            if (j < n && tokens.get(j).text().equals("of")) {
                j++;
            }
            if (j < n && isYear(tokens.get(j))) {
                return quarter(ORDINAL.get(w), year(tokens.get(j)), j);
            }
            return null;
        }
        if (MONTHS.containsKey(w) && !(w.equals("may") && !(i + 1 < n && isYear(tokens.get(i + 1))))) {
            int j = i + 1;
            if (j + 2 < n
                    && List.of("to", "and", "through", "thru", "until")
                            .contains(tokens.get(j).text())
                    && MONTHS.containsKey(tokens.get(j + 1).text())
                    && isYear(tokens.get(j + 2))) {
                Parsed p = monthOf(tokens, i, year(tokens.get(j + 2)));
                p.end = i;
                return p;
            }
            if (j < n && tokens.get(j).isNumber() && !isYear(tokens.get(j))) {
                // March 5, 2024
                int day = (int) tokens.get(j).number();
                int k = j + 1;
                if (k + 1 < n && tokens.get(k).text().equals(",") && isYear(tokens.get(k + 1))) {
                    k++;
                }
                if (k < n && isYear(tokens.get(k))) {
                    try {
                        return Parsed.day(LocalDate.of(year(tokens.get(k)), MONTHS.get(w), day), k);
                    } catch (DateTimeException e) {
                        return null;
                    }
                }
                return null;
            }
            if (j < n && tokens.get(j).text().equals("of")) {
                j++;
            }
            if (j < n && isYear(tokens.get(j))) {
                Parsed p = monthOf(tokens, i, year(tokens.get(j)));
                p.end = j;
                return p;
            }
            if (w.length() > 3 && !w.equals("march") && !w.equals("june") && !w.equals("july")
                    || w.equals("march")
                            && i > 0
                            && List.of("in", "since", "from", "during", "of", "until", "before", "after", "through")
                                    .contains(tokens.get(i - 1).text())) {
                Parsed p = new Parsed();
                p.error = "a month without a year (\"" + w + "\")";
                return p;
            }
            return null;
        }
        if (isYear(t)) {
            int y = year(t);
            Parsed p = new Parsed();
            p.from = LocalDate.of(y, 1, 1);
            p.to = LocalDate.of(y + 1, 1, 1);
            p.label = Integer.toString(y);
            p.kind = "year";
            p.year = y;
            p.end = i;
            return p;
        }
        return null;
    }

    private static Parsed monthOf(List<Words.Token> tokens, int i, int year) {
        int m = MONTHS.get(tokens.get(i).text());
        Parsed p = new Parsed();
        p.from = LocalDate.of(year, m, 1);
        p.to = p.from.plusMonths(1);
        p.label = p.from.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
        p.kind = "month";
        p.year = year;
        p.end = i;
        return p;
    }

    private static Parsed quarter(int q, int year, int end) {
        Parsed p = new Parsed();
        p.from = LocalDate.of(year, 3 * (q - 1) + 1, 1);
        p.to = p.from.plusMonths(3);
        p.label = "Q" + q + " " + year;
        p.kind = "quarter";
        p.year = year;
        p.end = end;
        return p;
    }

    static boolean isYear(Words.Token t) {
        return t.isNumber() && t.text().matches("(19|20)\\d\\d");
    }

    private static int year(Words.Token t) {
        return Integer.parseInt(t.text());
    }
}
