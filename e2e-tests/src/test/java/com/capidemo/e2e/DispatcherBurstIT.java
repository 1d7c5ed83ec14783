package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of quick provisions (more than the outbox dispatcher's 16 concurrent deliveries) must all complete:
 * the queue may slow down under load but never stop.
 */
class DispatcherBurstIT {

    private static final int BURST = 40;

    private static PlatformProcess platform;

    @BeforeAll
    static void start() {
        platform = PlatformProcess.start("burst", Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.down();
        }
    }

    @Test
    void aBurstOfFortyProvisionsAllComplete() {
        Api api = platform.api();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            Api.Response r = api.provisionQuick("shopify", "Burst " + i);
            assertThat(r.status()).as("%s", r).isEqualTo(202);
            jobs.add(r.get("job_id").asText());
        }
        Instant deadline = Instant.now().plusSeconds(60);
        Map<String, String> status = new LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            status.clear();
            for (String job : jobs) {
                status.put(job, api.job(job).get("status").asText());
            }
            if (status.values().stream().allMatch(s -> s.equals("completed") || s.equals("failed"))) {
                break;
            }
            Api.sleep(500);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        status.values().forEach(s -> counts.merge(s, 1L, Long::sum));
        assertThat(counts)
                .as("job states 60 s after a burst of %d provisions\n%s", BURST, platform.logTails(15))
                .isEqualTo(Map.of("completed", (long) BURST));
        for (String job : jobs.subList(0, 3)) {
            JsonNode j = api.job(job).json();
            assertThat(j.path("attempts").asInt()).isEqualTo(1);
        }
    }
}
