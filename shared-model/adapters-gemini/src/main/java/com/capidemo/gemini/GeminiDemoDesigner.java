package com.capidemo.gemini;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.json.Json;
import com.capidemo.core.sql.SqlSyntaxException;
import com.capidemo.core.sql.TableReferences;
import com.capidemo.core.template.TemplateCatalog;
import com.capidemo.design.CustomerBrief;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.DemoDesigner;
import com.capidemo.design.KnowledgeBase;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.SchemaRules;
import com.capidemo.design.TableDesign;
import com.capidemo.design.UseCase;
import com.capidemo.design.UseCaseAnalysis;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.genai.Client;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gcp {@link DemoDesigner}: Gemini on Vertex AI answers each stage as JSON constrained by a response schema
 * ({@link GeminiSchemas}). Because the model can still be wrong, answers are checked: a profile, use-case list or
 * schema with problems is asked for once more with the problems listed, then fails with
 * {@link IllegalArgumentException}; golden questions that repeat an excluded one or query unknown tables are dropped
 * (the pipeline asks again for replacements); an empty, blocked or unparseable answer is an
 * {@link IllegalStateException} naming the finish reason.
 */
public final class GeminiDemoDesigner implements DemoDesigner {

    /** Finish reasons of a complete answer; any other (MAX_TOKENS, SAFETY, ...) means the JSON is cut or missing. */
    private static final Set<String> FINISHED = Set.of("STOP", "FINISH_REASON_UNSPECIFIED", "unspecified");

    private final Client client;
    private final GeminiDesignerConfig config;
    private final KnowledgeBase knowledge;

    public GeminiDemoDesigner(Client client, GeminiDesignerConfig config) {
        this(client, config, null);
    }

    /** With {@code knowledge}, the prompts carry what the offline knowledge base knows of the customer's industry. */
    public GeminiDemoDesigner(Client client, GeminiDesignerConfig config, KnowledgeBase knowledge) {
        this.client = client;
        this.config = config;
        this.knowledge = knowledge;
    }

    private String knowledgeFor(String industry, String otherText) {
        return knowledge == null ? "" : knowledge.promptContext(industry, otherText);
    }

    @Override
    public CustomerProfile research(CustomerBrief brief) {
        CustomerProfile p = askChecked(
                "research",
                GeminiPrompts.research(brief, knowledgeFor(brief.industry(), brief.description())),
                GeminiSchemas.customerProfile(),
                CustomerProfile.class,
                GeminiDemoDesigner::profileProblems);
        // The name is the customer's, not the model's: later stages and the data seed key on it.
        String industry = p.industry().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String knowledgeUsed = knowledgeFor(brief.industry(), brief.description());
        String basis = "Designed by Gemini on Vertex AI"
                + (knowledgeUsed.isEmpty()
                        ? "; no industry knowledge of the offline designer fitted the brief."
                        : ", with the offline designer's knowledge of the industry as context.");
        return new CustomerProfile(
                brief.customerName(),
                industry,
                p.industryLabel(),
                p.summary(),
                p.businessLines(),
                p.regions(),
                p.cities(),
                p.currency().strip().toUpperCase(Locale.ROOT),
                p.website() == null || p.website().isBlank() ? brief.website() : p.website(),
                p.keywords(),
                p.dataStart(),
                p.dataEnd(),
                basis,
                p.unservedUseCases());
    }

    @Override
    public UseCaseAnalysis analyzeUseCases(CustomerBrief brief, CustomerProfile profile) {
        return askChecked(
                "use cases",
                GeminiPrompts.useCases(brief, profile, knowledgeFor(brief.industry(), brief.description())),
                GeminiSchemas.useCaseAnalysis(),
                UseCaseAnalysis.class,
                GeminiDemoDesigner::useCaseProblems);
    }

