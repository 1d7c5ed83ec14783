package com.capidemo.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The datasets of the warehouse as containers: what lifecycle work needs (create, check, drop, list) without the
 * query engine. Locally a folder per dataset; BigQuery datasets in gcp mode.
 */
public interface Datasets {

    /** Creates the dataset if missing; true when it was created by this call. */
    boolean createDataset(String datasetId, Map<String, String> labels);

    boolean datasetExists(String datasetId);

    /**
     * Drops the dataset and its tables; dropping a missing dataset is not an error. True when this call dropped it,
     * false when it was already gone (so two concurrent drops count one).
     */
    boolean dropDataset(String datasetId);

    List<String> listDatasets();

    /** When the dataset was created; empty when it does not exist. */
    Optional<Instant> datasetCreatedAt(String datasetId);
}
