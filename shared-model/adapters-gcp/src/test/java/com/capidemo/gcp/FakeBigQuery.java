package com.capidemo.gcp;

import static com.capidemo.gcp.FakeHttpServer.JSON;

import com.capidemo.gcp.FakeHttpServer.Request;
import com.capidemo.gcp.FakeHttpServer.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the BigQuery v2 REST API for the warehouse adapter: datasets, tables, insertAll (deduplicating
 * insertIds like BigQuery does), and jobs that finish at once. The fake runs no SQL: a test scripts the answer of
 * queries whose text (or load jobs whose source URI) contains a given string; other jobs succeed with no rows.
 */
final class FakeBigQuery implements AutoCloseable {

    static final String PROJECT = "p";
    private static final String BASE = "/bigquery/v2/projects/" + PROJECT;
    private static final Pattern DATASET = Pattern.compile(BASE + "/datasets/([^/]+)");
    private static final Pattern TABLES = Pattern.compile(BASE + "/datasets/([^/]+)/tables");
    private static final Pattern TABLE = Pattern.compile(BASE + "/datasets/([^/]+)/tables/([^/]+)");
    private static final Pattern INSERT_ALL = Pattern.compile(BASE + "/datasets/([^/]+)/tables/([^/]+)/insertAll");
    private static final Pattern TABLE_DATA = Pattern.compile(BASE + "/datasets/([^/]+)/tables/([^/]+)/data");
    private static final Pattern JOB = Pattern.compile(BASE + "/jobs/([^/]+)");
    private static final Pattern QUERY_RESULTS = Pattern.compile(BASE + "/queries/([^/]+)");

    /** What a query returns: columns ({@code name:TYPE}) and rows, or an error like BigQuery's. */
    record Answer(List<String> columns, List<List<Object>> rows, int status, String reason, String message) {
        static Answer rows(List<String> columns, List<List<Object>> rows) {
            return new Answer(columns, rows, 200, null, null);
        }

        static Answer error(int status, String reason, String message) {
            return new Answer(List.of(), List.of(), status, reason, message);
        }

        boolean failed() {
            return status != 200;
        }
    }

    private record Script(Predicate<String> sql, Answer answer) {}

    final FakeHttpServer http;
    final Set<String> datasets = ConcurrentHashMap.newKeySet();
    /** Each dataset's creationTime (epoch millis), as datasets.get returns it. */
    final Map<String, Long> created = new ConcurrentHashMap<>();
    /** "dataset.table" to its rows; a query's result is stored as an anonymous table, like BigQuery does. */
    final Map<String, List<List<Object>>> tables = new ConcurrentHashMap<>();

    private final Map<String, List<String>> schemas = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Set<String> insertIds = ConcurrentHashMap.newKeySet();
    private final List<Script> scripts = new ArrayList<>();
    /** The bytes a dry run says its query would process. */
    volatile long dryRunBytes = 1024;

    FakeBigQuery() throws IOException {
        http = new FakeHttpServer(this::route);
    }

    /** A client pointed at the fake, retrying fast so retry tests stay quick. */
    BigQuery client() {
        return BigQueryOptions.newBuilder()
                .setHost(http.url())
                .setProjectId(PROJECT)
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(GcpRetry.settings(4, Duration.ofMillis(10), Duration.ofSeconds(20)))
                .setResultRetryAlgorithm(GcpRetry.bigQueryErrors())
                .build()
                .getService();
    }

    synchronized void answer(String sqlContains, Answer answer) {
        scripts.add(0, new Script(sql -> sql.contains(sqlContains), answer));
    }

    /** The configuration of every job inserted, in order (retried inserts of one job id count once). */
    List<JsonNode> jobConfigurations() {
        Set<String> seen = new LinkedHashSet<>();
        List<JsonNode> configs = new ArrayList<>();
        for (Request r : http.requests("POST", BASE + "/jobs")) {
            if (seen.add(r.json().at("/jobReference/jobId").asText())) {
                configs.add(r.json().get("configuration"));
            }
        }
        return configs;
    }