    @Override
    public SchemaDesign designSchema(CustomerProfile profile, UseCaseAnalysis useCases) {
        return askChecked(
                "schema design",
                GeminiPrompts.schema(profile, useCases, knowledgeFor(profile.industryLabel(), profile.industry())),
                GeminiSchemas.schemaDesign(),
                SchemaDesign.class,
                SchemaRules::problems);
    }

    @Override
    public List<GoldenQuery> goldenQueries(
            CustomerProfile profile, UseCaseAnalysis useCases, SchemaDesign schema, int count, Set<String> exclude) {
        Set<String> excluded = exclude == null ? Set.of() : exclude;
        GoldenQueryAnswer answer = ask(
                "golden queries",
                GeminiPrompts.goldenQueries(profile, useCases, schema, count, excluded),
                GeminiSchemas.goldenQueries(),
                GoldenQueryAnswer.class);
        Set<String> tables = schema.tables().stream().map(TableDesign::name).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        excluded.forEach(q -> seen.add(normalise(q)));
        List<GoldenQuery> kept = new ArrayList<>();
        for (GoldenQuery q : answer.goldenQueries() == null ? List.<GoldenQuery>of() : answer.goldenQueries()) {
            if (kept.size() < count && usable(q, tables) && seen.add(normalise(q.question()))) {
                kept.add(
                        new GoldenQuery(q.question().strip(), q.sql().strip(), q.complexity(), q.expectedResultType()));
            }
        }
        return kept;
    }

    @Override
    public String systemInstruction(CustomerProfile profile, SchemaDesign schema) {
        SystemInstructionAnswer answer = ask(
                "system instruction",
                GeminiPrompts.systemInstruction(profile, schema),
                GeminiSchemas.systemInstruction(),
                SystemInstructionAnswer.class);
        if (answer.systemInstruction() == null || answer.systemInstruction().isBlank()) {
            throw new IllegalStateException("Gemini's system instruction answer has no system_instruction");
        }
        return answer.systemInstruction().strip();
    }

    /** The golden-queries stage's answer: an object around the list, as {@link GeminiSchemas#goldenQueries()}. */
    record GoldenQueryAnswer(@JsonProperty("golden_queries") List<GoldenQuery> goldenQueries) {}

    record SystemInstructionAnswer(
            @JsonProperty("system_instruction") String systemInstruction) {}

