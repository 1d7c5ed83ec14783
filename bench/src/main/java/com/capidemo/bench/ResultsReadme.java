package com.capidemo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the figures of {@code bench/README.md} from {@code bench/results/}: the part between {@link #START} and
 * {@link #END} is replaced by each benchmark's latest result ({@code *-latest.md}, in the order of {@link #RESULTS}),
 * so the README never states a figure the results do not hold. {@code bench/run} and {@code bench/run-demos} call it
 * after measuring; alone: {@code java -cp bench/target/bench-1.0.0-SNAPSHOT.jar com.capidemo.bench.ResultsReadme
 * [--results bench/results] [--readme bench/README.md]}.
 */
public final class ResultsReadme {

    static final String START =
            "<!-- figures: written by ResultsReadme from bench/results/*-latest.md, do not edit by hand -->";
    static final String END = "<!-- end of figures -->";

    /** Result file and the heading it gets, in reading order. */
    static final List<Map.Entry<String, String>> RESULTS = List.of(
            Map.entry("latest.md", "Quick provisioning"),
            Map.entry("clone-latest.md", "Clones"),
            Map.entry("chat-latest.md", "Chat over HTTP"),
            Map.entry("chat-eval-latest.md", "Chat evaluation"),
            Map.entry("custom-latest.md", "Custom provisioning and tenant pipelines"),
            Map.entry("webui-latest.md", "Web UI page loads"),
            Map.entry("lifecycle-latest.md", "Lifecycle cleanup"),
            Map.entry("demos-latest.md", "Demo management at scale"),
            Map.entry("readiness-latest.md", "Readiness scoring"));

    private ResultsReadme() {}

    /** The generated figures: one {@code ###} section per result file that exists. */
    static String figures(Path results) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> result : RESULTS) {
            Path file = results.resolve(result.getKey());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            out.append("\n### ").append(result.getValue()).append("\n\n");
            out.append("From `bench/results/").append(result.getKey()).append("`:\n\n");
            out.append(body(Files.readString(file))).append('\n');
        }
        return out.toString();
    }

    /** A result file as part of the README: its title as a plain line, its headings below the section's. */
    static String body(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean fence = false;
        for (String line : markdown.strip().split("\n", -1)) {
            if (line.startsWith("```")) {
                fence = !fence;
            }
            if (!fence && line.startsWith("# ")) {
                out.append('*').append(line.substring(2).strip()).append('*');
            } else if (!fence && line.startsWith("#")) {
                out.append("###").append(line);
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The README with its figures part replaced; an error when the markers are missing. */
    static String render(String readme, String figures) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the README has no '" + START + "' … '" + END + "' part");
        }
        return readme.substring(0, start + START.length()) + "\n" + figures + "\n" + readme.substring(end);
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of("bench/results");
        Path readme = Path.of("bench/README.md");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--results" -> results = Path.of(args[i + 1]);
                case "--readme" -> readme = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String before = Files.readString(readme);
        String after = render(before, figures(results));
        if (!after.equals(before)) {
            Files.writeString(readme, after);
        }
        System.out.println((after.equals(before) ? "unchanged: " : "figures written: ") + readme);
    }
}
