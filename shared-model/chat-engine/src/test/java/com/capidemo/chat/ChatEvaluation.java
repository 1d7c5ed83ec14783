package com.capidemo.chat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.QueryResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asks the questions of an evaluation set (test resource chat/{template}-prospect.yml) through the real local agent
 * over the template's real DuckDB data and classifies every answer the way the readiness check compares rows: correct
 * (the answer's rows present the expected SQL's values, or a question the set says must be declined was declined),
 * declined, or WRONG (answered with rows that differ, or answered a question that must be declined).
 */
final class ChatEvaluation {

    record Question(String family, String question, String sql) {}

    enum Verdict {
        CORRECT,
        DECLINED,
        WRONG
    }

    record Result(Question question, Verdict verdict, ChatAnswer answer, long nanos, String detail) {}

    /** The results of one set, with per-family counts and latency percentiles. */
    record Report(String template, List<Result> results) {

        long count(Verdict v) {
            return results.stream().filter(r -> r.verdict() == v).count();
        }

        double correctPercent() {
            return results.isEmpty() ? 0 : 100.0 * count(Verdict.CORRECT) / results.size();
        }

        List<Result> wrong() {
            return results.stream().filter(r -> r.verdict() == Verdict.WRONG).toList();
        }

        Map<String, List<Result>> byFamily() {
            Map<String, List<Result>> out = new LinkedHashMap<>();
            results.forEach(r -> out.computeIfAbsent(r.question().family(), k -> new ArrayList<>())
                    .add(r));
            return out;
        }