    private <T> T askChecked(
            String stage, String prompt, Schema schema, Class<T> type, Function<T, List<String>> problemsOf) {
        T first = ask(stage, prompt, schema, type);
        List<String> problems = problemsOf.apply(first);
        if (problems.isEmpty()) {
            return first;
        }
        T second = ask(stage, GeminiPrompts.retry(prompt, Json.write(first), problems), schema, type);
        problems = problemsOf.apply(second);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Gemini's " + stage + " still has problems after one retry: " + String.join("; ", problems));
        }
        return second;
    }

    private <T> T ask(String stage, String prompt, Schema schema, Class<T> type) {
        GenerateContentConfig request = GenerateContentConfig.builder()
                .systemInstruction(Content.fromParts(Part.fromText(GeminiPrompts.SYSTEM)))
                .temperature(config.temperature())
                .maxOutputTokens(config.maxOutputTokens())
                .candidateCount(1)
                .responseMimeType("application/json")
                .responseSchema(schema)
                .httpOptions(HttpOptions.builder()
                        .timeout(Math.toIntExact(config.timeout().toMillis()))
                        .build())
                .build();
        GenerateContentResponse response = client.models.generateContent(config.model(), prompt, request);
        String text = answerText(stage, response);
        try {
            return Json.MAPPER.readValue(stripFence(text), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Gemini's " + stage + " answer is not the expected JSON (finish reason "
                    + finishReason(response) + "): " + e.getOriginalMessage());
        }
    }

    /** The first candidate's text without thought parts; fails when the prompt or answer was blocked or cut off. */
    private static String answerText(String stage, GenerateContentResponse response) {
        List<Candidate> candidates = response.candidates().orElse(List.of());
        if (candidates.isEmpty()) {
            String blocked = response.promptFeedback()
                    .flatMap(f -> f.blockReason())
                    .map(Object::toString)
                    .orElse("none");
            String message = response.promptFeedback()
                    .flatMap(f -> f.blockReasonMessage())
                    .orElse("");
            throw new IllegalStateException("Gemini returned no answer for " + stage + " (prompt block reason "
                    + blocked + (message.isBlank() ? "" : ": " + message) + ")");
        }
        String reason = finishReason(response);
        String text = candidates.get(0).content().flatMap(Content::parts).orElse(List.of()).stream()
                .filter(p -> !p.thought().orElse(false))
                .map(p -> p.text().orElse(""))
                .collect(Collectors.joining());
        if (!FINISHED.contains(reason)) {
            throw new IllegalStateException("Gemini's " + stage + " answer did not finish (finish reason " + reason
                    + candidates.get(0).finishMessage().map(m -> ": " + m).orElse("") + ")");
        }
        if (text.isBlank()) {
            throw new IllegalStateException("Gemini's " + stage + " answer is empty (finish reason " + reason + ")");
        }
        return text;
    }

    private static String finishReason(GenerateContentResponse response) {
        return response.candidates().orElse(List.of()).stream()
                .findFirst()
                .flatMap(Candidate::finishReason)
                .map(Object::toString)
                .orElse("unspecified");
    }

    /** JSON mode should not fence its answer, but a fenced one is still the answer. */
    private static String stripFence(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            t = t.substring(t.indexOf('\n') + 1);
            t = t.endsWith("```") ? t.substring(0, t.length() - 3) : t;
        }
        return t;
    }

    static List<String> profileProblems(CustomerProfile p) {
        List<String> problems = new ArrayList<>();
        if (p.industry() == null || p.industry().isBlank()) {
            problems.add("industry is missing");
        }
        if (p.regions().isEmpty() || p.cities().isEmpty()) {
            problems.add("regions and cities must not be empty");
        }
        if (p.currency() == null || !p.currency().strip().matches("[A-Za-z]{3}")) {
            problems.add("currency " + p.currency() + " is not an ISO 4217 code");
        }
        LocalDate start = isoDate(p.dataStart());
        LocalDate end = isoDate(p.dataEnd());
        if (start == null || end == null) {
            problems.add("data_start and data_end must be ISO dates (yyyy-MM-dd)");
        } else if (!start.isBefore(end)) {
            problems.add("data_start must be before data_end");
        }
        return problems;
    }

    static List<String> useCaseProblems(UseCaseAnalysis analysis) {
        List<String> problems = new ArrayList<>();
        if (analysis.useCases().isEmpty()) {
            problems.add("no use cases");
        }
        for (UseCase u : analysis.useCases()) {
            if (u.name() == null || u.name().isBlank()) {
                problems.add("a use case has no name");
            }
            if (u.entities().isEmpty()) {
                problems.add("use case " + u.name() + " names no tables");
            }
            u.entities().stream()
                    .filter(e -> !SchemaRules.validIdentifier(e))
                    .forEach(e -> problems.add("use case " + u.name() + ": table " + e
                            + " is not a snake_case name that is not a reserved word"));
        }
        return problems;
    }

    private static boolean usable(GoldenQuery q, Set<String> tables) {
        return q != null
                && q.question() != null
                && !q.question().isBlank()
                && q.sql() != null
                && !q.sql().isBlank()
                && TemplateCatalog.COMPLEXITIES.contains(q.complexity())
                && TemplateCatalog.RESULT_TYPES.contains(q.expectedResultType())
                && readsOnly(q.sql(), tables);
    }

    /** Whether the query reads only the design's tables; SQL that cannot even be split into tokens is not usable. */
    private static boolean readsOnly(String sql, Set<String> tables) {
        try {
            return tables.containsAll(TableReferences.tables(sql));
        } catch (SqlSyntaxException e) {
            return false;
        }
    }

    private static String normalise(String question) {
        return question == null ? "" : question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static LocalDate isoDate(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
