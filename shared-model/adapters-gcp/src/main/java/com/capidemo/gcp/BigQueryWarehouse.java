package com.capidemo.gcp;

import com.capidemo.core.port.ColumnSpec;
import com.capidemo.core.port.InvalidQueryException;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.QueryValidation;
import com.capidemo.core.port.Warehouse;
import com.google.cloud.RetryOption;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.DatasetDeleteOption;
import com.google.cloud.bigquery.BigQuery.QueryResultsOption;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.CsvOptions;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobConfiguration;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobInfo.CreateDisposition;
import com.google.cloud.bigquery.JobInfo.WriteDisposition;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.LoadJobConfiguration;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The warehouse in gcp mode: a BigQuery dataset per demo or tenant. Template tables are zero-copy clones of a
 * template dataset when one exists, else load jobs from the template's parquet in Cloud Storage.
 *
 * <p>No retry loop here: the client retries idempotent calls on retryable errors (see {@link GcpRetry}), and
 * every job gets its id before the first attempt, so a re-sent insert finds the job instead of running it twice.
 */
public class BigQueryWarehouse implements Warehouse {

    /**
     * @param location            location of new datasets and of jobs (e.g. {@code EU}, {@code us-central1})
     * @param buckets             logical to real bucket names, for load-job URIs
     * @param templatesBucket     the logical bucket of template parquet files ({@code {template_id}/{table}.parquet})
     * @param templateDatasetPrefix template {@code x} is cloned from dataset {@code {prefix}x} of the same project
     * @param cloneTemplates      try a table clone before a load job (the default)
     * @param maximumBytesBilled  a query that would bill more fails instead (chat and DQ queries are user-written)
     * @param jobTimeout          longest a job may run; BigQuery cancels it after that
     * @param translateDuckDbSql  rewrite the DuckDB SQL of queries and CTAS into GoogleSQL ({@link BigQueryDialect};
     *                            the default), off for callers that send GoogleSQL only
     */
    public record Config(
            String location,
            GcsBuckets buckets,
            String templatesBucket,
            String templateDatasetPrefix,
            boolean cloneTemplates,
            long maximumBytesBilled,
            Duration jobTimeout,
            boolean translateDuckDbSql) {

        public static final long GIB = 1L << 30;

        public Config(
                String location,
                GcsBuckets buckets,
                String templatesBucket,
                String templateDatasetPrefix,
                boolean cloneTemplates,
                long maximumBytesBilled,
                Duration jobTimeout) {
            this(
                    location,
                    buckets,
                    templatesBucket,
                    templateDatasetPrefix,
                    cloneTemplates,
                    maximumBytesBilled,
                    jobTimeout,
                    true);
        }

        public static Config defaults(String location, GcsBuckets buckets) {
            return new Config(location, buckets, "templates", "tmpl_", true, GIB, Duration.ofMinutes(2));
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern TEMPLATE_OBJECT = Pattern.compile("([^/]+)/([A-Za-z_][A-Za-z0-9_]*)\\.parquet");
    /** How much longer than the job timeout we wait for a job before giving up on it. */
    private static final Duration WAIT_SLACK = Duration.ofSeconds(30);

    private final BigQuery bigquery;
    private final Config config;
    private final String project;

    public BigQueryWarehouse(BigQuery bigquery, Config config) {
        this.bigquery = bigquery;
        this.config = config;
        this.project = bigquery.getOptions().getProjectId();
    }

    @Override
    public boolean createDataset(String datasetId, Map<String, String> labels) {
        DatasetInfo info = DatasetInfo.newBuilder(dataset(datasetId))
                .setLocation(config.location())
                .setLabels(labels(labels))
                .build();
        try {
            bigquery.create(info);
            return true;
        } catch (BigQueryException e) {
            if (e.getCode() == 409) {
                return false; // exists already, or an earlier attempt of a retried insert created it
            }
            throw e;
        }
    }

    /** Label keys and values: lowercase letters, digits, '_' and '-', at most 63 characters. */
    static Map<String, String> labels(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((k, v) -> {
            if (v != null) {
                out.put(label(k), label(v));
            }
        });
        return out;
    }

    private static String label(String s) {
        String clean = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        return clean.length() > 63 ? clean.substring(0, 63) : clean;
    }

    @Override
    public boolean datasetExists(String datasetId) {
        return bigquery.getDataset(dataset(datasetId)) != null;
    }

    @Override
    public boolean dropDataset(String datasetId) {
        // false when the dataset was not found: already dropped (by another run, too), which is what the caller wants.
        return bigquery.delete(dataset(datasetId), DatasetDeleteOption.deleteContents());
    }

    /** The dataset's creationTime (datasets.list does not return it, so this is one datasets.get). */
    @Override
    public Optional<Instant> datasetCreatedAt(String datasetId) {
        return Optional.ofNullable(bigquery.getDataset(dataset(datasetId)))
                .map(d -> d.getCreationTime())
                .map(Instant::ofEpochMilli);
    }

    @Override
    public List<String> listDatasets() {
        return StreamSupport.stream(bigquery.listDatasets(project).iterateAll().spliterator(), false)
                .map(d -> d.getDatasetId().getDataset())
                .sorted()
                .toList();
    }

    @Override
    public List<String> listTables(String datasetId) {
        try {
            return StreamSupport.stream(
                            bigquery.listTables(dataset(datasetId)).iterateAll().spliterator(), false)
                    .map(t -> t.getTableId().getTable())
                    .sorted()
                    .toList();
        } catch (BigQueryException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * Clone first: a table clone of the template dataset's table is a metadata operation that copies no bytes and
     * finishes in about a second, where a load job reads the whole parquet file. The clone itself is the existence
     * check (no extra round trip): when the template dataset or table is missing (a template not yet published to
     * BigQuery, a project without template datasets) it fails with notFound and we fall back to loading the parquet
     * file, which always exists because the template library writes it. Anything else a clone fails with is raised.
     */
    @Override
    public void loadParquet(String datasetId, String table, ObjectRef source) {
        TableId target = table(datasetId, table);
        Optional<TableId> template = config.cloneTemplates() ? templateTable(source) : Optional.empty();
        if (template.isPresent()) {
            try {
                cloneTable(template.get(), target);
                return;
            } catch (BigQueryException e) {
                if (!notFound(e)) {
                    throw e;
                }
            }
        }
        load(LoadJobConfiguration.newBuilder(target, config.buckets().uri(source), FormatOptions.parquet()));
    }

    /**
     * {@code CREATE OR REPLACE TABLE target CLONE source}: a metadata operation that copies no bytes; the clone is
     * billed only for data that later differs and is unaffected when the source table or dataset is dropped.
     * Running it again replaces the clone with an identical one. A missing source table is the caller's error.
     */
    @Override
    public void cloneTable(String sourceDatasetId, String table, String targetDatasetId) {
        try {
            cloneTable(table(sourceDatasetId, table), table(targetDatasetId, table));
        } catch (BigQueryException e) {
            throw userErrorOr("cannot clone " + sourceDatasetId + "." + table + " into " + targetDatasetId, e);
        }
    }

    private void cloneTable(TableId source, TableId target) {
        runJob(QueryJobConfiguration.newBuilder("CREATE OR REPLACE TABLE " + sql(target) + " CLONE " + sql(source))
                .setUseLegacySql(false)
                .setJobTimeoutMs(config.jobTimeout().toMillis())
                .build());
    }

    /** The template table an object of the templates bucket was published as, e.g. {@code tmpl_shop.orders}. */
    Optional<TableId> templateTable(ObjectRef source) {
        Matcher m = TEMPLATE_OBJECT.matcher(source.name());
        if (!config.templatesBucket().equals(source.bucket()) || !m.matches()) {
            return Optional.empty();
        }
        String dataset = config.templateDatasetPrefix() + m.group(1).replaceAll("[^A-Za-z0-9_]", "_");
        return Optional.of(TableId.of(project, dataset, m.group(2)));
    }

    @Override
    public void loadCsv(String datasetId, String table, ObjectRef source) {
        CsvOptions csv = CsvOptions.newBuilder().setSkipLeadingRows(1).build();
        try {
            load(LoadJobConfiguration.newBuilder(
                            table(datasetId, table), config.buckets().uri(source), csv)
                    .setAutodetect(true));
        } catch (BigQueryException e) {
            throw userErrorOr("cannot load CSV " + source + " into " + datasetId + "." + table, e);
        }
    }

    private void load(LoadJobConfiguration.Builder load) {
        runJob(load.setWriteDisposition(WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
                .setJobTimeoutMs(config.jobTimeout().toMillis())
                .build());
    }

    @Override
    public long createTableAs(String datasetId, String table, String sql) {
        TableId target = table(datasetId, table);
        sql = dialect(sql); // pipeline SQL is written for DuckDB, the local warehouse
        try {
            runJob(query(datasetId, sql)
                    .setDestinationTable(target)
                    .setWriteDisposition(WriteDisposition.WRITE_TRUNCATE)
                    .setCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
                    .build());
        } catch (BigQueryException e) {
            throw userErrorOr("query into " + datasetId + "." + table + " failed", e);
        }
        Table created = bigquery.getTable(target);
        return created == null || created.getNumRows() == null
                ? 0
                : created.getNumRows().longValue();
    }

    /**
     * Streams the rows with insertIds {@code {batchId}:{index}}, so a retried batch (by the client on a 5xx, or
     * by our caller) sends the same ids and BigQuery drops the repeats. BigQuery's dedup is best effort and keeps
     * ids for about a minute: batches are retried within that window in practice.
     */
    @Override
    public void appendRows(String datasetId, String table, String batchId, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        InsertAllRequest.Builder request = InsertAllRequest.newBuilder(table(datasetId, table));
        String idPrefix = insertIdPrefix(batchId);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> content = new LinkedHashMap<>();
            rows.get(i).forEach((k, v) -> content.put(k, BigQueryValues.insertValue(v)));
            request.addRow(idPrefix + ":" + i, content);
        }
        InsertAllResponse response;
        try {
            response = bigquery.insertAll(request.build());
        } catch (BigQueryException e) {
            throw userErrorOr("cannot append to " + datasetId + "." + table, e);
        }
        if (response.hasErrors()) {
            Map.Entry<Long, List<BigQueryError>> first =
                    response.getInsertErrors().entrySet().iterator().next();
            throw new IllegalArgumentException("cannot append to " + datasetId + "." + table + ": row " + first.getKey()
                    + ": " + first.getValue().get(0).getMessage());
        }
    }

    /** insertIds are at most 128 characters: long batch ids are hashed. */
    static String insertIdPrefix(String batchId) {
        if (batchId.length() <= 100) {
            return batchId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(batchId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean createTable(String datasetId, String table, List<ColumnSpec> columns) {
        List<Field> fields = columns.stream()
                .map(c -> Field.of(checked(c.name(), "column"), BigQueryValues.type(c.type())))
                .toList();
        try {
            bigquery.create(TableInfo.of(table(datasetId, table), StandardTableDefinition.of(Schema.of(fields))));
            return true;
        } catch (BigQueryException e) {
            if (e.getCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public long countRows(String datasetId, String table) {
        // A query, not the table's numRows metadata, which leaves out rows still in the streaming buffer.
        QueryResult r = query(datasetId, "SELECT COUNT(*) FROM " + sql(table(datasetId, table)), 1);
        return ((Number) r.rows().get(0).get(0)).longValue();
    }

    /** One metadata query over {@code __TABLES__} (free; its counts leave out rows still in the streaming buffer). */
    @Override
    public Map<String, Long> rowCounts(String datasetId) {
        QueryResult r = query(
                datasetId,
                "SELECT table_id, row_count FROM `" + project + "." + checked(datasetId, "dataset")
                        + ".__TABLES__` WHERE type = 1 ORDER BY table_id",
                10_000);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (List<Object> row : r.rows()) {
            counts.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return counts;
    }

    /**
     * Runs a query job (standard SQL, bare names resolved in the dataset, capped bytes billed, job timeout) and
     * reads one page of {@code maxRows} rows. A query BigQuery rejects (syntax, unknown table, too many bytes)
     * raises IllegalArgumentException with BigQuery's message.
     */
    @Override
    public QueryResult query(String datasetId, String sql, int maxRows) {
        sql = dialect(sql); // golden queries and DQ checks are DuckDB SQL; our own GoogleSQL passes unchanged
        try {
            Job job = runJob(query(datasetId, sql).build());
            TableResult result = job.getQueryResults(QueryResultsOption.pageSize(Math.max(1, maxRows)));
            FieldList fields = result.getSchema() == null
                    ? FieldList.of()
                    : result.getSchema().getFields();
            List<String> columns = fields.stream().map(Field::getName).toList();
            List<List<Object>> rows = new ArrayList<>();
            for (FieldValueList values : result.getValues()) { // the first page only
                if (rows.size() == maxRows) {
                    break;
                }
                rows.add(BigQueryValues.row(fields, values));
            }
            return new QueryResult(columns, rows, result.getTotalRows() > rows.size());
        } catch (BigQueryException e) {
            throw userErrorOr("query failed on " + datasetId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading query results", e);
        }
    }

    /**
     * A dry run of the query job {@link #query} would insert ({@code dryRun}, no query cache): BigQuery parses, plans
     * and prices it and answers at once with the result schema and the bytes it would process; no row is read, nothing
     * is billed, no job is stored and no results are fetched. A query BigQuery rejects, or one that would process more
     * than the bytes cap (a dry run does not enforce it), raises {@link InvalidQueryException} with the reason.
     */
    @Override
    public QueryValidation validate(String datasetId, String sql) {
        String translated = dialect(sql);
        Job job;
        try {
            JobId id = JobId.newBuilder()
                    .setRandomJob()
                    .setLocation(config.location())
                    .build();
            job = bigquery.create(JobInfo.of(
                    id,
                    query(datasetId, translated)
                            .setDryRun(true)
                            .setUseQueryCache(false)
                            .build()));
        } catch (BigQueryException e) {
            RuntimeException mapped = userErrorOr("dry run failed on " + datasetId, e);
            if (mapped instanceof IllegalArgumentException) {
                throw new InvalidQueryException(datasetId, e.getMessage(), e);
            }
            throw mapped;
        }
        JobStatistics.QueryStatistics stats = job.getStatistics();
        Long bytes = stats == null ? null : stats.getTotalBytesProcessed();
        if (bytes != null && bytes > config.maximumBytesBilled()) {
            throw new InvalidQueryException(
                    datasetId,
                    "would process " + bytes + " bytes, more than the cap of " + config.maximumBytesBilled(),
                    null);
        }
        Schema schema = stats == null ? null : stats.getSchema();
        List<String> columns = schema == null
                ? List.of()
                : schema.getFields().stream().map(Field::getName).toList();
        return new QueryValidation(columns, bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes));
    }

    private String dialect(String sql) {
        return config.translateDuckDbSql() ? BigQueryDialect.fromDuckDb(sql) : sql;
    }

    private QueryJobConfiguration.Builder query(String datasetId, String sql) {
        return QueryJobConfiguration.newBuilder(sql)
                .setDefaultDataset(dataset(datasetId))
                .setUseLegacySql(false)
                .setMaximumBytesBilled(config.maximumBytesBilled())
                .setJobTimeoutMs(config.jobTimeout().toMillis());
    }

    /**
     * Inserts a job and waits until it is done; a job that ended in error raises its errors. The job id is chosen
     * here, before the first attempt: when the client re-sends the insert after a lost response, BigQuery answers
     * "Already Exists" and the client fetches that job, so a load or clone never runs twice.
     */
    private Job runJob(JobConfiguration configuration) {
        JobId id =
                JobId.newBuilder().setRandomJob().setLocation(config.location()).build();
        try {
            Job job = bigquery.create(JobInfo.of(id, configuration))
                    .waitFor(
                            RetryOption.totalTimeoutDuration(config.jobTimeout().plus(WAIT_SLACK)));
            if (job == null) {
                throw new IllegalStateException("BigQuery job " + id.getJob() + " disappeared");
            }
            if (job.getStatus() != null && job.getStatus().getError() != null) {
                List<BigQueryError> errors = job.getStatus().getExecutionErrors();
                throw new BigQueryException(
                        errors == null || errors.isEmpty()
                                ? List.of(job.getStatus().getError())
                                : errors);
            }
            return job;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for BigQuery job " + id.getJob(), e);
        }
    }

    private static boolean notFound(BigQueryException e) {
        return e.getCode() == 404 || "notFound".equals(e.getReason());
    }

    /** BigQuery's rejections of what the caller asked (bad SQL, unknown table, bytes limit) are the caller's error. */
    private static RuntimeException userErrorOr(String what, BigQueryException e) {
        boolean userError = !e.isRetryable() && (e.getCode() == 400 || e.getCode() == 404 || e.getCode() == 0);
        return userError ? new IllegalArgumentException(what + ": " + e.getMessage(), e) : e;
    }

    private DatasetId dataset(String datasetId) {
        return DatasetId.of(project, checked(datasetId, "dataset"));
    }

    private TableId table(String datasetId, String table) {
        return TableId.of(project, checked(datasetId, "dataset"), checked(table, "table"));
    }

    private static String sql(TableId t) {
        return "`" + t.getProject() + "." + t.getDataset() + "." + t.getTable() + "`";
    }

    private static String checked(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid " + what + " name: " + name);
        }
        return name;
    }
}
