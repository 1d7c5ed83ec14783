package com.capidemo.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.chat.LocalChatAgent;
import com.capidemo.chat.ReadinessCheck;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.QuerySession;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.duckdb.DuckDbWarehouse;
import com.capidemo.local.LocalObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every industry the knowledge base knows, the generic fallback and five briefs no knowledge describes, each designed,
 * generated at full size, loaded into the local warehouse and scored with the local agent exactly as the custom
 * pipeline does. Each design is generated once per test run and shared by every assertion below.
 */
class EveryDesignTest {

    private static final Path ROOT = Path.of("target", "every-design").toAbsolutePath();
    private static final KnowledgeBase KNOWLEDGE =
            KnowledgeBase.load(DesignFixtures.configsDir().resolve("knowledge"));
    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();
    private static DuckDbWarehouse warehouse;
    private static LocalObjectStore objects;

    /** One brief to design, and whether no knowledge should serve it. */
    record Case(String name, CustomerBrief brief, boolean composed) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A design as generated and loaded, with its readiness. */
    record Built(
            DesignFixtures.Design design,
            TemplateDefinition template,
            Map<String, Long> rows,
            String dataset,
            Readiness readiness) {}

    static final List<CustomerBrief> OUTSIDE_THE_KNOWLEDGE = List.of(
            new CustomerBrief(
                    "Happy Tails",
                    "veterinary clinics",
                    null,
                    "Eighteen veterinary clinics for cats and dogs across Texas",
                    List.of("appointment no-shows", "vaccination reminders")),
            new CustomerBrief(
                    "Alpine Crest",
                    "ski resorts",
                    "https://alpinecrest.fr",
                    "Three ski resorts in the French Alps",
                    List.of("lift ticket sales", "snowmaking costs")),
            new CustomerBrief(
                    "Copper Kettle",
                    "breweries",
                    "https://copperkettle.co.uk",
                    "Craft breweries and taprooms across England",
                    List.of("batch yield", "taproom visits")),
            new CustomerBrief(
                    "Precision Smile",
                    "dental labs",
                    null,
                    "Dental laboratories making crowns and aligners for dentists",
                    List.of("remake requests", "turnaround times")),
            new CustomerBrief(
                    "Gale Force Renewables",
                    "wind farms",
                    null,
                    "Onshore wind farms with 400 turbines",
                    List.of("turbine downtime", "curtailment hours")));

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (IndustryKnowledge k : KNOWLEDGE.all()) {
            if (!k.key().equals(KnowledgeBase.FALLBACK)) {
                cases.add(new Case(k.key(), new CustomerBrief("Northwind", k.key(), null, null, List.of()), false));
            }
        }
        cases.add(new Case(
                "generic fallback",
                new CustomerBrief("Northwind", "company", null, "A growing company", List.of()),
                true));
        OUTSIDE_THE_KNOWLEDGE.forEach(b -> cases.add(new Case(b.industry(), b, true)));
        return cases;
    }

    /** The core tables of each knowledge industry, keyed by its knowledge key. */
    static Map<String, List<String>> signatures() {
        Map<String, List<String>> byKey = new HashMap<>();
        IndustryBreadthTest.SIGNATURES.forEach((industry, tables) ->
                byKey.put(KNOWLEDGE.resolve(industry, null).key(), tables));
        return byKey;
    }

    private static synchronized DuckDbWarehouse warehouse() {
        if (warehouse == null) {
            objects = new LocalObjectStore(ROOT.resolve("objects"));
            warehouse = new DuckDbWarehouse(ROOT.resolve("warehouse"), objects, Clock.systemUTC());
        }
        return warehouse;
    }

    static Built built(Case c) {
        return BUILT.computeIfAbsent(c.name(), n -> build(c));
    }

    private static Built build(Case c) {
        DesignFixtures.Design design = DesignFixtures.design(c.brief());
        TemplateDefinition template = design.compile(1.0);
        String dataset = "every_" + c.name().replaceAll("[^a-z0-9]+", "_");
        Path dir = ROOT.resolve("data").resolve(dataset);
        try {
            Map<String, Long> rows = DesignFixtures.generateAndVerify(template, dir);
            DuckDbWarehouse w = warehouse();
            w.dropDataset(dataset);
            w.createDataset(dataset, Map.of());
            for (TableSpec t : template.tables()) {
                ObjectRef ref = new ObjectRef("every-design", dataset + "/" + t.name() + ".parquet");
                objects.upload(ref, dir.resolve(t.name() + ".parquet"));
                w.loadParquet(dataset, t.name(), ref);
            }
            AgentSpec spec = new AgentSpec(
                    "demo_" + dataset,
                    "tenant_every",
                    dataset,
                    template.tableNames(),
                    design.instruction(),
                    design.queries());
            LocalChatAgent agent = new LocalChatAgent(w, s -> LocalChatAgent.declaredKeys(template));
            Readiness readiness;
            try (QuerySession session = w.session(dataset)) {
                readiness = ReadinessCheck.score(agent, spec, session, Clock.systemUTC());
            }
            return new Built(design, template, rows, dataset, readiness);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(c.name() + ": " + e.getMessage(), e);
        }
    }

    private static String text(Built b) {
        return (b.design().schema().tables().stream()
                                .flatMap(t -> Stream.concat(
                                        Stream.of(t.name()),
                                        t.columns().stream().map(ColumnDesign::name)))
                                .collect(Collectors.joining(" "))
                        + " "
                        + b.design().queries().stream()
                                .map(GoldenQuery::question)
                                .collect(Collectors.joining(" ")))
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ');
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachDesignIsBigEnoughAndEveryGoldenQuestionAnswers(Case c) {
        Built b = built(c);
        Set<String> tables =
                b.design().schema().tables().stream().map(TableDesign::name).collect(Collectors.toSet());

        assertThat(tables).as("tables").hasSizeGreaterThanOrEqualTo(8);
        assertThat(b.rows().values().stream().mapToLong(Long::longValue).sum())
                .as("generated rows")
                .isGreaterThanOrEqualTo(100_000);
        assertThat(b.rows()).as("every designed table generated at its size").hasSize(tables.size());
        assertThat(b.design().queries()).as("golden questions").hasSizeGreaterThanOrEqualTo(10);
        // generateAndVerify ran every golden query and required rows; the readiness asks each through the agent.
        assertThat(b.readiness().failed())
                .as("golden questions the local agent misses")
                .isEmpty();
        assertThat(b.readiness().score()).isEqualTo(100.0);

        if (c.composed()) {
            assertThat(b.design().profile().industry()).isEqualTo(KnowledgeBase.FALLBACK);
            assertThat(b.design().profile().designBasis())
                    .startsWith("No knowledge for '")
                    .contains("composed from the brief");
            assertThat(b.design().profile().industryLabel()).isEqualTo(c.brief().industry());
            if (OUTSIDE_THE_KNOWLEDGE.contains(c.brief())) {
                // The brief's own noun for its sites names the table ("clinics", "resorts", "breweries", ...).
                String[] industryWords = c.brief().industry().split(" ");
                String site = industryWords[industryWords.length - 1];
                assertThat(tables)
                        .as("the brief's noun for its sites")
                        .contains(site)
                        .doesNotContain("locations");
                assertThat(b.design().queries())
                        .as("golden questions by the brief's sites")
                        .anyMatch(q -> q.sql().contains(site));
            }
            String words = text(b);
            for (String useCase : c.brief().useCases()) {
                assertThat(Text.keywords(useCase, 10))
                        .as("words of '" + useCase + "' in the schema or the golden questions")
                        .allMatch(w -> words.contains(w)
                                || BriefComposer.singular(w).length() > 2 && words.contains(BriefComposer.singular(w)));
            }
        } else {
            assertThat(b.design().profile().industry()).isEqualTo(c.name());
            assertThat(b.design().profile().designBasis()).startsWith("Designed from the knowledge of");
        }
        // No table of another industry's core entities appears (a composed design has none at all).
        signatures().forEach((industry, core) -> {
            if (!industry.equals(b.design().profile().industry())) {
                assertThat(tables)
                        .as(c.name() + " must not carry " + industry + "'s core tables")
                        .doesNotContainAnyElementsOf(core);
            } else {
                assertThat(tables).as(c.name() + "'s own core tables").containsAll(core);
            }
        });
    }

    @Test
    void everyKnowledgeIndustryHasACoreTableSignature() {
        assertThat(KNOWLEDGE.all().stream().map(IndustryKnowledge::key).filter(k -> !k.equals(KnowledgeBase.FALLBACK)))
                .hasSizeGreaterThanOrEqualTo(30)
                .allMatch(signatures()::containsKey);
    }

    /** A row's city lies in its region and country, in every table of every design that has both. */
    @Test
    void everyCityLiesInItsRowsRegionAndCountry() {
        SoftAssertions softly = new SoftAssertions();
        int checkedTables = 0;
        Set<String> markets = new java.util.TreeSet<>();
        for (Case c : cases()) {
            Built b = built(c);
            for (TableDesign t : b.design().schema().tables()) {
                ColumnDesign city = t.columns().stream()
                        .filter(col -> Generator.CITY.equals(col.generator().kind()))
                        .min(Comparator.comparing(
                                (ColumnDesign col) -> !col.name().equals("city")))
                        .orElse(null);
                List<ColumnDesign> areas = t.columns().stream()
                        .filter(col -> Generator.REGION.equals(col.generator().kind())
                                || Generator.COUNTRY.equals(col.generator().kind()))
                        .toList();
                if (city == null || areas.isEmpty()) {
                    continue;
                }
                checkedTables++;
                for (ColumnDesign area : areas) {
                    QueryResult r = warehouse()
                            .query(
                                    b.dataset(),
                                    "SELECT DISTINCT " + city.name() + ", " + area.name() + " FROM " + t.name(),
                                    10_000);
                    for (List<Object> row : r.rows()) {
                        String cityName = String.valueOf(row.get(0));
                        Markets.Place place = Markets.place(cityName).orElse(null);
                        softly.assertThat(place)
                                .as(c.name() + " " + t.name() + ": " + cityName + " is a known place")
                                .isNotNull();
                        if (place != null) {
                            markets.add(place.country());
                            String expected =
                                    Generator.REGION.equals(area.generator().kind()) ? place.region() : place.country();
                            softly.assertThat(row.get(1))
                                    .as(c.name() + " " + t.name() + "." + area.name() + " of " + cityName)
                                    .isEqualTo(expected);
                        }
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(checkedTables)
                .as("tables with a city and its region or country")
                .isGreaterThanOrEqualTo(20);
        assertThat(markets)
                .as("places of several markets were checked")
                .contains("United States", "France", "United Kingdom");
    }

    /** A retailer sells most in November and December; an airline and a hotel fill up in summer. */
    @Test
    void businessesWithASeasonShowItInTheirData() {
        Map<String, double[]> share = new LinkedHashMap<>();
        share.put("retail", monthShares("retail", "orders", "order_date"));
        share.put("ecommerce", monthShares("ecommerce", "orders", "order_date"));
        share.put("airline", monthShares("airline", "flights", "flight_date"));
        share.put("hospitality", monthShares("hospitality", "bookings", "booking_date"));

        for (String holiday : List.of("retail", "ecommerce")) {
            double[] s = share.get(holiday);
            assertThat(s[10] + s[11])
                    .as(holiday + ": November and December share of orders (an even year would give 1/6)")
                    .isGreaterThan(0.21);
            assertThat(s[11]).as(holiday + ": December is the busiest month").isEqualTo(max(s));
        }
        double[] airline = share.get("airline");
        assertThat(airline[5] + airline[6] + airline[7])
                .as("airline: June to August share of flights (an even year would give 1/4)")
                .isGreaterThan(0.28);
        assertThat(airline[6] + airline[7])
                .as("July and August beat January and February")
                .isGreaterThan(1.4 * (airline[0] + airline[1]));
        double[] hotel = share.get("hospitality");
        assertThat(hotel[6] + hotel[7])
                .as("hotel: July and August beat January and February")
                .isGreaterThan(1.3 * (hotel[0] + hotel[1]));
    }

    private double[] monthShares(String industry, String table, String column) {
        Case c = cases().stream()
                .filter(x -> x.name().equals(industry))
                .findFirst()
                .orElseThrow();
        Built b = built(c);
        QueryResult r = warehouse()
                .query(
                        b.dataset(),
                        "SELECT month(" + column + ") AS m, count(*) * 1.0 / sum(count(*)) OVER () AS share FROM "
                                + table + " GROUP BY 1 ORDER BY 1",
                        12);
        double[] shares = new double[12];
        for (List<Object> row : r.rows()) {
            shares[((Number) row.get(0)).intValue() - 1] = ((Number) row.get(1)).doubleValue();
        }
        return shares;
    }

    private static double max(double[] values) {
        double m = values[0];
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    static {
        try {
            Files.createDirectories(ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
