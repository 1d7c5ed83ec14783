package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.port.AgentSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local data agent's stored definition: a talk-track edit replaces what it is taught and nothing else. */
class LocalDataAgentsTest {

    @TempDir
    Path dir;

    @Test
    void updatingTheContextReplacesInstructionAndGoldenQueriesAndKeepsTheRest() {
        LocalDataAgents agents = new LocalDataAgents(new SqliteDatabase(dir.resolve("store.db")), Clock.systemUTC());
        String id = agents.createAgent(new AgentSpec(
                "demo_1",
                "acme",
                "demo_1",
                List.of("orders"),
                "Be helpful.",
                List.of(new GoldenQuery("How many orders?", "SELECT count(*) FROM orders", "easy", "number"))));
        List<GoldenQuery> edited =
                List.of(new GoldenQuery("Orders by day", "SELECT day, count(*) FROM orders GROUP BY 1", "x", "y"));

        agents.updateContext(id, "Answer in euros.", edited);

        AgentSpec found = agents.find(id).orElseThrow();
        assertThat(found.systemInstruction()).isEqualTo("Answer in euros.");
        assertThat(found.goldenQueries()).isEqualTo(edited);
        assertThat(found.tables()).containsExactly("orders");
        assertThat(found.tenantId()).isEqualTo("acme");
        assertThatThrownBy(() -> agents.updateContext("agent_missing", "x", List.of()))
                .isInstanceOf(NoSuchElementException.class);
    }
}
