package com.capidemo.design;

import com.capidemo.core.domain.GoldenQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local {@link DemoDesigner}: what Gemini does in gcp mode, done by a deterministic generator over an industry
 * knowledge base. Every choice is seeded from the inputs (mostly the customer name), so the same brief always gives
 * the same profile, schema and questions, while two customers in one industry get slightly different demos.
 */
public final class KnowledgeBaseDemoDesigner implements DemoDesigner {

    private static final int MIN_TABLES = 8;
    private static final long MIN_ROWS = 100_000;
    private static final int MIN_USE_CASES = 4;
    private static final int MAX_USE_CASES = 6;

    private final KnowledgeBase knowledge;

    public KnowledgeBaseDemoDesigner(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Reads the knowledge base from {@code configsDir/knowledge}. */
    public static KnowledgeBaseDemoDesigner fromConfigs(Path configsDir) {
        return new KnowledgeBaseDemoDesigner(KnowledgeBase.load(configsDir.resolve("knowledge")));
    }

    @Override
    public CustomerProfile research(CustomerBrief brief) {
        String text = String.join(
                " ", nonNull(brief.description()), nonNull(brief.website()), String.join(" ", brief.useCases()));
        Optional<IndustryKnowledge> matched = knowledge.match(brief.industry(), text);
        IndustryKnowledge kb = matched.orElseGet(() -> knowledge.byKey(KnowledgeBase.FALLBACK));
        Random random = Seeds.random("research", brief.customerName(), kb.key());
        Markets market = Markets.detect(nonNull(brief.description()) + " " + brief.customerName(), brief.website());
        List<String> keywords = Text.keywords(nonNull(brief.description()) + " " + websiteWords(brief.website()), 15);

        // Business lines the brief mentions come first; the rest are a seeded pick, so customers differ slightly.
        List<String> lines = new ArrayList<>();
        for (String line : kb.businessLines()) {
            if (Text.words(line).stream()
                    .anyMatch(w -> w.length() > 3 && keywords.stream().anyMatch(k -> Text.sameWord(k, w)))) {
                lines.add(line);
            }
        }
        for (String line : Seeds.shuffled(kb.businessLines(), random)) {
            if (lines.size() < 4 && !lines.contains(line)) {
                lines.add(line);
            }
        }
        List<String> cities = Seeds.shuffled(market.cities, random).subList(0, Math.min(12, market.cities.size()));
        String label = kb.label();
        String summary = kb.summary() == null
                ? brief.customerName() + " is a " + label.toLowerCase() + " business."
                : kb.summary()
                        .replace("{customer}", brief.customerName())
                        .replace("{lines}", String.join(", ", lines).toLowerCase())
                        .replace("{regions}", String.join(", ", market.regions));
        if (brief.description() != null && !brief.description().isBlank()) {
            summary = summary + " In the customer's words: " + firstSentence(brief.description());
        }
        String industryKey = kb.key();
        if (KnowledgeBase.FALLBACK.equals(industryKey)
                && brief.industry() != null
                && !brief.industry().isBlank()) {
            label = brief.industry().strip();
        }
        List<String> unserved = brief.useCases().stream()
                .filter(u -> matched.isEmpty()
                        || kb.useCaseNamed(u).isEmpty() && bestServing(kb, Text.keywords(u, 20)) == null)
                .toList();
        String basis = matched.map(k -> "Designed from the knowledge of " + k.label() + ".")
                .orElseGet(() -> "No knowledge for '"
                        + (brief.industry() == null || brief.industry().isBlank()
                                ? "this business"
                                : brief.industry().strip())
                        + "'; composed from the brief with generic building blocks (customers, locations, staff,"
                        + " products, sales) and tables named after its use cases.");
        if (!unserved.isEmpty()) {
            basis = basis + " Use cases no knowledge serves: " + String.join(", ", unserved)
                    + (matched.isPresent() ? " (pointed at the closest tables)." : " (composed from their wording).");
        }
        return new CustomerProfile(
                brief.customerName(),
                industryKey,
                label,
                summary,
                lines,
                market.regions,
                cities,
                market.currency,
                brief.website(),
                keywords,
                kb.dataStart(),
                kb.dataEnd(),
                basis,
                unserved);
    }

    @Override
    public UseCaseAnalysis analyzeUseCases(CustomerBrief brief, CustomerProfile profile) {
        IndustryKnowledge kb = knowledgeFor(profile);
        List<UseCase> chosen = new ArrayList<>();
        boolean composed = KnowledgeBase.FALLBACK.equals(kb.key());
        for (String requested : brief.useCases()) {
            List<String> words = Text.keywords(requested, 20);
            IndustryKnowledge.KnownUseCase best =
                    composed ? null : kb.useCaseNamed(requested).orElseGet(() -> bestServing(kb, words));
            Optional<String> composedTable = composed ? BriefComposer.tableName(requested) : Optional.empty();
            UseCase useCase = best != null
                    ? best.toUseCase()
                    : composedTable
                            .map(t -> new UseCase(
                                    requested, "Composed from the brief: " + requested, List.of(), List.of(t)))
                            .orElseGet(() -> customUseCase(kb, requested, words));
            if (chosen.stream().noneMatch(u -> u.name().equals(useCase.name()))) {
                chosen.add(useCase);
            }
        }
        // Keywords of the description suggest further use cases before the industry's defaults do.
        IndustryKnowledge.KnownUseCase hinted = bestMatch(kb, profile.keywords());
        if (hinted != null && chosen.size() < MAX_USE_CASES) {
            addIfNew(chosen, hinted.toUseCase());
        }
        Random random = Seeds.random("use-cases", profile.customerName(), kb.key());
        List<IndustryKnowledge.KnownUseCase> defaults = kb.useCases().stream()
                .filter(IndustryKnowledge.KnownUseCase::byDefault)
                .toList();
        for (IndustryKnowledge.KnownUseCase u : defaults) {
            if (chosen.size() < MIN_USE_CASES) {
                addIfNew(chosen, u.toUseCase());
            }
        }
        // Only a thin brief gets a seeded pick of further use cases; optional tables follow requests, not chance.
        for (IndustryKnowledge.KnownUseCase u : Seeds.shuffled(kb.useCases(), random)) {
            if (chosen.size() < MIN_USE_CASES - 1) {
                addIfNew(chosen, u.toUseCase());
            }
        }
        return new UseCaseAnalysis(chosen);
    }

    @Override
    public SchemaDesign designSchema(CustomerProfile profile, UseCaseAnalysis useCases) {
        IndustryKnowledge kb = knowledgeFor(profile);
        Set<String> wanted = new LinkedHashSet<>();
        useCases.useCases().forEach(u -> wanted.addAll(u.entities()));
        Set<String> selectedKeys = kb.useCases().stream()
                .filter(k -> useCases.useCases().stream().anyMatch(u -> u.name().equalsIgnoreCase(k.name())))
                .map(IndustryKnowledge.KnownUseCase::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));

        Set<String> included = new LinkedHashSet<>();
        for (IndustryKnowledge.Table t : kb.tables()) {
            if (!t.optional() || wanted.contains(t.name())) {
                included.add(t.name());
            }
        }
        for (IndustryKnowledge.Table t : kb.tables()) {
            if (included.size() < MIN_TABLES) {
                included.add(t.name());
            }
        }
        includeParents(kb, included);

        Random random = Seeds.random("schema", profile.customerName(), kb.key());
        List<TableDesign> tables = new ArrayList<>();
        for (IndustryKnowledge.Table t : kb.tables()) {
            if (!included.contains(t.name())) {
                continue;
            }
            List<ColumnDesign> columns = new ArrayList<>();
            for (ColumnDesign c : t.columns()) {
                columns.add(localise(c, profile));
            }
            for (Map.Entry<String, List<ColumnDesign>> extra :
                    t.optionalColumns().entrySet()) {
                if (selectedKeys.contains(extra.getKey())) {
                    extra.getValue().forEach(c -> columns.add(localise(c, profile)));
                }
            }
            tables.add(new TableDesign(t.name(), t.description(), vary(t.rows(), random), t.primaryKey(), columns));
        }
        if (KnowledgeBase.FALLBACK.equals(kb.key())) {
            List<String> available = tables.stream().map(TableDesign::name).toList();
            List<String> composedNames = new ArrayList<>();
            for (UseCase u : useCases.useCases()) {
                for (String entity : u.entities()) {
                    if (kb.table(entity).isEmpty() && !available.contains(entity) && !composedNames.contains(entity)) {
                        composedNames.add(entity);
                        tables.add(BriefComposer.table(entity, u.name(), available, sitesOf(kb), vary(20_000, random)));
                    }
                }
            }
        }
        tables = ensureMinimumRows(tables);
        String description = "Synthetic " + profile.industryLabel() + " data for " + profile.customerName() + ": "
                + tables.stream().map(TableDesign::name).collect(Collectors.joining(", ")) + ". Activity from "
                + profile.dataStart() + " to " + profile.dataEnd() + "; money in " + profile.currency() + ".";
        return new SchemaDesign(description, tables);
    }

