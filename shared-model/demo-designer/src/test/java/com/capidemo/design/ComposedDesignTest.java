package com.capidemo.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.GoldenQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Briefs for businesses no knowledge describes are composed from their own words, and say so. */
class ComposedDesignTest {

    static Stream<CustomerBrief> briefs() {
        return Stream.of(
                new CustomerBrief(
                        "Paws & Claws",
                        "veterinary clinics",
                        null,
                        "Twelve veterinary clinics treating cats and dogs",
                        List.of("appointment no-shows", "vaccination reminders")),
                new CustomerBrief(
                        "Evergreen Memorial",
                        "funeral homes",
                        null,
                        "Family-owned funeral homes",
                        List.of("pre-need contracts", "memorial service bookings")),
                new CustomerBrief(
                        "Hive Collective",
                        "coworking spaces",
                        null,
                        "Flexible desks and meeting rooms",
                        List.of("desk occupancy", "meeting room bookings")),
                new CustomerBrief(
                        "Golden Comb",
                        "beekeeping",
                        null,
                        "Honey producer with 2,000 hives",
                        List.of("hive inspections", "honey harvest yield")),
                new CustomerBrief("Llama Farms", "Alpaca wool artisanship", null, null, List.of("artisan payouts")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("briefs")
    void composesFromTheBriefAndSaysSo(CustomerBrief brief, @TempDir Path dir) throws Exception {
        DesignFixtures.Design d = DesignFixtures.design(brief);

        assertThat(d.profile().industry()).isEqualTo(KnowledgeBase.FALLBACK);
        assertThat(d.profile().designBasis())
                .startsWith("No knowledge for '" + brief.industry() + "'; composed from the brief");
        assertThat(d.profile().unservedUseCases()).containsExactlyElementsOf(brief.useCases());
        String schemaAndQuestions = (d.schema().tables().stream()
                                .map(TableDesign::name)
                                .collect(Collectors.joining(" "))
                        + " " + d.queries().stream().map(GoldenQuery::question).collect(Collectors.joining(" ")))
                .toLowerCase()
                .replace('_', ' ');
        for (String useCase : brief.useCases()) {
            List<String> words = Text.keywords(useCase, 10);
            assertThat(words).as(useCase).anyMatch(w -> schemaAndQuestions.contains(w));
        }
        assertThat(d.schema().tables()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(d.schema().totalRows()).isGreaterThanOrEqualTo(100_000);
        assertThat(SchemaRules.problems(d.schema())).isEmpty();
        DesignFixtures.generateAndVerify(d.compile(0.1), dir);
    }
}
