package com.capidemo.chat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateCatalog;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.duckdb.DuckDbWarehouse;
import com.capidemo.duckdb.TemplateDataGenerator;
import com.capidemo.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every template of configs/templates, and every custom demo frozen in test resources chat/custom-demos, materialised
 * once per test JVM into a real local warehouse (DuckDB over parquet under target/chat-fixtures; unchanged templates
 * are not regenerated between runs), one dataset per template, with the local chat agent over it.
 */
public final class ChatFixtures {

    private static final Path ROOT = Path.of("target", "chat-fixtures").toAbsolutePath();
    private static TemplateCatalog catalog;
    private static TemplateLibrary library;
    private static DuckDbWarehouse warehouse;
    private static final Map<String, AgentSpec> SPECS = new ConcurrentHashMap<>();
    private static final Map<String, TemplateDefinition> CUSTOM_DEMOS = new ConcurrentHashMap<>();

    private ChatFixtures() {}

    public static synchronized TemplateCatalog catalog() {
        if (catalog == null) {
            catalog = TemplateCatalog.load(templatesDir());
            LocalObjectStore objects = new LocalObjectStore(ROOT.resolve("objects"));
            library = new TemplateLibrary(
                    catalog,
                    objects,
                    ROOT.resolve("locks").resolve("templates.lock"),
                    TemplateDataGenerator::new,
                    Clock.systemUTC());
            warehouse = new DuckDbWarehouse(ROOT.resolve("warehouse"), objects, Clock.systemUTC());
        }
        return catalog;
    }

    static Path templatesDir() {
        for (String candidate : new String[] {"configs/templates", "../configs/templates", "../../configs/templates"}) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "configs/templates not found from " + Path.of("").toAbsolutePath());
    }

    public static Path warehouseRoot() {
        return ROOT.resolve("warehouse");
    }

    public static Warehouse warehouse() {
        catalog();
        return warehouse;
    }

    /** A template of configs/templates, or else a custom demo of test resources chat/custom-demos. */
    public static TemplateDefinition template(String id) {
        return catalog()
                .find(id)
                .or(() -> customDemo(id))
                .orElseThrow(() -> new IllegalArgumentException("no template or custom demo " + id));
    }

    /**
     * A custom demo frozen as template YAML in test resources chat/custom-demos/{id}.yml (the local designer's output
     * for a fixed brief; see the README there), or empty when there is none.
     */
    public static synchronized Optional<TemplateDefinition> customDemo(String id) {
        if (!id.matches("[a-z0-9_]+")) {
            return Optional.empty();
        }
        TemplateDefinition known = CUSTOM_DEMOS.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        java.net.URL url = ChatFixtures.class.getResource("/chat/custom-demos/" + id + ".yml");
        if (url == null) {
            return Optional.empty();
        }
        try {
            TemplateDefinition t = TemplateCatalog.read(Path.of(url.toURI()));
            CUSTOM_DEMOS.put(id, t);
            return Optional.of(t);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The agent spec of a dataset holding the template's tables (materialised on first use). */
    public static synchronized AgentSpec agentSpec(String templateId) {
        return SPECS.computeIfAbsent(templateId, id -> {
            TemplateDefinition t = template(id);
            library.materialize(t);
            String dataset = "chat_" + id;
            warehouse.createDataset(dataset, Map.of("template", id));
            for (TableSpec table : t.tables()) {
                warehouse.loadParquet(dataset, table.name(), TemplateLibrary.tableObject(id, table.name()));
            }
            return new AgentSpec(
                    "demo_" + id,
                    "tenant_chat",
                    dataset,
                    t.tableNames(),
                    t.systemInstruction(),
                    t.domainGoldenQueries());
        });
    }

    /** The local chat agent over a warehouse, with keys from the templates (by dataset). */
    public static LocalChatAgent agent(Warehouse over) {
        return new LocalChatAgent(
                over,
                spec -> LocalChatAgent.declaredKeys(template(spec.datasetId().substring("chat_".length()))));
    }

    public static LocalChatAgent agent() {
        return agent(warehouse());
    }

    public static QueryResult query(String templateId, String sql, int maxRows) {
        return warehouse().query(agentSpec(templateId).datasetId(), sql, maxRows);
    }

    /**
     * A warehouse that records every query it is asked to run (and runs it); every other call is passed through.
     * A dynamic proxy, so it keeps up with the port.
     */
    public static Warehouse recording(Warehouse delegate, List<String> queries) {
        return (Warehouse) java.lang.reflect.Proxy.newProxyInstance(
                Warehouse.class.getClassLoader(), new Class<?>[] {Warehouse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("query")) {
                        synchronized (queries) {
                            queries.add(args[0] + "::" + args[1]);
                        }
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
