package com.capidemo.design;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The industries the local designer knows, read from {@code configs/knowledge/*.yml}. One of them must have the
 * key {@value #FALLBACK}: it serves every industry no alias matches, so an unusual brief never fails.
 */
public final class KnowledgeBase {

    public static final String FALLBACK = "generic";

    /** Words that qualify a business without changing what it is ("a regional airline", "an online retailer"). */
    private static final Set<String> MODIFIERS = Set.of(
            "regional",
            "national",
            "global",
            "international",
            "local",
            "online",
            "digital",
            "independent",
            "small",
            "medium",
            "large",
            "mid",
            "size",
            "sized",
            "premium",
            "luxury",
            "discount",
            "boutique",
            "family",
            "owned",
            "private",
            "leading",
            "growing",
            "fast",
            "startup",
            "enterprise",
            "chain",
            "group",
            "firm",
            "brand",
            "business",
            "businesses",
            "industry",
            "sector",
            "american",
            "european",
            "asian",
            "british",
            "canadian",
            "australian",
            "north",
            "south",
            "east",
            "west",
            "northwest",
            "northeast",
            "southwest",
            "southeast",
            "western",
            "eastern",
            "northern",
            "southern",
            "b2b",
            "b2c",
            "multi",
            "multinational",
            "specialty",
            "operator",
            "operators",
            "company",
            "companies");

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<IndustryKnowledge> industries;

    public KnowledgeBase(List<IndustryKnowledge> industries) {
        this.industries = List.copyOf(industries);
        if (find(FALLBACK).isEmpty()) {
            throw new IllegalStateException("The knowledge base needs a '" + FALLBACK + "' industry as fallback");
        }
    }

    /** Loads every {@code *.yml} in {@code dir}, in file-name order. */
    public static KnowledgeBase load(Path dir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list knowledge base " + dir, e);
        }
        List<IndustryKnowledge> loaded = new ArrayList<>();
        for (Path file : files) {
            try {
                JsonNode tree = YAML.readTree(file.toFile());
                KnowledgeFileCheck.check(file.getFileName().toString(), tree);
                loaded.add(YAML.treeToValue(tree, IndustryKnowledge.class));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Knowledge file " + file.getFileName() + " is invalid: " + e.getMessage(), e);
            }
        }
        return new KnowledgeBase(loaded);
    }

    public List<IndustryKnowledge> all() {
        return industries;
    }

    public Optional<IndustryKnowledge> find(String key) {
        return industries.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /** The industry for a canonical key, or the fallback. */
    public IndustryKnowledge byKey(String key) {
        return find(key).orElseGet(() -> find(FALLBACK).orElseThrow());
    }

    /**
     * The industry the brief means: its industry text matched against keys and aliases (the longest alias wins), else
     * aliases mentioned in the description or website, else the fallback. An alias only counts where the rest of the
     * wording belongs to the same business: "veterinary clinics" is not a human-health clinic, so words of the
     * industry text, and the word right before an alias found in the description, must be known to the matched
     * industry (its aliases, label, tables, business lines and use cases) or be a plain modifier such as "regional".
     */
    public IndustryKnowledge resolve(String industry, String otherText) {
        return match(industry, otherText).orElseGet(() -> byKey(FALLBACK));
    }

    /** The industry whose knowledge fits the brief, or empty when none does (the design is composed from the brief). */
    public Optional<IndustryKnowledge> match(String industry, String otherText) {
        String wanted = Text.normalize(industry);
        for (IndustryKnowledge k : industries) {
            if (wanted.equals(k.key()) && !FALLBACK.equals(k.key())) {
                return Optional.of(k);
            }
        }
        Optional<IndustryKnowledge> byIndustry = bestAliasMatch(" " + wanted + " ")
                .filter(k -> Text.keywords(wanted, 20).stream().allMatch(w -> knows(k, w)));
        if (byIndustry.isPresent() || !wanted.isEmpty() && !allModifiers(wanted)) {
            return byIndustry;
        }
        return bestAliasInText(" " + Text.normalize(otherText) + " ");
    }

    /**
     * What the knowledge base knows of the business a brief describes, as text for a language model's prompt: the
     * industry's tables with their columns, its use cases and its definitions; empty when no knowledge fits.
     */
    public String promptContext(String industry, String otherText) {
        return match(industry, otherText)
                .map(k -> {
                    StringBuilder b = new StringBuilder("Industry knowledge for " + k.label()
                            + " (draw on it; keep the " + "customer's own wording where it differs):\nTables:\n");
                    k.tables()
                            .forEach(t -> b.append("- ")
                                    .append(t.name())
                                    .append(" (")
                                    .append(t.description())
                                    .append("): ")
                                    .append(String.join(
                                            ", ",
                                            t.columns().stream()
                                                    .map(ColumnDesign::name)
                                                    .toList()))
                                    .append('\n'));
                    b.append("Use cases:\n");
                    k.useCases()
                            .forEach(u -> b.append("- ")
                                    .append(u.name())
                                    .append(": ")
                                    .append(u.description())
                                    .append(" KPIs: ")
                                    .append(String.join(", ", u.kpis()))
                                    .append('\n'));
                    if (!k.definitions().isEmpty()) {
                        b.append("Definitions:\n");
                        k.definitions().forEach(d -> b.append("- ").append(d).append('\n'));
                    }
                    return b.toString();
                })
                .orElse("");
    }

    /** The longest alias found in free text whose preceding word does not make it another business. */
    private Optional<IndustryKnowledge> bestAliasInText(String paddedText) {
        IndustryKnowledge best = null;
        int bestLength = 0;
        for (IndustryKnowledge k : industries) {
            for (String alias : k.aliases()) {
                String a = Text.normalize(alias);
                int at = a.isEmpty() || a.length() <= bestLength ? -1 : paddedText.indexOf(" " + a + " ");
                while (at >= 0) {
                    List<String> before = Text.words(paddedText.substring(0, at));
                    String previous = before.isEmpty() ? "" : before.get(before.size() - 1);
                    if (Text.keywords(previous, 1).isEmpty() || knows(k, previous)) {
                        best = k;
                        bestLength = a.length();
                        break;
                    }
                    at = paddedText.indexOf(" " + a + " ", at + 1);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean allModifiers(String text) {
        return Text.keywords(text, 20).stream().allMatch(MODIFIERS::contains);
    }

    /** Whether {@code word} belongs to the industry's own vocabulary or is a plain modifier of a business. */
    private static boolean knows(IndustryKnowledge k, String word) {
        if (MODIFIERS.contains(word) || word.chars().allMatch(Character::isDigit)) {
            return true;
        }
        List<String> vocabulary = new ArrayList<>();
        vocabulary.add(k.key());
        vocabulary.add(k.label());
        vocabulary.addAll(k.aliases());
        vocabulary.addAll(k.businessLines());
        k.tables().forEach(t -> vocabulary.add(Text.humanize(t.name())));
        k.useCases().forEach(u -> {
            vocabulary.add(u.name());
            vocabulary.addAll(u.keywords());
        });
        return vocabulary.stream().flatMap(v -> Text.words(v).stream()).anyMatch(v -> Text.sameWord(v, word));
    }

    private Optional<IndustryKnowledge> bestAliasMatch(String paddedText) {
        IndustryKnowledge best = null;
        int bestLength = 0;
        for (IndustryKnowledge k : industries) {
            for (String alias : k.aliases()) {
                String a = Text.normalize(alias);
                if (!a.isEmpty() && a.length() > bestLength && paddedText.contains(" " + a + " ")) {
                    best = k;
                    bestLength = a.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
