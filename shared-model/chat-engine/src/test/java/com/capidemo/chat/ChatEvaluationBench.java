package com.capidemo.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The chat part of {@code bench/run} (not a test of the normal build: the name does not end in Test): the prospect,
 * held-out and unseen sets (development and sealed halves) asked through the local agent over real DuckDB data, each
 * set once to warm up and once timed; accuracy (correct / declined / wrong) and latency p50/p95 per dataset and
 * family, written to {@code bench.results} (default ../bench/results) as chat-eval-latest.json and
 * chat-eval-latest.md.
 */
class ChatEvaluationBench {

    static final List<String> SETS = List.of("shopify", "banking", "saas");
    static final List<String> HELD_OUT = List.of("shopify", "banking");

    @Test
    void measure() throws IOException {
        Path dir = Path.of(System.getProperty("bench.results", "../bench/results"))
                .toAbsolutePath()
                .normalize();
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder("# Chat evaluation benchmark\n\n- Date: " + Instant.now() + "\n- Machine: "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + "\n- What: the prospect, held-out and unseen sets (test resources chat/{template}-{set}.yml) asked"
                + " through the local agent in process over the template's DuckDB data; latency of the timed second pass, per"
                + " question (planning, SQL and answer).\n");
        List<String> json = new ArrayList<>();
        List<ChatEvaluation.SetFile> sets = new ArrayList<>();
        for (String t : SETS) {
            sets.add(new ChatEvaluation.SetFile(t + "-prospect", t, "/chat/" + t + "-prospect.yml"));
        }
        for (String t : HELD_OUT) {
            sets.add(new ChatEvaluation.SetFile(t + "-heldout", t, "/chat/" + t + "-heldout.yml"));
        }
        sets.addAll(ChatEvaluation.unseenSets());
        List<ChatEvaluation.Report> unseen = new ArrayList<>();
        for (ChatEvaluation.SetFile file : sets) {
            String set = file.name();
            ChatEvaluation.run(file);
            ChatEvaluation.Report r = ChatEvaluation.run(file);
            if (set.contains("-unseen-")) {
                unseen.add(r);
            }
            md.append("\n## ")
                    .append(set)
                    .append(String.format(
                            Locale.ROOT,
                            " — %.1f %% correct, %d wrong\n\n```\n",
                            r.correctPercent(),
                            r.wrong().size()))
                    .append(r.table())
                    .append("```\n");
            r.byFamily().forEach((family, rs) -> json.add(entry(set, family, rs)));
            json.add(entry(set, "all", r.results()));
        }
        md.append("\n## Unseen sets per dataset\n\n```\n")
                .append(UnseenQuestionsTest.summary(unseen))
                .append("```\n");
        Files.writeString(dir.resolve("chat-eval-latest.md"), md.toString());
        Files.writeString(
                dir.resolve("chat-eval-latest.json"),
                "{\"date\":\"" + Instant.now() + "\",\"families\":[\n  " + String.join(",\n  ", json) + "\n]}\n");
        System.out.println(md);
    }

    private static String entry(String set, String family, List<ChatEvaluation.Result> rs) {
        long[] ns = rs.stream().mapToLong(ChatEvaluation.Result::nanos).toArray();
        return String.format(
                Locale.ROOT,
                "{\"set\":\"%s\",\"family\":\"%s\",\"n\":%d,\"correct\":%d,\"declined\":%d,"
                        + "\"wrong\":%d,\"p50_ms\":%.1f,\"p95_ms\":%.1f}",
                set,
                family,
                rs.size(),
                count(rs, ChatEvaluation.Verdict.CORRECT),
                count(rs, ChatEvaluation.Verdict.DECLINED),
                count(rs, ChatEvaluation.Verdict.WRONG),
                ChatEvaluation.percentile(ns, 50) / 1e6,
                ChatEvaluation.percentile(ns, 95) / 1e6);
    }

    private static long count(List<ChatEvaluation.Result> rs, ChatEvaluation.Verdict v) {
        return rs.stream().filter(r -> r.verdict() == v).count();
    }
}
