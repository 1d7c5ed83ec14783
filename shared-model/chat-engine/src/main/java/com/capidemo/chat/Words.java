package com.capidemo.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a question (or a schema name) into tokens: lower-case surface form, a canonical stem (Porter's, from Lucene, plus a few
 * generic synonyms) and whether the word carries no meaning of its own in an analytics question.
 */
final class Words {

    private Words() {}

    enum Kind {
        WORD,
        NUMBER,
        DATE
    }

    /** One token of a question. {@code upper} is true when the user typed it in capitals (e.g. "CA"). */
    record Token(int index, String text, String stem, Kind kind, boolean upper) {
        boolean isNumber() {
            return kind == Kind.NUMBER;
        }

        double number() {
            return Double.parseDouble(text);
        }

        boolean is(String... surfaces) {
            for (String s : surfaces) {
                if (text.equals(s)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}|\\d+(?:\\.\\d+)?[kKmM]\\b|\\d+[A-Za-z][A-Za-z0-9]*|\\d+(?:,\\d{3})*(?:\\.\\d+)?"
                    + "|[A-Za-z][A-Za-z0-9]*|[$%+<>=,]");

    private static final Pattern POSSESSIVE = Pattern.compile("(?i)'s\\b");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DIGITS_THEN_LETTERS = Pattern.compile("\\d+[A-Za-z][A-Za-z0-9]*");
    private static final Pattern MAGNITUDE = Pattern.compile("\\d+[kKmM]");

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"),
            Map.entry("two", "2"),
            Map.entry("three", "3"),
            Map.entry("four", "4"),
            Map.entry("five", "5"),
            Map.entry("six", "6"),
            Map.entry("seven", "7"),
            Map.entry("eight", "8"),
            Map.entry("nine", "9"),
            Map.entry("ten", "10"),
            Map.entry("eleven", "11"),
            Map.entry("twelve", "12"),
            Map.entry("fifteen", "15"),
            Map.entry("twenty", "20"),
            Map.entry("thirty", "30"),
            Map.entry("fifty", "50"),
            Map.entry("hundred", "100"),
            Map.entry("dozen", "12"));

    /**
     * Generic vocabulary that maps a word's stem onto the stem used by schemas (not specific to any template):
     * shoppers are customers, stars are ratings, "opted in" accepts, "avg" is an average.
     */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("avg", "averag"),
            Map.entry("mean", "averag"),
            Map.entry("shopper", "custom"),
            Map.entry("buyer", "custom"),
            Map.entry("client", "custom"),
            Map.entry("consum", "custom"),
            Map.entry("star", "rate"),
            Map.entry("qty", "quantiti"),
            Map.entry("amt", "amount"),
            Map.entry("pct", "percent"),
            Map.entry("percentag", "percent"),
            Map.entry("subscrib", "accept"),
            Map.entry("consent", "accept"),
            Map.entry("opt", "accept"),
            Map.entry("optin", "accept"),
            Map.entry("categori", "categori"),
            Map.entry("state", "provinc"));

    /** Words that only carry grammar in an analytics question. */
    static final Set<String> STOP = Words.set(
            ",",
            "a",
            "an",
            "the",
            "of",
            "in",
            "on",
            "at",
            "for",
            "to",
            "from",
            "with",
            "within",
            "into",
            "onto",
            "by",
            "and",
            "or",
            "as",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "am",
            "do",
            "does",
            "did",
            "done",
            "have",
            "has",
            "had",
            "having",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "how",
            "when",
            "where",
            "that",
            "this",
            "these",
            "those",
            "there",
            "their",
            "they",
            "them",
            "it",
            "its",
            "we",
            "our",
            "ours",
            "us",
            "i",
            "me",
            "my",
            "you",
            "your",
            "he",
            "she",
            "his",
            "her",
            "show",
            "shows",
            "showing",
            "give",
            "list",
            "tell",
            "display",
            "get",
            "got",
            "gets",
            "getting",
            "find",
            "see",
            "please",
            "can",
            "could",
            "would",
            "may",
            "might",
            "must",
            "let",
            "lets",
            "s",
            "all",
            "any",
            "some",
            "each",
            "every",
            "per",
            "across",
            "up",
            "so",
            "far",
            "currently",
            "still",
            "ever",
            "overall",
            "here",
            "now",
            "just",
            "only",
            "also",
            "too",
            "then",
            "about",
            "over",
            "look",
            "looks",
            "like",
            "made",
            "make",
            "makes",
            "placed",
            "place",
            "came",
            "come",
            "comes",
            "brought",
            "bring",
            "brings",
            "generated",
            "generate",
            "generates",
            "handle",
            "handled",
            "handles",
            "recorded",
            "record",
            "happen",
            "happened",
            "occur",
            "occurred",
            "take",
            "takes",
            "took",
            "taken",
            "currently",
            "data",
            "dataset",
            "much",
            "many",
            "there's",
            "whats",
            "what's",
            "it's",
            "breakdown",
            "break",
            "broken",
            "down",
            "split",
            "splits",
            "versus",
            "vs",
            "compare",
            "compared",
            "comparison",
            "between",
            "during",
            "throughout",
            "through",
            "out",
            "raised",
            "raise",
            "collected",
            "collect",
            "receive",
            "received",
            "used",
            "use",
            "using",
            "via",
            "through",
            "went",
            "go",
            "goes",
            "going",
            "sent",
            "send",
            "new",
            "signed",
            "sign",
            "signup",
            "signups",
            "joined",
            "join",
            "registered",
            "register",
            "group",
            "grouped",
            "grouping",
            "each",
            "respectively",
            "value",
            "figures",
            "figure",
            "numbers",
            "stats",
            "statistics",
            "metrics",
            "info",
            "information",
            "details",
            "detail",
            "report",
            "look",
            "looked",
            "summary",
            "summarize",
            "summarise",
            "one",
            "ones",
            "number",
            "count",
            "counting",
            "counted",
            "total",
            "totals",
            "sum",
            "amount",
            "time",
            "times",
            "there",
            "exist",
            "exists",
            "existing",
            "contain",
            "contains",
            "belong",
            "belongs",
            "home",
            "kind",
            "kinds",
            "type",
            "types",
            "among",
            "amongst",
            "work",
            "works",
            "worked",
            "working",
            "located",
            "based",
            "live",
            "lives",
            "operate",
            "operates",
            "operating",
            "currently",
            "overall",
            "altogether",
            "currently",
            "turn",
            "turned",
            "turns",
            "gain",
            "gained",
            "gains",
            "hold",
            "holds",
            "carry",
            "carries",
            "carried",
            "held",
            "holding",
            "given",
            "gave",
            "giving",
            "owe",
            "owes",
            "owed",
            "buy",
            "buys",
            "bought",
            "people",
            "anyone",
            "everyone",
            "someone",
            "actually",
            "typically");

