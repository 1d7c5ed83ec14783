package com.capidemo.shared.port;

import java.util.List;
import java.util.Map;

/**
 * The datasets of the warehouse as containers: what lifecycle work needs (create, check, drop, list) without the
 * query engine. Locally a folder per dataset; BigQuery datasets in gcp mode.
 */
public interface Datasets {

    /** Creates the dataset if missing; true when it was created by this call. */
    boolean createDataset(String datasetId, Map<String, String> labels);

    boolean datasetExists(String datasetId);

    /** Drops the dataset and its tables; dropping a missing dataset is not an error. */
    void dropDataset(String datasetId);

    List<String> listDatasets();
}
