package io.habitcoach.jooq.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.postgresql.PGConnection;

/**
 * A jOOQ listener that terminates the server backend of the running call at a chosen statement, from
 * a separate admin connection, as an operator's {@code pg_terminate_backend} or a crash would: at the
 * start of the n-th statement whose SQL matches (before it reaches the server) or at its end (after
 * the server ran it, before the next one). Disarmed by default; each arming kills {@code times}
 * times, then lets calls through again.
 */
final class KillSwitch implements ExecuteListener {

    enum Phase { BEFORE, AFTER }

    private final String adminUrl;
    private volatile Predicate<String> matcher = sql -> false;
    private volatile Phase phase = Phase.BEFORE;
    private final AtomicInteger skip = new AtomicInteger();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger kills = new AtomicInteger();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    KillSwitch(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    /** Kill at the {@code nth} (1-based) matching statement, then at the next {@code times - 1} matching ones. */
    void arm(Predicate<String> sql, int nth, Phase phase, int times) {
        this.phase = phase;
        this.skip.set(nth - 1);
        this.remaining.set(times);
        this.matcher = sql;
    }

    /** Kill at statements whose SQL starts with {@code prefix} (case-insensitive, quotes ignored). */
    static Predicate<String> startsWith(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return sql -> sql.replace("\"", "").toLowerCase(Locale.ROOT).startsWith(p);
    }

    void disarm() {
        remaining.set(0);
        matcher = sql -> false;
    }

    int kills() {
        return kills.get();
    }

    /** The SQL of every statement the listener saw since the last {@link #clearSeen()}. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    void clearSeen() {
        seen.clear();
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        seen.add(ctx.sql());
        if (phase == Phase.BEFORE) {
            maybeKill(ctx);
        }
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        if (phase == Phase.AFTER) {
            maybeKill(ctx);
        }
    }

    private void maybeKill(ExecuteContext ctx) {
        String sql = ctx.sql();
        if (sql == null || remaining.get() <= 0 || !matcher.test(sql)) {
            return;
        }
        if (skip.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return;
        }
        if (remaining.getAndDecrement() <= 0) {
            return;
        }
        try {
            int pid = ctx.connection().unwrap(PGConnection.class).getBackendPID();
            try (Connection admin = DriverManager.getConnection(adminUrl);
                    PreparedStatement s = admin.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                s.setInt(1, pid);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new IllegalStateException("backend " + pid + " survived pg_terminate_backend");
                    }
                }
            }
            kills.incrementAndGet();
        } catch (SQLException e) {
            throw new IllegalStateException("the kill switch failed", e);
        }
    }
}