    /** Stop words that may take part in a schema phrase ("number of items", "total price", "amount"): not noise. */
    static final Set<String> MEANINGFUL_STOP = Words.set(
            "number", "count", "total", "sum", "amount", "time", "times", "value", "type", "types", "kind", "home",
            "new", "over", "per", "each", "up");

    /** A set from possibly repeated words. */
    static Set<String> set(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    /**
     * Everyday words for an amount of money that a schema rarely uses as a name: what was spent, paid, earned, sold,
     * billed or charged (general English, no dataset's words).
     */
    static final Set<String> MONEY = set(
            "money",
            "spend",
            "spends",
            "spent",
            "spending",
            "pay",
            "pays",
            "paid",
            "paying",
            "earn",
            "earns",
            "earned",
            "earning",
            "earnings",
            "sell",
            "sells",
            "sold",
            "selling",
            "revenue",
            "revenues",
            "income",
            "cost",
            "costs",
            "costing",
            "bill",
            "bills",
            "billed",
            "billing",
            "charge",
            "charges",
            "charged",
            "takings",
            "turnover",
            "lose",
            "lost",
            "losing");

    static List<Token> tokenize(String text) {
        String normalized = text.replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201c', '"')
                .replace('\u201d', '"');
        normalized = POSSESSIVE.matcher(normalized).replaceAll("").replace("'", "");
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalized);
        while (m.find()) {
            String raw = m.group();
            String lower = raw.toLowerCase(Locale.ROOT);
            Kind kind;
            if (DATE.matcher(raw).matches()) {
                kind = Kind.DATE;
            } else if (DIGITS_THEN_LETTERS.matcher(raw).matches()
                    && !MAGNITUDE.matcher(raw).matches()) {
                kind = Kind.WORD; // "5G", "4x4"
            } else if (Character.isDigit(raw.charAt(0))) {
                kind = Kind.NUMBER;
                lower = expand(lower.replace(",", ""));
            } else if (NUMBER_WORDS.containsKey(lower) && !"one".equals(lower)) {
                kind = Kind.NUMBER;
                lower = NUMBER_WORDS.get(lower);
            } else {
                kind = Kind.WORD;
            }
            boolean upper = raw.length() >= 2 && raw.equals(raw.toUpperCase(Locale.ROOT)) && kind == Kind.WORD;
            out.add(new Token(
                    out.size(),
                    lower,
                    kind == Kind.WORD && Character.isLetter(lower.charAt(0)) ? stem(lower) : lower,
                    kind,
                    upper));
        }
        return out;
    }

    private static String expand(String number) {
        char last = number.charAt(number.length() - 1);
        if (last == 'k' || last == 'm') {
            double v = Double.parseDouble(number.substring(0, number.length() - 1)) * (last == 'k' ? 1e3 : 1e6);
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
        return number;
    }

    /** Lucene's Snowball implementation of Porter's algorithm; not thread-safe, so one per thread. */
    private static final ThreadLocal<org.tartarus.snowball.ext.PorterStemmer> STEMMER =
            ThreadLocal.withInitial(org.tartarus.snowball.ext.PorterStemmer::new);

    /** The canonical stem of one lower-case word. */
    static String stem(String word) {
        String s = porter(word);
        return SYNONYMS.getOrDefault(s, s);
    }

    /**
     * Porter's stem of a lower-case word (a–z only; others and words of two letters are kept), so that "cancelled",
     * "cancellation" and "cancel" or "reviews" and "review" meet on the same stem. Applied the same way to the words
     * of a question and to the names in the schema.
     */
    static String porter(String word) {
        if (word.length() <= 2 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return word;
        }
        org.tartarus.snowball.ext.PorterStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** Stems of the words of a schema name such as {@code acquisition_channel} or {@code "Camp & Gear"}. */
    static List<String> nameStems(String name) {
        List<String> out = new ArrayList<>();
        for (String part : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!part.isEmpty()) {
                out.add(Character.isDigit(part.charAt(0)) ? part : stem(part));
            }
        }
        return out;
    }

    /** Surface words of a value, lower-case and singular ("credit_card" → [credit, card]). */
    static List<String> valueWords(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.toLowerCase(Locale.ROOT).split("[^a-z0-9.]+")) {
            if (!part.isEmpty()) {
                out.add(singular(part));
            }
        }
        return out;
    }

    /** A light plural → singular folding used for values, where full stemming would be too loose. */
    static String singular(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    static boolean isStop(Token t) {
        return t.kind() == Kind.WORD && STOP.contains(t.text());
    }
}
