package com.capidemo.gemini;

import com.capidemo.core.json.Json;
import com.capidemo.design.CustomerBrief;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.UseCaseAnalysis;
import java.util.List;
import java.util.Set;

/** The prompts of the design stages. Inputs go in as the same JSON the pipeline checkpoints, so nothing is lost. */
final class GeminiPrompts {

    static final String SYSTEM = """
            You design synthetic demo datasets for Conversational Analytics demos that Google Customer Engineers show \
            to customers. The data is invented but must look like the customer's own business. Answer only with JSON \
            that matches the response schema.""";

    private static final String GENERATORS = """
            Column generators (field "generator", choose "kind" and fill only the fields that kind uses):
            - sequence: unique id, min + row number; on a STRING column, prefix + 6 digits. Every primary key is one.
            - foreign_key: a key of references ("table.column" of an EARLIER table); skew > 1 makes low keys popular.
            - lookup: the references column ("table.column") of the parent row that this row's source foreign key \
            column points at (e.g. the product's list price); source must be an earlier foreign_key column.
            - choice / city / region: one of values, weighted by weights (as many as values); city and region \
            default to the customer's markets.
            - int_range, decimal_range (scale digits): between min and max; date_range, timestamp_range: between \
            start and end (ISO dates); skew > 1 favours low values, < 1 high ones (growth towards recent dates).
            - person_name, first_name, last_name, company_name.
            - email: built from the source name column.
            - bool: true with probability.
            - derived: a single DuckDB expression over earlier columns of the same row; {u} and {u2} are uniform \
            numbers in [0, 1), {i} the 0-based row number.
            null_probability blanks a share of any column's values.""";

    private GeminiPrompts() {}

    static String research(CustomerBrief brief, String knowledge) {
        return knowledge + """
                Research the customer of this demo request and describe them for a synthetic demo dataset.
                Keep customer_name exactly as given. Pick the industry key, a short summary, 3 to 5 business lines, \
                the regions and up to 12 cities of their markets, their currency, domain keywords, and a data window \
                of about two years ending recently (data_start, data_end as yyyy-MM-dd).

                Demo request (JSON):
                """ + Json.write(brief);
    }

    static String useCases(CustomerBrief brief, CustomerProfile profile, String knowledge) {
        return knowledge + """
                List 4 to 6 analytics use cases the demo for %s should support, the ones the request asks for first, \
                most important first. For each, name the KPIs and the tables it needs (snake_case names such as \
                customers, orders, order_items; reuse a name when use cases share a table).

                Demo request (JSON):
                %s

                Customer profile (JSON):
                %s""".formatted(profile.customerName(), Json.write(brief), Json.write(profile));
    }

    static String schema(CustomerProfile profile, UseCaseAnalysis useCases, String knowledge) {
        return knowledge
                + """
                Design the tables of the synthetic demo dataset for %s: 6 to 10 tables covering every use case's \
                tables, dimension tables (hundreds to thousands of rows) before the fact tables that reference them \
                (tens to hundreds of thousands of rows), at least 100000 rows in total and at most 2000000.
                Names are snake_case and never SQL reserved words (no date, year, month, order, group, user, value, \
                rows, timestamp, ...). Every table's primary_key names its sequence column. Column types are STRING, \
                INT64, FLOAT64, BOOL, DATE or TIMESTAMP. Date and timestamp ranges stay within %s to %s. Money \
                columns are FLOAT64 in %s.
                %s

                Customer profile (JSON):
                %s

                Use cases (JSON):
                %s""".formatted(
                                profile.customerName(),
                                profile.dataStart(),
                                profile.dataEnd(),
                                profile.currency(),
                                GENERATORS,
                                Json.write(profile),
                                Json.write(useCases));
    }

    static String goldenQueries(
            CustomerProfile profile, UseCaseAnalysis useCases, SchemaDesign schema, int count, Set<String> exclude) {
        String avoid = exclude.isEmpty()
                ? ""
                : "\nDo not ask these questions again (they were rejected or already "
                        + "taken), nor close rewordings of them:\n"
                        + Json.write(exclude.stream().sorted().toList()) + "\n";
        return """
                Write %d golden questions for %s's data agent: questions a business user would ask about the use \
                cases below, each with DuckDB SQL that answers it over these tables only, by bare table name (no \
                dataset prefix). Mix simple, moderate and complex questions and result types; every query must \
                return rows on the generated data (no filters on values the generators cannot produce).
                %s
                Use cases (JSON):
                %s

                Tables (JSON):
                %s""".formatted(count, profile.customerName(), avoid, Json.write(useCases), Json.write(schema));
    }

    static String systemInstruction(CustomerProfile profile, SchemaDesign schema) {
        return """
                Write the system instruction of %s's data agent, which answers business questions with SQL over the \
                tables below: who the customer is, what each table holds and its key, how tables join, business \
                definitions of the main measures, that money is in %s and the data covers %s to %s. Plain text, \
                at most 600 words.

                Customer profile (JSON):
                %s

                Tables (JSON):
                %s""".formatted(
                        profile.customerName(),
                        profile.currency(),
                        profile.dataStart(),
                        profile.dataEnd(),
                        Json.write(profile),
                        Json.write(schema));
    }

    /** The first prompt, the answer and what is wrong with it, so the model corrects it instead of starting over. */
    static String retry(String prompt, String previousAnswer, List<String> problems) {
        return prompt + "\n\nYour previous answer was:\n" + previousAnswer
                + "\n\nIt has these problems; answer again in full with every one fixed:\n- "
                + String.join("\n- ", problems);
    }
}
