package com.capidemo.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.GoldenQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The industries a Customer Engineer meets each get a schema in their own vocabulary, not another's under a new name. */
class IndustryBreadthTest {

    /** What a Customer Engineer types, and tables that industry's demo must have (its core entities). */
    static final Map<String, List<String>> SIGNATURES = Map.ofEntries(
            Map.entry("retail", List.of("inventory_snapshots")),
            Map.entry("e-commerce", List.of("sessions", "carts")),
            Map.entry("grocery", List.of("shrink_events", "transaction_items")),
            Map.entry("consumer goods", List.of("retail_sales", "trade_promotions")),
            Map.entry("banking", List.of("loans", "branches")),
            Map.entry("insurance", List.of("policies", "policyholders")),
            Map.entry("payments", List.of("payment_transactions", "chargebacks")),
            Map.entry("asset management", List.of("holdings", "fund_flows")),
            Map.entry("healthcare", List.of("patients", "encounters")),
            Map.entry("pharma", List.of("clinical_trials", "hcp_interactions")),
            Map.entry("health insurance", List.of("medical_claims", "prior_authorizations")),
            Map.entry("telecom", List.of("cell_sites", "call_records")),
            Map.entry("media & streaming", List.of("viewing_sessions", "titles")),
            Map.entry("gaming", List.of("game_sessions", "matches")),
            Map.entry("advertising", List.of("daily_delivery", "ad_groups")),
            Map.entry("saas", List.of("subscriptions", "usage_events")),
            Map.entry("hotels", List.of("room_types", "ancillary_charges")),
            Map.entry("airline", List.of("flights", "airports")),
            Map.entry("travel agency", List.of("trip_bookings", "destinations")),
            Map.entry("restaurants", List.of("checks", "menu_items")),
            Map.entry("food delivery", List.of("deliveries", "couriers")),
            Map.entry("logistics", List.of("tracking_events", "depots")),
            Map.entry("trucking", List.of("loads", "tractors")),
            Map.entry("manufacturing", List.of("work_orders", "production_lines")),
            Map.entry("automotive", List.of("vehicle_sales", "warranty_claims")),
            Map.entry("energy & utilities", List.of("meter_readings", "outages")),
            Map.entry("oil & gas", List.of("wells", "daily_production")),
            Map.entry("agriculture", List.of("harvests", "plantings")),
            Map.entry("real estate", List.of("leases", "rent_payments")),
            Map.entry("construction", List.of("change_orders", "milestones")),
            Map.entry("higher education", List.of("enrollments", "courses")),
            Map.entry("public sector", List.of("service_requests", "permits")),
            Map.entry("nonprofit", List.of("donations", "donors")),
            Map.entry("sports & ticketing", List.of("tickets", "venues")));

