package com.capidemo.local;

import com.capidemo.core.adapter.IoThreads;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.config.PrivateFiles;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The local store: one SQLite file in WAL mode shared by every local process. Writers take
 * {@code BEGIN IMMEDIATE} transactions on the process's one write connection; inside one process they queue on a
 * lock, across processes SQLite's busy timeout makes them wait. Reads never wait for writes (WAL): point reads use
 * their own pool and list queries ({@link #scan}) another, so a flood of list requests never leaves a point read
 * waiting for a connection. Migrations run once, under an exclusive lock, when it opens: at start
 * when {@link com.capidemo.core.adapter.AdapterSelection} says a selected adapter needs it, never otherwise.
 */
@ApplicationScoped
public class SqliteDatabase {

    /** Ordered migrations in {@code db/sqlite/}; the file's index + 1 is its user_version. */
    private static final List<String> MIGRATIONS = List.of(
            "V1__init.sql",
            "V2__chat.sql",
            "V3__custom.sql",
            "V4__demo_management.sql",
            "V5__lifecycle.sql",
            "V6__demo_changes.sql",
            "V7__quick_durations.sql",
            "V8__abandoned_jobs.sql",
            "V9__task_trace.sql",
            "V10__insights.sql",
            "V11__lifecycle_run_start.sql",
            "V12__task_deferral.sql");

    private static final int READERS = 4;
    private static final int SCANNERS = 3;

    private final Path file;
    private final BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(READERS);
    private final BlockingQueue<Connection> scans = new ArrayBlockingQueue<>(SCANNERS);
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    @Inject
    public SqliteDatabase(PlatformConfig config) {
        this(Path.of(config.dataDir()).resolve("platform.db"));
    }

    public SqliteDatabase(Path file) {
        this.file = file.toAbsolutePath();
        try {
            // The store holds API-key hashes and ciphertexts: a 0700 folder, a 0600 file (SQLite gives its -wal and
            // -shm the database file's permissions).
            PrivateFiles.directory(this.file.getParent());
            PrivateFiles.file(this.file);
            PrivateFiles.restrictIfExists(Path.of(this.file + "-wal"));
            PrivateFiles.restrictIfExists(Path.of(this.file + "-shm"));
            writer = open();
            migrate();
            for (int i = 0; i < READERS; i++) {
                pool.add(openReader());
            }
            for (int i = 0; i < SCANNERS; i++) {
                scans.add(openReader());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open SQLite store " + this.file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    private Connection open() throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setBusyTimeout(30_000);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        cfg.enforceForeignKeys(true);
        Connection c = cfg.createConnection("jdbc:sqlite:" + file);
        SqliteFunctions.register(c);
        return c;
    }

    /** A read connection keeps its prepared statements ({@link StatementCache}); the writer does not. */
    private Connection openReader() throws SQLException {
        Connection c = open();
        StatementCache.keepFor(c);
        return c;
    }

    private void migrate() throws SQLException {
        Connection c = writer;
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            try {
                int version;
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                for (int i = version; i < MIGRATIONS.size(); i++) {
                    Log.infof("applying SQLite migration %s to %s", MIGRATIONS.get(i), file);
                    for (String sql : script(MIGRATIONS.get(i))) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version = " + (i + 1));
                }
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static List<String> script(String name) {
        try (InputStream in = SqliteDatabase.class.getResourceAsStream("/db/sqlite/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // A statement ends with ';' at the end of a line, so a trigger's body (BEGIN ...; END on one line) stays
            // whole.
            return Arrays.stream(text.replaceAll("(?m)--.*$", "").split("(?m);[ \\t]*$"))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs read-only work (a point read) on a pooled connection in autocommit mode. */
    public <T> T read(Work<T> work) {
        return readOn(pool, work);
    }

    /** Runs a list or count query on the pool kept for them, so they never hold up point reads. */
    public <T> T scan(Work<T> work) {
        return readOn(scans, work);
    }

    private static <T> T readOn(BlockingQueue<Connection> from, Work<T> work) {
        IoThreads.refuse("a SQLite read");
        Connection c = borrow(from);
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            from.add(c);
        }
    }

    /** Runs work in one IMMEDIATE transaction: committed if it returns, rolled back if it throws. */
    public <T> T write(Work<T> work) {
        IoThreads.refuse("a SQLite write");
        writeLock.lock();
        Connection c = writer;
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            writeLock.unlock();
        }
    }

    private static Connection borrow(BlockingQueue<Connection> from) {
        try {
            return from.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(new SQLException("interrupted while waiting for a connection"));
        }
    }

    @PreDestroy
    void close() {
        List<Connection> all = new ArrayList<>(pool);
        all.addAll(scans);
        all.add(writer);
        for (Connection c : all) {
            StatementCache.forget(c);
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at shutdown: nothing left to do
            }
        }
    }

    /** A store failure that is not the caller's fault (disk, lock timeout). */
    public static class StoreException extends RuntimeException {
        public StoreException(SQLException cause) {
            super("store error: " + cause.getMessage(), cause);
        }
    }
}
