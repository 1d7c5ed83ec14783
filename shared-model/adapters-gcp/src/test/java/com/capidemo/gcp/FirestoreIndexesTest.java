package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every query shape of the demo list (tenant, any of created_by/status/template_id/is_pinned, optionally the text
 * search, newest first) has its composite index in infra/firestore.indexes.json: the emulator does not enforce
 * indexes, Firestore does.
 */
class FirestoreIndexesTest {

    private static Set<String> indexes() throws Exception {
        JsonNode file = new ObjectMapper().readTree(Files.readString(Path.of("../../infra/firestore.indexes.json")));
        Set<String> out = new HashSet<>();
        for (JsonNode index : file.get("indexes")) {
            List<String> fields = new ArrayList<>();
            for (JsonNode f : index.get("fields")) {
                fields.add(f.get("fieldPath").asText() + ":"
                        + (f.has("order")
                                ? f.get("order").asText()
                                : f.get("arrayConfig").asText()));
            }
            out.add(index.get("collectionGroup").asText() + "|" + String.join(",", fields));
        }
        return out;
    }

    @Test
    void everyDemoListFilterCombinationHasAnIndex() throws Exception {
        Set<String> indexes = indexes();
        String[] optional = {"created_by", "status", "template_id", "is_pinned"};
        for (int mask = 0; mask < 1 << optional.length; mask++) {
            for (boolean search : new boolean[] {false, true}) {
                List<String> fields = new ArrayList<>(List.of("tenant_id:ASCENDING"));
                for (int i = 0; i < optional.length; i++) {
                    if ((mask & 1 << i) != 0) {
                        fields.add(optional[i] + ":ASCENDING");
                    }
                }
                if (search) {
                    fields.add("search_terms:CONTAINS");
                }
                fields.add("created_at:DESCENDING");
                assertThat(indexes).as("index for %s", fields).contains("demos|" + String.join(",", fields));
            }
        }
    }

    @Test
    void aTemplatesRecentQuickProvisionsHaveTheirIndex() throws Exception {
        assertThat(indexes())
                .contains("jobs|type:ASCENDING,status:ASCENDING,payload.template_id:ASCENDING,"
                        + "completed_at:DESCENDING");
    }

    @Test
    void theDashboardKeysAndSharesHaveTheirIndexes() throws Exception {
        assertThat(indexes())
                .contains(
                        "jobs|status:ASCENDING,created_at:ASCENDING", // the sweep for jobs their queue gave up on
                        "demos|tenant_id:ASCENDING,created_by:ASCENDING,status:ASCENDING,created_at:ASCENDING",
                        "demos|status:ASCENDING,readiness:ASCENDING,created_at:ASCENDING",
                        "api_keys|tenant_id:ASCENDING,created_at:DESCENDING",
                        "demo_shares|demo_id:ASCENDING,revoked:ASCENDING,created_at:DESCENDING");
    }

    @Test
    void everyInsightsCountHasItsIndex() throws Exception {
        assertThat(indexes())
                .contains(
                        "demos|tenant_id:ASCENDING,created_by:ASCENDING,origin:ASCENDING,created_at:ASCENDING",
                        "demos|tenant_id:ASCENDING,created_by:ASCENDING,share_opened:ASCENDING,created_at:ASCENDING",
                        "demo_shares|tenant_id:ASCENDING,created_by:ASCENDING,created_at:ASCENDING",
                        "demo_shares|tenant_id:ASCENDING,created_by:ASCENDING,first_accessed_at:ASCENDING",
                        "turns|tenant_id:ASCENDING,asked_by:ASCENDING,created_at:ASCENDING",
                        "turns|tenant_id:ASCENDING,asked_by:ASCENDING,outcome:ASCENDING,created_at:ASCENDING");
    }
}
