package com.capidemo.shared.adapter.local;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
