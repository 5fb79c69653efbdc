package io.habitcoach.jooq.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, read by read, whether a read that may be a little stale goes to the read replica or to the
 * primary (docs/scale-out.md, "Read replicas"):
 *
 * <ul>
 *   <li>Read-your-writes: after a transaction that wrote for a user commits, the primary's WAL position
 *       ({@code pg_current_wal_lsn()}) is remembered for that user; that user's reads go to the replica
 *       only once its replayed position ({@code pg_last_wal_replay_lsn()}) has reached it. The map is
 *       bounded: when it is full, entries the replica has replayed are dropped, and if that is not
 *       enough every entry is folded into one floor that applies to all users (stricter, never wrong).</li>
 *   <li>Health: the replica's position and lag are checked at most once per check interval (and at
 *       once when a user's write is ahead of the last known position). A replica that is down, fails a
 *       read, or lags more than the configured maximum sends reads to the primary: a log line when its
 *       state changes, a counter per read, never an error to the caller.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ReplicaRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouter.class);

    // The replica's state in one statement. Lag: none when it has replayed all it received (an idle
    // primary sends nothing, which is not lag); else the age of the last transaction it replayed.
    private static final String STATE_SQL = """
            select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,
                   case when not pg_is_in_recovery()
                          or pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
                        else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) end::float8""";

    private final DSLContext primary;
    private final DSLContext replica;
    private final Duration maxLag;
    private final long checkIntervalNanos;
    private final int maxTrackedUsers;

    private final Map<String, Long> userLsn = new ConcurrentHashMap<>();
    private final AtomicLong floor = new AtomicLong(0);
    private volatile State state = new State(false, false, 0, 0, Long.MIN_VALUE);

    private final AtomicLong replicaReads = new AtomicLong();
    private final AtomicLong awaitingReplay = new AtomicLong();
    private final AtomicLong replicaDown = new AtomicLong();
    private final AtomicLong replicaLagging = new AtomicLong();

    /**
     * What the last check found. {@code current}: the replica is a primary itself (not in recovery),
     * so it has every write. {@code checkedAt}: System.nanoTime() of the check.
     */
    private record State(boolean up, boolean current, long replayLsn, double lagSeconds, long checkedAt) {
    }

    /** The counters {@link io.habitcoach.jooq.ReadReplica#stats()} reports. */
    public static final class Counts {

        private final long replicaReads;
        private final long primaryReadsAwaitingReplay;
        private final long fallbacksReplicaDown;
        private final long fallbacksReplicaLagging;

        private Counts(long replicaReads, long primaryReadsAwaitingReplay, long fallbacksReplicaDown,
                long fallbacksReplicaLagging) {
            this.replicaReads = replicaReads;
            this.primaryReadsAwaitingReplay = primaryReadsAwaitingReplay;
            this.fallbacksReplicaDown = fallbacksReplicaDown;
            this.fallbacksReplicaLagging = fallbacksReplicaLagging;
        }

        public long replicaReads() {
            return replicaReads;
        }

        public long primaryReadsAwaitingReplay() {
            return primaryReadsAwaitingReplay;
        }

        public long fallbacksReplicaDown() {
            return fallbacksReplicaDown;
        }

        public long fallbacksReplicaLagging() {
            return fallbacksReplicaLagging;
        }
    }

    private ReplicaRouter(DSLContext primary, DSLContext replica, Duration maxLag, Duration checkInterval,
            int maxTrackedUsers) {
        this.primary = primary;
        this.replica = replica;
        this.maxLag = maxLag;
        this.checkIntervalNanos = checkInterval.toNanos();
        this.maxTrackedUsers = maxTrackedUsers;
    }

    /**
     * Routes reads between {@code primary} and {@code replica}: to the replica while it lags at most
     * {@code maxLag} (checked at most every {@code checkInterval}), remembering the write positions of
     * at most {@code maxTrackedUsers} users.
     */
    public static ReplicaRouter create(DSLContext primary, DSLContext replica, Duration maxLag, Duration checkInterval,
            int maxTrackedUsers) {
        return new ReplicaRouter(primary, replica, maxLag, checkInterval, maxTrackedUsers);
    }

    /** Runs {@code query} on the replica when it may, else on the primary; {@code userId} may be null. */
    public <T> T read(String userId, Function<DSLContext, T> query) {
        if (useReplica(userId)) {
            try {
                T result = query.apply(replica);
                replicaReads.incrementAndGet();
                return result;
            } catch (DataAccessException e) {
                if (sameOnThePrimary(e)) {
                    throw e;
                }
                // The replica failed (gone, a query cancelled by a recovery conflict, read-only...):
                // the read is retried on the primary.
                markDown(e);
                replicaDown.incrementAndGet();
            }
        }
        return query.apply(primary);
    }

    /** After a commit that wrote for these users: the primary's position, for their next reads. */
    public void afterWrite(Collection<String> userIds) {
        String lsn = primary.resultQuery("select pg_current_wal_lsn()::text").fetchOne(0, String.class);
        long position = Lsn.parse(lsn);
        for (String userId : userIds) {
            observe(userId, position);
        }
    }

    /** Raises the user's read floor to {@code position} (a write of theirs, maybe on another instance). */
    public void observe(String userId, long position) {
        userLsn.merge(userId, position, Math::max);
        if (userLsn.size() > maxTrackedUsers) {
            shrink();
        }
    }

    /** The highest position this instance knows a write of the user at (0 when none). */
    public long position(String userId) {
        return Math.max(floor.get(), userLsn.getOrDefault(userId, 0L));
    }

    public Counts counts() {
        return new Counts(replicaReads.get(), awaitingReplay.get(), replicaDown.get(), replicaLagging.get());
    }

    /**
     * The replica's lag in seconds as of the last check (0 while it has replayed all it received, or
     * when it is a primary itself); NaN when it was unreachable at that check or never checked.
     */
    public double lagSeconds() {
        State s = state;
        return s.up ? s.lagSeconds : Double.NaN;
    }

    /** Whether the replica answered at the last check (false before the first one). */
    public boolean up() {
        return state.up;
    }

    /** Users whose last known write is still ahead of the replica (for tests and metrics). */
    public int trackedUsers() {
        return userLsn.size();
    }

    private boolean useReplica(String userId) {
        long needed = userId == null ? floor.get() : position(userId);
        State s = state;
        boolean stale = System.nanoTime() - s.checkedAt > checkIntervalNanos || s.checkedAt == Long.MIN_VALUE;
        if (stale || (s.up && !s.current && s.replayLsn < needed)) {
            s = check();
        }
        if (!s.up) {
            replicaDown.incrementAndGet();
            return false;
        }
        if (s.lagSeconds > maxLag.toMillis() / 1000.0) {
            replicaLagging.incrementAndGet();
            return false;
        }
        if (!s.current && s.replayLsn < needed) {
            awaitingReplay.incrementAndGet();
            return false;
        }
        if (userId != null && !s.current) {
            // replayed: the entry is no longer needed (unless a newer write raised it meanwhile)
            Long known = userLsn.get(userId);
            if (known != null && known <= s.replayLsn) {
                userLsn.remove(userId, known);
            }
        }
        return true;
    }

    private State check() {
        State before = state;
        State now;
        try {
            Record row = replica.resultQuery(STATE_SQL).fetchOne();
            boolean recovering = Boolean.TRUE.equals(row.get(0, Boolean.class));
            String replayed = row.get(1, String.class);
            Double lag = row.get(2, Double.class);
            now = new State(true, !recovering, recovering && replayed != null ? Lsn.parse(replayed) : 0,
                    lag == null ? 0 : lag, System.nanoTime());
        } catch (DataAccessException e) {
            now = new State(false, false, 0, 0, System.nanoTime());
            if (before.up || before.checkedAt == Long.MIN_VALUE) {
                LOG.warn("read replica unreachable, reads go to the primary until it answers again: {}", e.getMessage());
            }
        }
        if (now.up && !before.up && before.checkedAt != Long.MIN_VALUE) {
            LOG.info("read replica answers again");
        }
        boolean lagging = now.up && now.lagSeconds > maxLag.toMillis() / 1000.0;
        boolean wasLagging = before.up && before.lagSeconds > maxLag.toMillis() / 1000.0;
        if (lagging && !wasLagging) {
            LOG.warn("read replica lags {} s (more than {}), reads go to the primary until it catches up",
                    Math.round(now.lagSeconds), maxLag);
        } else if (!lagging && wasLagging && now.up) {
            LOG.info("read replica caught up");
        }
        state = now;
        return now;
    }

    // Data exceptions, constraint violations, syntax or access errors: the input's or the statement's,
    // not the replica's; the primary would answer the same, and the replica stays in use.
    private static boolean sameOnThePrimary(DataAccessException e) {
        java.sql.SQLException sql = e.getCause(java.sql.SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
    }

    private void markDown(DataAccessException e) {
        if (state.up) {
            LOG.warn("read on the replica failed, retried on the primary; reads go to the primary until the next"
                    + " check: {}", e.getMessage());
        }
        state = new State(false, false, 0, 0, System.nanoTime());
    }

    // Drops what the replica has replayed; if still too many, one floor for all (stricter, still correct).
    private synchronized void shrink() {
        long replayed = state.up ? state.replayLsn : 0;
        userLsn.entrySet().removeIf(e -> e.getValue() <= replayed);
        if (userLsn.size() > maxTrackedUsers) {
            long highest = userLsn.values().stream().mapToLong(Long::longValue).max().orElse(0);
            floor.accumulateAndGet(highest, Math::max);
            userLsn.clear();
        }
    }

    /** PostgreSQL's textual WAL position {@code X/Y} (two hexadecimal 32-bit halves) as one number. */
    public static final class Lsn {

        private Lsn() {
        }

        public static long parse(String lsn) {
            int slash = lsn == null ? -1 : lsn.indexOf('/');
            if (slash < 1 || slash == lsn.length() - 1 || lsn.length() > 17) {
                throw new IllegalArgumentException("not a WAL position: " + lsn);
            }
            long hi = Long.parseLong(lsn.substring(0, slash), 16);
            long lo = Long.parseLong(lsn.substring(slash + 1), 16);
            if (hi > 0xFFFF_FFFFL || lo > 0xFFFF_FFFFL || hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a WAL position: " + lsn);
            }
            return hi << 32 | lo;
        }

        public static String format(long position) {
            return Long.toHexString(position >>> 32).toUpperCase() + "/" + Long.toHexString(position & 0xFFFF_FFFFL)
                    .toUpperCase();
        }
    }
}
