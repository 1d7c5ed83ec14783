package com.capidemo.chat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ChatTurn;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.QuerySession;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.ForeignKey;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The local data agent: golden questions run their curated SQL, other questions go through the schema planner (see
 * {@link ChatEngine}). What it knows about a dataset (schema, profile, learned measures) is read once and cached;
 * keys come from the demo's template when it has one. Every query runs through the warehouse's read-only path.
 */
@Typed(LocalChatAgent.class)
@ApplicationScoped
public class LocalChatAgent implements ChatAgent {

    private static final int CACHE_SIZE = 64;

    private final Warehouse warehouse;
    private final Function<AgentSpec, Map<String, SchemaLoader.DeclaredKeys>> keys;
    private final Map<String, ChatKnowledge> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChatKnowledge> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    @Inject
    public LocalChatAgent(Warehouse warehouse, DemoStore demos, TemplateLibrary templates) {
        this(
                warehouse,
                spec -> demos.find(spec.demoId())
                        .flatMap(d -> templates.find(d.templateId()))
                        .map(LocalChatAgent::declaredKeys)
                        .orElse(Map.of()));
    }

    public LocalChatAgent(Warehouse warehouse, Function<AgentSpec, Map<String, SchemaLoader.DeclaredKeys>> keys) {
        this.warehouse = warehouse;
        this.keys = keys;
    }

    /** The primary and foreign keys a template declares, in the planner's terms. */
    public static Map<String, SchemaLoader.DeclaredKeys> declaredKeys(TemplateDefinition template) {
        Map<String, SchemaLoader.DeclaredKeys> out = new LinkedHashMap<>();
        for (TableSpec t : template.tables()) {
            List<Schema.Link> links = new ArrayList<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.referencedTable() != null && fk.referencedColumn() != null) {
                    links.add(new Schema.Link(t.name(), fk.column(), fk.referencedTable(), fk.referencedColumn()));
                }
            }
            out.put(t.name(), new SchemaLoader.DeclaredKeys(t.primaryKey(), links));
        }
        return out;
    }

    @Override
    public ChatAnswer answer(AgentSpec agent, List<ChatTurn> history, String message) {
        return answer(agent, history, message, (sql, maxRows) -> warehouse.query(agent.datasetId(), sql, maxRows));
    }

    @Override
    public ChatAnswer answer(AgentSpec agent, List<ChatTurn> history, String message, QuerySession session) {
        return answer(agent, history, message, session::query);
    }

    private ChatAnswer answer(AgentSpec agent, List<ChatTurn> history, String message, ChatEngine.Queries queries) {
        return new ChatEngine(agent, queries, () -> knowledge(agent, queries)).answer(history, message);
    }

    private ChatKnowledge knowledge(AgentSpec agent, ChatEngine.Queries queries) {
        String key = agent.datasetId() + "|" + agent.tables() + "|"
                + agent.goldenQueries().hashCode() + "|" + Objects.hashCode(agent.systemInstruction());
        synchronized (cache) {
            ChatKnowledge k = cache.get(key);
            if (k != null) {
                return k;
            }
        }
        long started = System.nanoTime();
        Map<String, SchemaLoader.DeclaredKeys> declared =
                Optional.ofNullable(keys.apply(agent)).orElse(Map.of());
        ChatKnowledge k =
                ChatKnowledge.load(agent.tables(), declared, agent.goldenQueries(), agent.systemInstruction(), queries);
        Log.debugf(
                "chat knowledge for %s: %d tables, measures %s in %d ms",
                agent.datasetId(), k.schema().tables().size(), k.metrics(), (System.nanoTime() - started) / 1_000_000);
        synchronized (cache) {
            cache.put(key, k);
        }
        return k;
    }
}
