package com.capidemo.gemini;

import static com.capidemo.gcp.BigQueryDialect.fromDuckDb;
import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.template.TemplateCatalog;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.design.CustomerBrief;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.IndustryKnowledge;
import com.capidemo.design.KnowledgeBase;
import com.capidemo.design.KnowledgeBaseDemoDesigner;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.UseCaseAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The corpus half of BigQueryDialectTest: every golden query we ship (templates) and generate (the knowledge-base
 * designer, which is why it lives here) loses its DuckDB-only syntax when translated for BigQuery.
 */
class BigQueryDialectCorpusTest {

    @Test
    void everyShippedAndGeneratedGoldenQueryTranslates() {
        List<String> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThan(200);
        List<String> left = new ArrayList<>();
        for (String sql : corpus) {
            String out = fromDuckDb(sql);
            assertThat(fromDuckDb(out))
                    .as("translating twice changes nothing:\n" + out)
                    .isEqualTo(out);
            if (DUCKDB_ONLY.matcher(out.replaceAll("'[^']*'", "''")).find()) {
                left.add(out);
            }
            if (out.contains("QUALIFY")) {
                assertThat(out).contains("WHERE");
            }
        }
        assertThat(left).as("queries with DuckDB syntax left").isEmpty();
    }

    private static final Pattern DUCKDB_ONLY = Pattern.compile(
            "::|FILTER\\s*\\(|date_trunc\\s*\\(\\s*'|\\bquantile"
                    + "(_cont|_disc)?\\s*\\(|\\bmedian\\s*\\(|\\bmode\\s*\\(|\\b(year|month|day|quarter|dayofweek)\\s*\\("
                    + "|date_?diff\\s*\\(\\s*'|INTERVAL\\s*'|\\bto_(days|months|years)\\s*\\(|\\brange\\s*\\(|\\bILIKE\\b"
                    + "|RANGE\\s+BETWEEN\\s+INTERVAL|\\bstrftime\\s*\\(|\\bepoch\\s*\\(|\\b(INTEGER|BIGINT|DOUBLE|VARCHAR|DECIMAL)\\b",
            Pattern.CASE_INSENSITIVE);

    private static List<String> corpus() {
        Path configs = Files.isDirectory(Path.of("configs")) ? Path.of("configs") : Path.of("../../configs");
        List<String> out = new ArrayList<>();
        for (TemplateDefinition t :
                TemplateCatalog.load(configs.resolve("templates")).all()) {
            t.goldenQueries().forEach(q -> out.add(q.sql()));
        }
        KnowledgeBaseDemoDesigner designer = KnowledgeBaseDemoDesigner.fromConfigs(configs);
        for (IndustryKnowledge k :
                KnowledgeBase.load(configs.resolve("knowledge")).all()) {
            CustomerBrief brief = new CustomerBrief("Northwind " + k.key(), k.key(), null, null, List.of());
            CustomerProfile profile = designer.research(brief);
            UseCaseAnalysis useCases = designer.analyzeUseCases(brief, profile);
            SchemaDesign schema = designer.designSchema(profile, useCases);
            designer.goldenQueries(profile, useCases, schema, 12, Set.of()).forEach(q -> out.add(q.sql()));
        }
        return out;
    }
}
