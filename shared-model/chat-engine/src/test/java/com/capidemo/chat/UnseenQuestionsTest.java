package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blind sets (test resources chat/{template}-unseen-dev.yml and chat/{template}-unseen-sealed.yml), written from
 * the template data by someone who had not read the planner: every set found is asked through the local agent over
 * real data. No answer across all of them may differ from its expected SQL's rows, and every decline must say why and
 * offer three questions. The correct share of each set is printed (one line per set and per family), not asserted:
 * the development halves are for measuring, the sealed halves are the figure that counts (they run only when asked
 * for, see {@link ChatEvaluation#unseenSets()}).
 *
 * <p>The target is no wrong answer at all. Until the planner reaches it, each development half may not have more wrong
 * answers than {@link #WRONG_AT_MOST} records (what the planner gave when the sets arrived): a change that adds a
 * wrong answer fails, and each number is lowered as the planner improves. A set not listed may have none.
 */
class UnseenQuestionsTest {

    static final Map<String, Integer> WRONG_AT_MOST = Map.of();

    @Test
    void noSetHasAWrongAnswerAndEveryFigureIsReported() {
        List<ChatEvaluation.SetFile> sets = new ArrayList<>();
        for (ChatEvaluation.SetFile set : ChatEvaluation.unseenSets()) {
            if (ChatFixtures.catalog().find(set.template()).isEmpty()) {
                System.out.println("unseen set " + set.name() + ": no template " + set.template() + ", skipped");
            } else {
                sets.add(set);
            }
        }
        ChatEvaluation.judge("unseen set", sets, WRONG_AT_MOST);
    }

    /** One line per set and a total: questions, correct, declined, wrong, correct %, p95 ms. */
    static String summary(List<ChatEvaluation.Report> reports) {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%-28s %4s %7s %8s %5s %9s %8s%n",
                "unseen set",
                "n",
                "correct",
                "declined",
                "wrong",
                "correct %",
                "p95 ms"));
        List<ChatEvaluation.Result> all = new ArrayList<>();
        for (ChatEvaluation.Report r : reports) {
            b.append(line(r.template(), r.results()));
            all.addAll(r.results());
        }
        b.append(line("all unseen sets", all));
        return b.toString();
    }

    private static String line(String name, List<ChatEvaluation.Result> rs) {
        long correct = rs.stream()
                .filter(r -> r.verdict() == ChatEvaluation.Verdict.CORRECT)
                .count();
        long[] ns = rs.stream().mapToLong(ChatEvaluation.Result::nanos).toArray();
        return String.format(
                Locale.ROOT,
                "%-28s %4d %7d %8d %5d %9.1f %8.1f%n",
                name,
                rs.size(),
                correct,
                rs.stream()
                        .filter(r -> r.verdict() == ChatEvaluation.Verdict.DECLINED)
                        .count(),
                rs.stream()
                        .filter(r -> r.verdict() == ChatEvaluation.Verdict.WRONG)
                        .count(),
                rs.isEmpty() ? 0 : 100.0 * correct / rs.size(),
                ChatEvaluation.percentile(ns, 95) / 1e6);
    }
}
