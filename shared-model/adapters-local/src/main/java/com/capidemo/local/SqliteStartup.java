package com.capidemo.local;

import com.capidemo.core.adapter.AdapterSelection;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/** Opens the SQLite store (running its migrations) at start when a selected adapter uses it, never otherwise. */
@ApplicationScoped
public class SqliteStartup {

    void onStart(
            @Observes @Priority(2) StartupEvent event, AdapterSelection selection, Instance<SqliteDatabase> sqlite) {
        if (selection.usesSqlite()) {
            sqlite.get().file(); // runs the migrations now, not on the first request
        }
    }
}
