package com.capidemo.local;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.DataAgents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Local data agents: the agent's definition (tables, system instruction, golden queries) is recorded
 * in the store, keyed by a stable id per demo, and the local chat engine answers from it. The golden queries are a
 * reference to their set (stored once, see {@link GoldenQuerySets}).
 */
@Typed(LocalDataAgents.class)
@ApplicationScoped
public class LocalDataAgents implements DataAgents {

    private final SqliteDatabase db;
    private final Clock clock;

    @Inject
    public LocalDataAgents(SqliteDatabase db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    @Override
    public String createAgent(AgentSpec spec) {
        String agentId = agentIdFor(spec.demoId());
        Instant now = clock.instant();
        db.write(c -> Sql.update(
                c,
                """
                INSERT OR REPLACE INTO data_agents(agent_id, demo_id, tenant_id, dataset_id, tables, system_instruction,
                                                   golden_set_id, created_at)
                VALUES (?,?,?,?,?,?,?,?)""",
                agentId,
                spec.demoId(),
                spec.tenantId(),
                spec.datasetId(),
                Json.write(spec.tables()),
                spec.systemInstruction(),
                GoldenQuerySets.store(c, spec.goldenQueries(), now),
                now));
        return agentId;
    }

    @Override
    public Optional<AgentSpec> find(String agentId) {
        return db.read(c -> Sql.one(
                c,
                "SELECT * FROM data_agents WHERE agent_id = ?",
                rs -> new AgentSpec(
                        rs.getString("demo_id"),
                        rs.getString("tenant_id"),
                        rs.getString("dataset_id"),
                        Json.list(rs.getString("tables"), String.class),
                        rs.getString("system_instruction"),
                        GoldenQuerySets.load(c, rs.getString("golden_set_id"))),
                agentId));
    }

    @Override
    public void updateContext(String agentId, String systemInstruction, List<GoldenQuery> goldenQueries) {
        Instant now = clock.instant();
        int updated = db.write(c -> Sql.update(
                c,
                "UPDATE data_agents SET system_instruction = ?, golden_set_id = ? WHERE agent_id = ?",
                systemInstruction,
                GoldenQuerySets.store(c, goldenQueries, now),
                agentId));
        if (updated == 0) {
            throw new NoSuchElementException("no data agent " + agentId);
        }
    }

    @Override
    public String agentIdFor(String demoId) {
        return "agent_" + demoId;
    }

    @Override
    public void deleteAgent(String agentId) {
        db.write(c -> Sql.update(c, "DELETE FROM data_agents WHERE agent_id = ?", agentId));
    }
}
