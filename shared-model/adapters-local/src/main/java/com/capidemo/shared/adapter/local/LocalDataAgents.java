package com.capidemo.shared.adapter.local;

import com.capidemo.shared.domain.GoldenQuery;
import com.capidemo.shared.json.Json;
import com.capidemo.shared.port.AgentSpec;
import com.capidemo.shared.port.DataAgents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.util.Optional;

/**
 * Local data agents: the agent's definition (tables, system instruction, golden queries) is recorded
 * in the store, keyed by a stable id per demo, and the local chat engine answers from it.
 */
@Typed(LocalDataAgents.class)
@ApplicationScoped
public class LocalDataAgents implements DataAgents {

    private final SqliteDatabase db;

    public LocalDataAgents(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public String createAgent(AgentSpec spec) {
        String agentId = "agent_" + spec.demoId();
        db.write(c -> Sql.update(c, """
                INSERT OR REPLACE INTO data_agents(agent_id, demo_id, tenant_id, dataset_id, tables, system_instruction,
                                                   golden_queries, created_at)
                VALUES (?,?,?,?,?,?,?,?)""",
                agentId, spec.demoId(), spec.tenantId(), spec.datasetId(), Json.write(spec.tables()),
                spec.systemInstruction(), Json.write(spec.goldenQueries()), Instant.now()));
        return agentId;
    }

    @Override
    public Optional<AgentSpec> find(String agentId) {
        return db.read(c -> Sql.one(c, "SELECT * FROM data_agents WHERE agent_id = ?",
                rs -> new AgentSpec(rs.getString("demo_id"), rs.getString("tenant_id"), rs.getString("dataset_id"),
                        Json.list(rs.getString("tables"), String.class), rs.getString("system_instruction"),
                        Json.list(rs.getString("golden_queries"), GoldenQuery.class)),
                agentId));
    }

    @Override
    public void deleteAgent(String agentId) {
        db.write(c -> Sql.update(c, "DELETE FROM data_agents WHERE agent_id = ?", agentId));
    }
}
