package com.capidemo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsReadmeTest {

    @TempDir
    Path results;

    @Test
    void eachResultFileBecomesASectionInReadingOrderAndMissingOnesAreLeftOut() throws Exception {
        Files.writeString(results.resolve("clone-latest.md"), "# Clone benchmark\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        Files.writeString(results.resolve("latest.md"), "# Benchmark\n\n## detail\n```\n# not a heading\n```\n");
        String figures = ResultsReadme.figures(results);
        assertThat(figures.indexOf("### Quick provisioning"))
                .isLessThan(figures.indexOf("### Clones"))
                .isNotNegative();
        assertThat(figures)
                .contains(
                        "*Benchmark*",
                        "##### detail",
                        "# not a heading",
                        "| 1 | 2 |",
                        "From `bench/results/clone-latest.md`")
                .doesNotContain("### Chat over HTTP")
                .doesNotContain("\n# Benchmark");
    }

    @Test
    void onlyThePartBetweenTheMarkersIsReplaced() {
        String readme = "# bench\nintro\n" + ResultsReadme.START + "\nold figures\n" + ResultsReadme.END + "\nafter\n";
        String rendered = ResultsReadme.render(readme, "\nnew figures\n");
        assertThat(rendered)
                .startsWith("# bench\nintro\n" + ResultsReadme.START)
                .contains("new figures")
                .doesNotContain("old figures")
                .endsWith(ResultsReadme.END + "\nafter\n");
        assertThat(ResultsReadme.render(rendered, "\nnew figures\n")).isEqualTo(rendered);
    }

    @Test
    void aReadmeWithoutTheMarkersIsRefused() {
        assertThatThrownBy(() -> ResultsReadme.render("# bench\n", "x")).hasMessageContaining("no '");
    }

    @Test
    void theCommittedReadmeShowsTheCommittedResults() throws Exception {
        Path readme = Path.of("README.md");
        String committed = Files.readString(readme);
        assertThat(committed)
                .as("bench/README.md is out of date: run java -cp bench/target/bench-1.0.0-SNAPSHOT.jar "
                        + "com.capidemo.bench.ResultsReadme")
                .isEqualTo(ResultsReadme.render(committed, ResultsReadme.figures(Path.of("results"))));
    }
}