    @Override
    public List<GoldenQuery> goldenQueries(
            CustomerProfile profile, UseCaseAnalysis useCases, SchemaDesign schema, int count, Set<String> exclude) {
        IndustryKnowledge kb = knowledgeFor(profile);
        Set<String> selectedKeys = kb.useCases().stream()
                .filter(k -> useCases.useCases().stream().anyMatch(u -> u.name().equalsIgnoreCase(k.name())))
                .map(IndustryKnowledge.KnownUseCase::key)
                .collect(Collectors.toSet());
        List<String> focus = useCases.useCases().stream()
                .flatMap(u -> u.entities().stream())
                .distinct()
                .toList();
        // Questions of the use cases asked for first, in the order the use cases were ranked.
        List<QuestionPattern> preferred = new ArrayList<>();
        for (UseCase u : useCases.useCases()) {
            for (String entity : u.entities()) {
                if (kb.table(entity).isEmpty()) {
                    schema.table(entity).ifPresent(t -> preferred.addAll(BriefComposer.questions(t, sitesOf(kb))));
                }
            }
            kb.useCases().stream()
                    .filter(k -> k.name().equalsIgnoreCase(u.name()))
                    .findFirst()
                    .ifPresent(k -> kb.questions().stream()
                            .filter(q -> q.useCases().contains(k.key()) && !preferred.contains(q))
                            .forEach(preferred::add));
        }
        List<QuestionPattern> others = kb.questions().stream()
                .filter(q -> !preferred.contains(q) && q.useCases().stream().noneMatch(selectedKeys::contains))
                .toList();
        return GoldenQueryPlanner.plan(schema, preferred, others, focus, count, exclude == null ? Set.of() : exclude);
    }

