package com.capidemo.design;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The industries the local designer knows, read from {@code configs/knowledge/*.yml}. One of them must have the
 * key {@value #FALLBACK}: it serves every industry no alias matches, so an unusual brief never fails.
 */
public final class KnowledgeBase {

    public static final String FALLBACK = "generic";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list knowledge base " + dir, e);
        }
        List<IndustryKnowledge> loaded = new ArrayList<>();
        for (Path file : files) {
            try {
                loaded.add(YAML.readValue(file.toFile(), IndustryKnowledge.class));
            } catch (IOException e) {
                throw new IllegalStateException("Knowledge file " + file.getFileName() + " is invalid: "
                        + e.getMessage(), e);
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
     * aliases mentioned in the description or website, else the fallback.
     */
    public IndustryKnowledge resolve(String industry, String otherText) {
        String wanted = " " + Text.normalize(industry) + " ";
        for (IndustryKnowledge k : industries) {
            if (wanted.strip().equals(k.key())) {
                return k;
            }
        }
        Optional<IndustryKnowledge> byIndustry = bestAliasMatch(wanted);
        if (byIndustry.isPresent()) {
            return byIndustry.get();
        }
        return bestAliasMatch(" " + Text.normalize(otherText) + " ").orElseGet(() -> byKey(FALLBACK));
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
