package com.capidemo.local;

import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.port.SharedSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** Values every local process must agree on (generated secrets), kept in the shared store. */
@ApplicationScoped
public class SqliteSettings implements SharedSettings {

    private final SqliteDatabase db;
    private final boolean selected;

    public SqliteSettings(SqliteDatabase db, AdapterSelection selection) {
        this.db = db;
        this.selected = selection.usesSqlite();
    }

    @Override
    public String getOrCreate(String key, Supplier<String> initial) {
        if (!selected) { // never create a SQLite file that no selected adapter uses
            throw new IllegalStateException("no local store is selected to keep the generated '" + key
                    + "': configure it instead (admin_token: PLATFORM_ADMIN_TOKEN)");
        }
        return db.write(c -> {
            Sql.update(c, "INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)", key, initial.get());
            return Sql.one(c, "SELECT value FROM settings WHERE key = ?", rs -> rs.getString(1), key)
                    .orElseThrow();
        });
    }
}