    @Override
    public String systemInstruction(CustomerProfile profile, SchemaDesign schema) {
        IndustryKnowledge kb = knowledgeFor(profile);
        return SystemInstructions.write(profile, schema, kb.definitions());
    }

    private static UseCase customUseCase(IndustryKnowledge kb, String requested, List<String> words) {
        // Unknown wording: keep it, and point it at the tables whose names share a word with it.
        List<String> entities = kb.tables().stream()
                .filter(t -> Text.words(Text.humanize(t.name())).stream()
                        .anyMatch(w -> words.stream().anyMatch(k -> Text.sameWord(k, w))))
                .map(IndustryKnowledge.Table::name)
                .toList();
        if (entities.isEmpty()) {
            entities = kb.tables().stream()
                    .filter(t -> !t.optional())
                    .sorted((a, b) -> Long.compare(b.rows(), a.rows()))
                    .limit(2)
                    .map(IndustryKnowledge.Table::name)
                    .toList();
        }
        return new UseCase(requested, "Requested by the customer: " + requested, List.of(), entities);
    }

    /**
     * The known use case that serves a requested one: the best match that covers at least half of the request's
     * words (so "ancillary revenue" is served by "Ancillary revenue", while "crew fatigue" is not served by a use case
     * that merely mentions crews), or null.
     */
    private static IndustryKnowledge.KnownUseCase bestServing(IndustryKnowledge kb, List<String> words) {
        IndustryKnowledge.KnownUseCase best = bestMatch(kb, words);
        if (best == null) {
            return null;
        }
        long covered = words.stream()
                .filter(w -> vocabulary(best).stream().anyMatch(v -> Text.sameWord(v, w)))
                .count();
        return covered * 2 >= words.size() ? best : null;
    }

    private static Set<String> vocabulary(IndustryKnowledge.KnownUseCase u) {
        Set<String> vocabulary = new LinkedHashSet<>(u.keywords());
        vocabulary.addAll(Text.words(u.name()));
        return vocabulary;
    }

