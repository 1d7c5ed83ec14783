package com.capidemo.shared.adapter.local;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** Values every local process must agree on (generated secrets), kept in the shared store. */
@ApplicationScoped
public class SqliteSettings {

    private final SqliteDatabase db;

    public SqliteSettings(SqliteDatabase db) {
        this.db = db;
    }

    /** Returns the stored value, storing {@code initial} first when there is none (first writer wins). */
    public String getOrCreate(String key, Supplier<String> initial) {
        return db.write(c -> {
            Sql.update(c, "INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)", key, initial.get());
            return Sql.one(c, "SELECT value FROM settings WHERE key = ?", rs -> rs.getString(1), key).orElseThrow();
        });
    }
}