    private Response route(Request r) {
        String path = r.path();
        Matcher m;
        if (r.method().equals("POST") && path.equals(BASE + "/datasets")) {
            String id = r.json().at("/datasetReference/datasetId").asText();
            if (!datasets.add(id)) {
                return Response.error(409, "duplicate", "Already Exists: Dataset " + PROJECT + ":" + id);
            }
            created.put(id, System.currentTimeMillis());
            return Response.json(200, r.json());
        }
        if (r.method().equals("GET") && path.equals(BASE + "/datasets")) {
            ArrayNode list = JSON.createArrayNode();
            datasets.stream().sorted().forEach(d -> list.addObject().set("datasetReference", ref(d, null)));
            return Response.json(200, JSON.createObjectNode().set("datasets", list));
        }
        if ((m = DATASET.matcher(path)).matches()) {
            String id = m.group(1);
            if (!datasets.contains(id)) {
                return notFound("Dataset " + PROJECT + ":" + id);
            }
            if (r.method().equals("DELETE")) {
                datasets.remove(id);
                tables.keySet().removeIf(t -> t.startsWith(id + "."));
                return Response.empty(204);
            }
            ObjectNode dataset = JSON.createObjectNode();
            dataset.set("datasetReference", ref(id, null));
            dataset.put("creationTime", String.valueOf(created.getOrDefault(id, 0L)));
            return Response.json(200, dataset);
        }
        if ((m = TABLES.matcher(path)).matches()) {
            return tables(r, m.group(1));
        }
        if ((m = INSERT_ALL.matcher(path)).matches()) {
            return insertAll(r, m.group(1) + "." + m.group(2));
        }
        if ((m = TABLE_DATA.matcher(path)).matches()) {
            return tableData(r, m.group(1) + "." + m.group(2));
        }
        if ((m = TABLE.matcher(path)).matches()) {
            String key = m.group(1) + "." + m.group(2);
            return tables.containsKey(key)
                    ? Response.json(200, table(m.group(1), m.group(2)))
                    : notFound("Table " + PROJECT + ":" + key);
        }
        if (r.method().equals("POST") && path.equals(BASE + "/jobs")) {
            return insertJob(r.json());
        }
        if ((m = JOB.matcher(path)).matches()) {
            ObjectNode job = jobs.get(m.group(1));
            return job == null ? notFound("Job " + PROJECT + ":" + m.group(1)) : Response.json(200, job);
        }
        if ((m = QUERY_RESULTS.matcher(path)).matches()) {
            return queryResults(m.group(1));
        }
        return Response.error(404, "notFound", "fake BigQuery has no route for " + r.method() + " " + path);
    }

    private Response tables(Request r, String dataset) {
        if (!datasets.contains(dataset)) {
            return notFound("Dataset " + PROJECT + ":" + dataset);
        }
        if (r.method().equals("POST")) {
            String table = r.json().at("/tableReference/tableId").asText();
            if (tables.putIfAbsent(dataset + "." + table, new ArrayList<>()) != null) {
                return Response.error(
                        409, "duplicate", "Already Exists: Table " + PROJECT + ":" + dataset + "." + table);
            }
            return Response.json(200, ((ObjectNode) r.json()).put("type", "TABLE"));
        }
        ArrayNode list = JSON.createArrayNode();
        tables.keySet().stream()
                .filter(t -> t.startsWith(dataset + "."))
                .sorted()
                .forEach(t -> list.addObject()
                        .put("type", "TABLE")
                        .set("tableReference", ref(dataset, t.substring(dataset.length() + 1))));
        return Response.json(
                200, JSON.createObjectNode().put("totalItems", list.size()).set("tables", list));
    }

    private Response insertAll(Request r, String table) {
        List<List<Object>> rows = tables.get(table);
        if (rows == null) {
            return notFound("Table " + PROJECT + ":" + table);
        }
        for (JsonNode row : r.json().get("rows")) {
            if (insertIds.add(table + "/" + row.get("insertId").asText())) { // best-effort dedup, as BigQuery
                rows.add(List.of(row.get("json").toString()));
            }
        }
        return Response.json(200, Map.of("kind", "bigquery#tableDataInsertAllResponse"));
    }

    private Response insertJob(JsonNode body) {
        ObjectNode job = body.deepCopy();
        String id = job.at("/jobReference/jobId").asText();
        if (jobs.containsKey(id)) {
            return Response.error(409, "duplicate", "Already Exists: Job " + PROJECT + ":US." + id);
        }
        ObjectNode status = job.putObject("status").put("state", "DONE");
        ObjectNode statistics =
                job.putObject("statistics").put("creationTime", String.valueOf(System.currentTimeMillis()));
        JsonNode query = job.at("/configuration/query");
        if (query.isMissingNode()) { // a load job: scripted by its source URI
            statistics.putObject("load");
            Answer answer = answerFor(job.at("/configuration/load/sourceUris/0").asText());
            JsonNode dest = job.at("/configuration/load/destinationTable");
            if (answer.failed()) {
                status.putObject("errorResult").put("reason", answer.reason()).put("message", answer.message());
            } else {
                tables.put(
                        dest.get("datasetId").asText() + "."
                                + dest.get("tableId").asText(),
                        new ArrayList<>());
            }
        } else if (job.at("/configuration/dryRun").asBoolean(false)) {
            // A dry run: rejected at once like a real query (400 invalidQuery), else done with the schema and the
            // bytes it would process; nothing is stored, so its results cannot be fetched.
            Answer answer = answerFor(query.get("query").asText());
            if (answer.failed()) {
                return Response.error(answer.status(), answer.reason(), answer.message());
            }
            ObjectNode stats = statistics
                    .putObject("query")
                    .put("totalBytesProcessed", String.valueOf(dryRunBytes))
                    .put("totalBytesBilled", "0");
            if (!answer.columns().isEmpty()) {
                stats.set("schema", schema(answer.columns()));
            }
            statistics.put("totalBytesProcessed", String.valueOf(dryRunBytes));
            return Response.json(200, job);
        } else {
            statistics.putObject("query");
            Answer answer = answerFor(query.get("query").asText());
            answers.put(id, answer);
            if (answer.failed()) {
                status.putObject("errorResult").put("reason", answer.reason()).put("message", answer.message());
            } else {
                if (!query.has("destinationTable")) {
                    ((ObjectNode) query).set("destinationTable", ref("_anon", "anon_" + id));
                }
                JsonNode dest = query.get("destinationTable");
                String key = dest.get("datasetId").asText() + "."
                        + dest.get("tableId").asText();
                tables.put(key, new ArrayList<>(answer.rows()));
                schemas.put(key, answer.columns());
            }
        }
        jobs.put(id, job);
        return Response.json(200, job);
    }

