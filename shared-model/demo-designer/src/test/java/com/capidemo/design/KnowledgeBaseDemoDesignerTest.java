package com.capidemo.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.json.Json;
import com.capidemo.core.template.TemplateDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KnowledgeBaseDemoDesignerTest {

    static Stream<String> industries() {
        return DesignFixtures.DESIGNER == null
                ? Stream.empty()
                : KnowledgeBase.load(DesignFixtures.configsDir().resolve("knowledge")).all().stream()
                        .map(IndustryKnowledge::key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("industries")
    void everyIndustryDesignsAUsableDemo(String industry, @TempDir Path dir) throws Exception {
        DesignFixtures.Design design = DesignFixtures.design(DesignFixtures.brief("Northwind " + industry, industry));

        assertThat(design.profile().industry()).isEqualTo(industry);
        assertThat(design.schema().tables()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(design.schema().totalRows()).isGreaterThanOrEqualTo(100_000);
        assertThat(SchemaRules.problems(design.schema())).isEmpty();
        assertThat(design.queries()).hasSizeBetween(10, 15);
        assertThat(design.queries().stream().map(GoldenQuery::complexity).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("simple", "moderate", "complex");
        assertThat(design.instruction()).contains(design.profile().customerName());

        // Generating every industry at full size would take minutes on 2 cores; a tenth keeps every key and query.
        Map<String, Long> counts = DesignFixtures.generateAndVerify(design.compile(0.1), dir);
        assertThat(counts.keySet())
                .containsExactlyElementsOf(
                        design.schema().tables().stream().map(TableDesign::name).toList());
    }

    @Test
    void sameBriefGivesIdenticalDesignAndData(@TempDir Path dir) throws Exception {
        CustomerBrief brief = new CustomerBrief(
                "Cymbal Retail",
                "E-commerce",
                "https://cymbal.example.com",
                "Online fashion retailer focused on returns and loyalty",
                List.of("reduce returns", "customer churn"));
        DesignFixtures.Design first = DesignFixtures.design(brief);
        DesignFixtures.Design second = DesignFixtures.design(Json.read(Json.write(brief), CustomerBrief.class));

        assertThat(Json.write(second.profile())).isEqualTo(Json.write(first.profile()));
        assertThat(Json.write(second.useCases())).isEqualTo(Json.write(first.useCases()));
        assertThat(Json.write(second.schema())).isEqualTo(Json.write(first.schema()));
        assertThat(Json.write(second.queries())).isEqualTo(Json.write(first.queries()));
        assertThat(second.instruction()).isEqualTo(first.instruction());

        TemplateDefinition a = first.compile(0.05);
        TemplateDefinition b = second.compile(0.05);
        assertThat(Json.write(b)).isEqualTo(Json.write(a));
        assertThat(DesignFixtures.generateAndVerify(b, dir.resolve("b")))
                .isEqualTo(DesignFixtures.generateAndVerify(a, dir.resolve("a")));
    }

    @Test
    void designsRoundTripThroughJsonCheckpoints() {
        DesignFixtures.Design d = DesignFixtures.design(DesignFixtures.brief("Acme Bank", "Financial Services"));
        assertThat(Json.read(Json.write(d.profile()), CustomerProfile.class)).isEqualTo(d.profile());
        assertThat(Json.read(Json.write(d.useCases()), UseCaseAnalysis.class)).isEqualTo(d.useCases());
        assertThat(Json.read(Json.write(d.schema()), SchemaDesign.class)).isEqualTo(d.schema());
        assertThat(Json.write(d.schema())).contains("\"primary_key\"", "\"dataset_description\"", "\"kind\"");
    }

    @Test
    void useCasesShapeTablesAndQuestions() {
        DesignFixtures.Design plain =
                DesignFixtures.design(new CustomerBrief("Cymbal Shops", "retail", null, null, List.of("sales trends")));
        DesignFixtures.Design funnel = DesignFixtures.design(new CustomerBrief(
                "Cymbal Shops",
                "retail",
                null,
                null,
                List.of("website conversion funnel", "product reviews and ratings")));

        assertThat(tableNames(funnel)).contains("web_sessions", "product_reviews");
        assertThat(tableNames(plain)).doesNotContain("web_sessions");
        assertThat(funnel.useCases().useCases().get(0).name()).isEqualTo("Digital conversion funnel");
        assertThat(funnel.queries()).anyMatch(q -> q.sql().contains("web_sessions"));
        assertThat(plain.queries()).noneMatch(q -> q.sql().contains("web_sessions"));
    }

    @Test
    void differentIndustriesGetDifferentTables() {
        Set<String> retail = tableNames(DesignFixtures.design(DesignFixtures.brief("Cymbal", "retail")));
        Set<String> bank = tableNames(DesignFixtures.design(DesignFixtures.brief("Cymbal", "fintech")));
        assertThat(retail).isNotEqualTo(bank);
        assertThat(bank).doesNotContain("order_items");
    }

    @Test
    void unknownIndustryFallsBackToTheGenericBusiness(@TempDir Path dir) throws Exception {
        DesignFixtures.Design d = DesignFixtures.design(
                new CustomerBrief("Llama Farms", "Alpaca wool artisanship", null, null, List.of("artisan payouts")));
        assertThat(d.profile().industry()).isEqualTo(KnowledgeBase.FALLBACK);
        assertThat(d.profile().industryLabel()).isEqualTo("Alpaca wool artisanship");
        assertThat(d.profile().designBasis()).startsWith("No knowledge for 'Alpaca wool artisanship'; composed");
        assertThat(d.useCases().useCases()).extracting(UseCase::name).contains("artisan payouts");
        assertThat(d.schema().tables()).hasSizeGreaterThanOrEqualTo(8);
        DesignFixtures.generateAndVerify(d.compile(0.05), dir);
    }

    @Test
    void aliasesAndDescriptionsResolveTheIndustry() {
        KnowledgeBase kb = KnowledgeBase.load(DesignFixtures.configsDir().resolve("knowledge"));
        assertThat(kb.resolve("Shopify store", null).key()).isEqualTo("ecommerce");
        assertThat(kb.resolve("", "We sell sneakers online through our ecommerce site")
                        .key())
                .isEqualTo("ecommerce");
        assertThat(kb.resolve("Department stores", null).key()).isEqualTo("retail");
        assertThat(kb.resolve("Regional airline", null).key()).isEqualTo("airline");
        assertThat(kb.resolve(null, null).key()).isEqualTo(KnowledgeBase.FALLBACK);
        // An alias inside other wording of another business does not make it that business.
        assertThat(kb.resolve("veterinary clinics", null).key()).isEqualTo(KnowledgeBase.FALLBACK);
        assertThat(kb.resolve("", "We run twelve veterinary clinics").key()).isEqualTo(KnowledgeBase.FALLBACK);
        assertThat(kb.resolve("airline", null).key()).isNotEqualTo("hospitality");
    }

    @Test
    void rejectedQuestionsAreReplaced() {
        DesignFixtures.Design d = DesignFixtures.design(DesignFixtures.brief("Cymbal", "retail"));
        Set<String> rejected =
                d.queries().stream().limit(3).map(GoldenQuery::question).collect(Collectors.toSet());
        List<GoldenQuery> again =
                DesignFixtures.DESIGNER.goldenQueries(d.profile(), d.useCases(), d.schema(), 12, rejected);
        assertThat(again).hasSize(12).noneMatch(q -> rejected.contains(q.question()));
    }

    private static Set<String> tableNames(DesignFixtures.Design d) {
        return d.schema().tables().stream().map(TableDesign::name).collect(Collectors.toSet());
    }
}