    private static IndustryKnowledge.KnownUseCase bestMatch(IndustryKnowledge kb, List<String> words) {
        IndustryKnowledge.KnownUseCase best = null;
        int bestScore = 0;
        for (IndustryKnowledge.KnownUseCase u : kb.useCases()) {
            Set<String> vocabulary = vocabulary(u);
            int score = 0;
            for (String w : words) {
                if (vocabulary.stream().anyMatch(v -> Text.sameWord(v, w))) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = u;
                bestScore = score;
            }
        }
        return best;
    }

    private static void addIfNew(List<UseCase> chosen, UseCase useCase) {
        if (chosen.stream().noneMatch(u -> u.name().equals(useCase.name()))) {
            chosen.add(useCase);
        }
    }

    /** Adds the parent of every foreign key of an included table, so keys never dangle. */
    private static void includeParents(IndustryKnowledge kb, Set<String> included) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (IndustryKnowledge.Table t : kb.tables()) {
                if (!included.contains(t.name())) {
                    continue;
                }
                List<ColumnDesign> all = new ArrayList<>(t.columns());
                t.optionalColumns().values().forEach(all::addAll);
                for (ColumnDesign c : all) {
                    String parent = c.generator().referencedTable();
                    if (parent != null && kb.table(parent).isPresent() && included.add(parent)) {
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * The knowledge a profile's design draws on: its industry's, or for a composed design the generic building blocks
     * with the sites named by the brief's own noun (a veterinary business's "clinics", a ski business's "resorts").
     */
    private IndustryKnowledge knowledgeFor(CustomerProfile profile) {
        IndustryKnowledge kb = knowledge.byKey(profile.industry());
        return KnowledgeBase.FALLBACK.equals(kb.key()) ? BriefComposer.withSites(kb, profile.industryLabel()) : kb;
    }

    /** The name of the generic sites table in {@code kb} (renamed after the brief, or {@code locations}). */
    private static String sitesOf(IndustryKnowledge kb) {
        return kb.tables().stream()
                .map(IndustryKnowledge.Table::name)
                .filter(n -> kb.table(n)
                        .map(t -> t.columns().stream()
                                .anyMatch(
                                        c -> Generator.CITY.equals(c.generator().kind())))
                        .orElse(false))
                .findFirst()
                .orElse(BriefComposer.SITES);
    }

    /** Fills city and region columns without their own values with the customer's markets. */
    private static ColumnDesign localise(ColumnDesign c, CustomerProfile profile) {
        Generator g = c.generator();
        if (g.values() == null
                && Generator.CITY.equals(g.kind())
                && !profile.cities().isEmpty()) {
            return new ColumnDesign(c.name(), c.type(), c.description(), g.withValues(profile.cities(), null));
        }
        if (g.values() == null
                && Generator.REGION.equals(g.kind())
                && !profile.regions().isEmpty()) {
            return new ColumnDesign(c.name(), c.type(), c.description(), g.withValues(profile.regions(), null));
        }
        return c;
    }

    /** Row counts vary by up to ±12% per customer (rounded); small lookup tables keep their size. */
    private static long vary(long rows, Random random) {
        double factor = 0.88 + 0.24 * random.nextDouble();
        if (rows < 200) {
            return rows;
        }
        long varied = Math.round(rows * factor);
        long unit = varied >= 10_000 ? 100 : 10;
        return Math.max(unit, Math.round((double) varied / unit) * unit);
    }

    private static List<TableDesign> ensureMinimumRows(List<TableDesign> tables) {
        long total = tables.stream().mapToLong(TableDesign::rows).sum();
        if (total >= MIN_ROWS) {
            return tables;
        }
        long largest = tables.stream().mapToLong(TableDesign::rows).max().orElse(1);
        long missing = MIN_ROWS - total;
        // Grow the fact tables (the largest ones) by the shortfall, in proportion to their size.
        long factTotal = tables.stream()
                .filter(t -> t.rows() * 4 >= largest)
                .mapToLong(TableDesign::rows)
                .sum();
        return tables.stream()
                .map(t -> t.rows() * 4 >= largest
                        ? t.withRows(t.rows() + (long) Math.ceil((double) missing * t.rows() / factTotal))
                        : t)
                .toList();
    }

    private static String firstSentence(String text) {
        String s = text.strip();
        int end = s.indexOf(". ");
        s = end > 0 ? s.substring(0, end + 1) : s;
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String websiteWords(String website) {
        if (website == null) {
            return "";
        }
        return website.replaceAll("^[a-zA-Z]+://", "").replaceAll("^www\\.", "").replaceAll("[./-]", " ");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