    private synchronized Answer answerFor(String sql) {
        return scripts.stream()
                .filter(s -> s.sql().test(sql))
                .map(Script::answer)
                .findFirst()
                .orElse(Answer.rows(List.of(), List.of()));
    }

    /** jobs.getQueryResults: a failed query answers with its error, as BigQuery does. */
    private Response queryResults(String jobId) {
        Answer answer = answers.get(jobId);
        if (answer == null) {
            return notFound("Job " + PROJECT + ":US." + jobId);
        }
        if (answer.failed()) {
            return Response.error(answer.status(), answer.reason(), answer.message());
        }
        ObjectNode body = JSON.createObjectNode()
                .put("kind", "bigquery#getQueryResultsResponse")
                .put("jobComplete", true)
                .put("totalRows", String.valueOf(answer.rows().size()));
        body.set("jobReference", jobs.get(jobId).get("jobReference"));
        if (!answer.columns().isEmpty()) {
            body.set("schema", schema(answer.columns()));
        }
        return Response.json(200, body);
    }

    /** tabledata.list, one page of maxResults rows, every cell as a string like the real API. */
    private Response tableData(Request r, String table) {
        List<List<Object>> rows = tables.get(table);
        if (rows == null) {
            return notFound("Table " + PROJECT + ":" + table);
        }
        int max = Integer.parseInt(r.params().getOrDefault("maxResults", "100000"));
        ArrayNode out = JSON.createArrayNode();
        for (List<Object> row : rows.subList(0, Math.min(max, rows.size()))) {
            ArrayNode cells = out.addObject().putArray("f");
            row.forEach(v -> cells.addObject().put("v", v == null ? null : String.valueOf(v)));
        }
        ObjectNode body = JSON.createObjectNode().put("totalRows", String.valueOf(rows.size()));
        if (rows.size() > max) {
            body.put("pageToken", "page2");
        }
        return Response.json(200, body.set("rows", out));
    }

    private ObjectNode table(String dataset, String table) {
        ObjectNode t = JSON.createObjectNode().put("type", "TABLE");
        t.set("tableReference", ref(dataset, table));
        t.put("numRows", String.valueOf(tables.get(dataset + "." + table).size()));
        List<String> columns = schemas.getOrDefault(dataset + "." + table, List.of());
        if (!columns.isEmpty()) {
            t.set("schema", schema(columns));
        }
        return t;
    }

    private static ObjectNode schema(List<String> columns) {
        ObjectNode schema = JSON.createObjectNode();
        ArrayNode fields = schema.putArray("fields");
        for (String c : columns) {
            String[] nameType = c.split(":");
            fields.addObject().put("name", nameType[0]).put("type", nameType[1]).put("mode", "NULLABLE");
        }
        return schema;
    }

    private static ObjectNode ref(String dataset, String table) {
        ObjectNode ref = JSON.createObjectNode().put("projectId", PROJECT).put("datasetId", dataset);
        return table == null ? ref : ref.put("tableId", table);
    }

    private static Response notFound(String what) {
        return Response.error(404, "notFound", "Not found: " + what);
    }

    /** Keys of the labels a dataset was created with, from the recorded insert. */
    Map<String, String> datasetLabels(String dataset) {
        for (Request r : http.requests("POST", BASE + "/datasets")) {
            if (r.json().at("/datasetReference/datasetId").asText().equals(dataset)) {
                Map<String, String> labels = new LinkedHashMap<>();
                r.json()
                        .path("labels")
                        .fields()
                        .forEachRemaining(
                                e -> labels.put(e.getKey(), e.getValue().asText()));
                return labels;
            }
        }
        return Map.of();
    }

    @Override
    public void close() {
        http.close();
    }
}