        /** One line per family: questions, correct, declined, wrong, latency p50/p95 in ms. */
        String table() {
            StringBuilder b = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%-14s %3s %7s %8s %5s %8s %8s%n",
                    "family",
                    "n",
                    "correct",
                    "declined",
                    "wrong",
                    "p50 ms",
                    "p95 ms"));
            byFamily().forEach((family, rs) -> b.append(line(family, rs)));
            b.append(line("all " + template, results));
            return b.toString();
        }

        private static String line(String name, List<Result> rs) {
            long[] ms = rs.stream().mapToLong(Result::nanos).sorted().toArray();
            return String.format(
                    Locale.ROOT,
                    "%-14s %3d %7d %8d %5d %8.1f %8.1f%n",
                    name,
                    rs.size(),
                    rs.stream().filter(r -> r.verdict() == Verdict.CORRECT).count(),
                    rs.stream().filter(r -> r.verdict() == Verdict.DECLINED).count(),
                    rs.stream().filter(r -> r.verdict() == Verdict.WRONG).count(),
                    percentile(ms, 50) / 1e6,
                    percentile(ms, 95) / 1e6);
        }
    }

    private ChatEvaluation() {}

    /** Nearest-rank percentile of sorted values (0 when empty). */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        long[] s = sorted.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    static List<Question> questions(String templateId) {
        return questions(templateId, "/chat/" + templateId + "-prospect.yml");
    }

    /**
     * The questions of a set file (test resource): {@code template}, then {@code questions}, each with {@code family}
     * (optional), {@code question} and {@code sql} (null or missing: the question must be declined).
     */
    static List<Question> questions(String templateId, String resource) {
        try (InputStream in = ChatEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no evaluation set " + resource);
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            if (root.hasNonNull("template")
                    && !templateId.equals(root.get("template").asText())) {
                throw new IllegalStateException(
                        resource + " is for template " + root.get("template").asText());
            }
            List<Question> out = new ArrayList<>();
            for (JsonNode q : root.get("questions")) {
                JsonNode family = q.get("family");
                JsonNode sql = q.get("sql");
                out.add(new Question(
                        family == null || family.isNull() ? "other" : family.asText(),
                        q.get("question").asText(),
                        sql == null || sql.isNull() ? null : sql.asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A set file of test resources chat/: its name (file name without .yml), template and resource path. */
    record SetFile(String name, String template, String resource) {}

    /**
     * The blind sets in test resources chat/ named {template}-unseen-{half}.yml (every half, development and sealed),
     * found by listing the folder, in name order; system property {@code chat.unseen} (a regular expression over the
     * set name) chooses which: by default the development halves and the practice sets ({@code .*-(dev|practice)}:
     * sets written later, from the data only, to check that the mechanisms built on the development halves carry over
     * to questions nobody studied while building them); the sealed halves are asked only when someone asks for them
     * ({@code -Dchat.unseen='.*-sealed'}), once, when the planner work they measure is done.
     * Their contents are only ever read by the evaluation itself.
     */
    static List<SetFile> unseenSets() {
        return unseenSets("/chat/");
    }

    /**
     * The blind sets of the custom demos (test resources chat/custom-demos/{demo}-unseen-{half}.yml), chosen by
     * {@code chat.unseen} exactly as {@link #unseenSets()} chooses.
     */
    static List<SetFile> customDemoSets() {
        return unseenSets("/chat/custom-demos/");
    }

    private static List<SetFile> unseenSets(String folder) {
        String only = System.getProperty("chat.unseen", ".*-(dev|practice)");
        try {
            java.net.URL dir = ChatEvaluation.class.getResource(folder);
            if (dir == null || !"file".equals(dir.getProtocol())) {
                return List.of();
            }
            try (java.util.stream.Stream<java.nio.file.Path> files =
                    java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
                return files.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("[a-z0-9_]+-unseen-[a-z0-9_]+\\.yml"))
                        .sorted()
                        .map(n -> {
                            String name = n.substring(0, n.length() - ".yml".length());
                            return new SetFile(name, name.substring(0, name.indexOf("-unseen-")), folder + n);
                        })
                        .filter(f -> f.name().matches(only))
                        .toList();
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Report run(String templateId) {
        return run(templateId, questions(templateId));
    }

    /** Runs one set file; the report is named after the set. */
    static Report run(SetFile set) {
        return new Report(
                set.name(),
                run(set.template(), questions(set.template(), set.resource())).results());
    }

    static Report run(String templateId, List<Question> questions) {
        AgentSpec spec = ChatFixtures.agentSpec(templateId);
        LocalChatAgent agent = ChatFixtures.agent();
        agent.answer(spec, List.of(), "How many rows are there?"); // loads the dataset's knowledge outside the timings
        List<Result> out = new ArrayList<>();
        for (Question q : questions) {
            long started = System.nanoTime();
            ChatAnswer a = agent.answer(spec, List.of(), q.question());
            long nanos = System.nanoTime() - started;
            out.add(classify(templateId, q, a, nanos));
        }
        return new Report(templateId, List.copyOf(out));
    }

    static Result classify(String templateId, Question q, ChatAnswer a, long nanos) {
        if (!a.answered()) {
            // declining a question the set marks as one to decline (sql null) is the right answer
            return new Result(q, q.sql() == null ? Verdict.CORRECT : Verdict.DECLINED, a, nanos, a.answer());
        }
        if (q.sql() == null) {
            return new Result(q, Verdict.WRONG, a, nanos, "answered although it should be declined: " + a.sql());
        }
        QueryResult expected = ChatFixtures.query(templateId, q.sql(), 1000);
        if (ResultComparator.answers(expected.rows(), a.rows())) {
            return new Result(q, Verdict.CORRECT, a, nanos, null);
        }
        return new Result(
                q,
                Verdict.WRONG,
                a,
                nanos,
                "expected " + head(expected.rows()) + "\n   got      " + head(a.rows()) + "\n   sql " + a.sql());
    }

    /**
     * Runs each set through the local agent and judges it: prints each set's per-family table, the summary, every
     * wrong answer and (with {@code -Dchat.declines=true}) every decline with the reason it gave; asserts every decline
     * says why and offers three questions, and no set has more wrong answers than {@code wrongAtMost} records for it
     * (none for a set not listed).
     */
    static List<Report> judge(String kind, List<SetFile> sets, Map<String, Integer> wrongAtMost) {
        boolean showDeclines = Boolean.getBoolean("chat.declines");
        List<Report> reports = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (SetFile set : sets) {
            Report report = run(set);
            reports.add(report);
            System.out.println(kind + " " + set.name() + "\n" + report.table());
            for (Result r : report.results()) {
                if (r.verdict() == Verdict.WRONG) {
                    wrong.add(set.name() + " [" + r.question().family() + "] "
                            + r.question().question() + "\n   " + r.detail());
                }
                if (!r.answer().answered()) {
                    assertDeclinedWithReasons(r);
                }
                if (r.verdict() == Verdict.DECLINED) {
                    if (showDeclines) {
                        System.out.println("  DECLINED " + set.name() + " ["
                                + r.question().family() + "] " + r.question().question() + "\n   "
                                + firstSentence(r.answer().answer()));
                    }
                }
            }
        }
        System.out.println(UnseenQuestionsTest.summary(reports));
        wrong.forEach(w -> System.out.println("  WRONG " + w));
        for (Report report : reports) {
            String name = report.template(); // a set's report is named after the set
            org.assertj.core.api.Assertions.assertThat(report.count(Verdict.WRONG))
                    .as("wrong answers in " + name + " (no more than recorded; the target is none)")
                    .isLessThanOrEqualTo(wrongAtMost.getOrDefault(name, 0));
        }
        return reports;
    }

    private static void assertDeclinedWithReasons(Result r) {
        ChatAnswer a = r.answer();
        String q = r.question().question();
        org.assertj.core.api.Assertions.assertThat(a.sql()).as(q).isNull();
        org.assertj.core.api.Assertions.assertThat(a.rows()).as(q).isEmpty();
        org.assertj.core.api.Assertions.assertThat(a.followUpQuestions()).as(q).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(a.answer())
                .as(q)
                .contains("can't answer")
                .contains(a.followUpQuestions().get(0));
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String head(List<List<Object>> rows) {
        return rows.size() <= 5 ? rows.toString() : rows.subList(0, 5) + " … (" + rows.size() + " rows)";
    }
}