    static Stream<Arguments> industries() {
        return SIGNATURES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("industries")
    void eachIndustryGetsItsOwnVocabularyAndNoOtherIndustrysCoreTables(String industry, List<String> signature) {
        DesignFixtures.Design d = DesignFixtures.design(DesignFixtures.brief("Northwind", industry));
        Set<String> tables = d.schema().tables().stream().map(TableDesign::name).collect(Collectors.toSet());

        assertThat(d.profile().industry())
                .as("a knowledge industry, not the composed fallback")
                .isNotEqualTo(KnowledgeBase.FALLBACK);
        assertThat(d.profile().designBasis()).startsWith("Designed from the knowledge of");
        assertThat(tables).containsAll(signature);
        SIGNATURES.forEach((other, otherSignature) -> {
            if (!other.equals(industry)) {
                assertThat(tables)
                        .as(industry + " must not carry " + other + "'s core tables")
                        .doesNotContainAnyElementsOf(otherSignature);
            }
        });
        assertThat(d.schema().tables()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(d.schema().totalRows()).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void theKnowledgeBaseCoversAtLeastThirtyIndustries() {
        KnowledgeBase kb = KnowledgeBase.load(DesignFixtures.configsDir().resolve("knowledge"));
        assertThat(kb.all().stream().map(IndustryKnowledge::key).filter(k -> !k.equals(KnowledgeBase.FALLBACK)))
                .hasSizeGreaterThanOrEqualTo(30)
                .doesNotHaveDuplicates();
        assertThat(SIGNATURES.keySet().stream()
                        .map(i -> kb.resolve(i, null).key())
                        .distinct())
                .as("every industry a Customer Engineer picks resolves to its own knowledge")
                .hasSize(SIGNATURES.size());
    }

    @Test
    void anAirlineGetsFlightsDelaysAndAncillaryRevenueNotAHotel(@TempDir Path dir) throws Exception {
        CustomerBrief brief = new CustomerBrief(
                "SkyBridge Airlines",
                "airline",
                null,
                "A regional airline with 40 aircraft flying in the US north-west",
                List.of("on-time performance", "ancillary revenue"));
        DesignFixtures.Design d = DesignFixtures.design(brief);
        Set<String> tables = d.schema().tables().stream().map(TableDesign::name).collect(Collectors.toSet());

        assertThat(d.profile().industry()).isEqualTo("airline");
        assertThat(d.profile().unservedUseCases()).isEmpty();
        assertThat(tables)
                .contains("flights", "ancillary_sales", "bookings", "aircraft")
                .doesNotContain("room_types", "properties", "guests");
        TableDesign flights = d.schema().table("flights").orElseThrow();
        assertThat(flights.columns().stream().map(ColumnDesign::name))
                .contains("scheduled_departure", "actual_departure", "departure_delay_minutes", "delay_cause");
        assertThat(d.useCases().useCases().subList(0, 2))
                .extracting(UseCase::name)
                .containsExactly("On-time performance", "Ancillary revenue");
        assertThat(d.queries().stream().filter(q -> q.sql().contains("delay"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(d.queries().stream().filter(q -> q.sql().contains("ancillary_sales")))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(d.queries()).noneMatch(q -> q.question().toLowerCase().contains("room"));
        DesignFixtures.generateAndVerify(d.compile(0.1), dir);

        // Realistic values: most departures within minutes of schedule with a long tail, planes 65-100 % full.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT quantile_cont(departure_delay_minutes, 0.5),"
                        + " quantile_cont(departure_delay_minutes, 0.95), min(load_factor_pct), max(load_factor_pct),"
                        + " avg(CASE WHEN status = 'cancelled' THEN 1.0 ELSE 0 END)"
                        + " FROM read_parquet('"
                        + dir.resolve("flights.parquet").toAbsolutePath() + "')")) {
            rs.next();
            assertThat(rs.getDouble(1)).as("median delay minutes").isBetween(-5.0, 15.0);
            assertThat(rs.getDouble(2)).as("95th percentile delay minutes").isGreaterThan(45.0);
            assertThat(rs.getDouble(3)).as("lowest load factor").isGreaterThanOrEqualTo(60.0);
            assertThat(rs.getDouble(4)).as("highest load factor").isLessThanOrEqualTo(100.0);
            assertThat(rs.getDouble(5)).as("cancellation share").isBetween(0.005, 0.05);
        }
    }

    @Test
    void everyNamedUseCaseGetsAtLeastTwoGoldenQuestions() {
        SoftAssertions softly = new SoftAssertions();
        for (String industry : SIGNATURES.keySet()) {
            IndustryKnowledge kb = KnowledgeBase.load(
                            DesignFixtures.configsDir().resolve("knowledge"))
                    .resolve(industry, null);
            for (IndustryKnowledge.KnownUseCase useCase : kb.useCases()) {
                DesignFixtures.Design d = DesignFixtures.design(
                        new CustomerBrief("Cymbal", industry, null, null, List.of(useCase.name())));
                List<String> answering = kb.questions().stream()
                        .filter(q -> q.useCases().contains(useCase.key()))
                        .map(QuestionPattern::question)
                        .toList();
                softly.assertThat(
                                d.queries().stream().map(GoldenQuery::question).filter(answering::contains))
                        .as(industry + " / " + useCase.name())
                        .hasSizeGreaterThanOrEqualTo(2);
            }
        }
        softly.assertAll();
    }

    @Test
    void aUseCaseNoKnowledgeServesIsReportedNotDropped() {
        DesignFixtures.Design d = DesignFixtures.design(new CustomerBrief(
                "SkyBridge Airlines", "airline", null, null, List.of("on-time performance", "pilot fatigue scoring")));
        assertThat(d.profile().unservedUseCases()).containsExactly("pilot fatigue scoring");
        assertThat(d.profile().designBasis()).contains("pilot fatigue scoring");
        assertThat(d.useCases().useCases()).extracting(UseCase::name).contains("pilot fatigue scoring");
    }
}
