package io.habitcoach.jooq.jobs.internal;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static io.habitcoach.jooq.schema.Tables.HABIT_VERSIONS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.ScheduleHistory;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.jobs.CoachJobResult;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds every habit's cached streak columns (and its due instant) from its entries, pauses and
 * schedule versions, in batches: what {@code habits().recompute(userId, habitId)} does for one habit,
 * set-based, for a host that imported history by SQL (docs/operations.md).
 *
 * <p>The habits are walked in {@code (user_id, id)} order (the primary key), {@code batchSize} at a
 * time, each batch one transaction of a fixed number of statements: lock the batch's habit rows
 * ({@code FOR NO KEY UPDATE}, in key order; on Citus one router statement per user, in the same order),
 * read their entries, pauses and (for the habits whose frequency ever changed) versions with one
 * statement each, compute with core's {@link Streaks}, and write the rows whose caches or due instant
 * differ with one {@code UPDATE ... FROM unnest(...)}. A row whose caches are right is not written.
 *
 * <p>The lock is what keeps a concurrent {@code complete()} consistent: a completion that locked the
 * habit first commits before the batch reads the habit's entries (the batch waits for the lock, then
 * reads them with a new snapshot); one that comes later waits for the batch and starts from the
 * rebuilt row (its unlocked fast path checks the row's version and falls back to the locked read). A
 * completion locks only its own habit row, and the batch locks only habit rows, in key order: two
 * rebuilds queue, and neither deadlocks with completions.
 */
public final class CacheRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(CacheRebuild.class);

    /** The columns a rebuild may change: the streak caches and the due instant. */
    private static final List<Field<?>> CACHE_FIELDS = List.of(HABITS.CURRENT_STREAK, HABITS.LONGEST_STREAK,
            HABITS.TOTAL_COMPLETED, HABITS.COMPLETED_LAST_AT, HABITS.STREAK_RUN_LENGTH, HABITS.STREAK_RUN_START,
            HABITS.STREAK_RUN_END, HABITS.STREAK_NEXT_DUE, HABITS.STREAK_PREVIOUS_RUN_LENGTH,
            HABITS.STREAK_PREVIOUS_RUN_END, HABITS.STREAK_LAST_UNMET_WEEK, HABITS.STREAK_LAST_UNMET_WEEK_DONE,
            HABITS.STREAK_EXCUSED_THROUGH, HABITS.NEXT_CHECK_AT);

    private final Context ctx;
    private final int batchSize;

    private CacheRebuild(Context ctx, int batchSize) {
        this.ctx = ctx;
        this.batchSize = batchSize;
    }

    public static CacheRebuild create(Context ctx, int batchSize) {
        return new CacheRebuild(ctx, batchSize);
    }

    private record Owned(HabitsRecord habit, UsersRecord owner) {
    }

    private record Batch(int read, int users, int written, String firstUserId, String lastUserId, String lastId) {
    }

    public CoachJobResult run(Instant asOf) {
        long started = System.nanoTime();
        int read = 0;
        int users = 0;
        int written = 0;
        int batches = 0;
        String afterUser = null;
        String afterId = null;
        while (true) {
            String fromUser = afterUser;
            String fromId = afterId;
            Batch batch = Jobs.withRetry("rebuildHabitCaches",
                    () -> ctx.db().tx(cfg -> process(DSL.using(cfg), asOf, fromUser, fromId)));
            if (batch.read() == 0) {
                break;
            }
            batches++;
            read += batch.read();
            // in key order a user's habits are consecutive: one that spans two batches is counted once
            users += batch.users() - (batch.firstUserId().equals(afterUser) ? 1 : 0);
            written += batch.written();
            LOG.debug("rebuildHabitCaches batch {}: {} habits read, {} written", batches, batch.read(), batch.written());
            afterUser = batch.lastUserId();
            afterId = batch.lastId();
            if (batch.read() < batchSize) {
                break;
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new CoachJobResult("rebuildHabitCaches", asOf, users, read, 0, written, batches, elapsed, read,
                Duration.ZERO);
    }

    /** One batch: the next {@code batchSize} habits after the given key, locked, recomputed, written. */
    private Batch process(DSLContext dsl, Instant asOf, String afterUser, String afterId) {
        List<Owned> rows = lock(dsl, afterUser, afterId);
        if (rows.isEmpty()) {
            return new Batch(0, 0, 0, null, null, null);
        }
        Owned last = rows.get(rows.size() - 1);
        int n = rows.size();
        String[] userIds = new String[n];
        String[] ids = new String[n];
        List<String> changedUsers = new ArrayList<>();
        List<String> changedIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            userIds[i] = rows.get(i).habit().getUserId();
            ids[i] = rows.get(i).habit().getId();
            if (rows.get(i).habit().getScheduleFrom() != null) {
                changedUsers.add(userIds[i]);
                changedIds.add(ids[i]);
            }
        }
        Table<?> keys = keys(userIds, ids);
        Map<String, List<LocalDate>> done = new HashMap<>();
        Map<String, List<LocalDate>> skipped = new HashMap<>();
        // One row per habit with entries, its done and skipped days as epoch-day arrays (an index range
        // scan of (user_id, habit_id, completed_date) per habit): the rows of a long history are
        // aggregated by the server, not mapped one by one.
        for (Record e : dsl.resultQuery("SELECT e.habit_id,"
                        + " coalesce(array_agg(e.completed_date - DATE '1970-01-01') FILTER (WHERE e.kind = 'done'), '{}'),"
                        + " coalesce(array_agg(e.completed_date - DATE '1970-01-01') FILTER (WHERE e.kind <> 'done'), '{}')"
                        + " FROM (SELECT k.a AS user_id, k.b AS id FROM unnest({0}::text[], {1}::text[]) AS k(a, b)) AS keys"
                        + " JOIN habit_completions e ON e.user_id = keys.user_id AND e.habit_id = keys.id"
                        + " GROUP BY e.user_id, e.habit_id", DSL.val(userIds, SQLDataType.VARCHAR.array()),
                        DSL.val(ids, SQLDataType.VARCHAR.array()))
                .fetch()) {
            done.put(e.get(0, String.class), epochDays(e.get(1, Integer[].class)));
            skipped.put(e.get(0, String.class), epochDays(e.get(2, Integer[].class)));
        }
        Map<String, List<LocalDate[]>> pauses = new HashMap<>();
        for (Record p : dsl.select(HABIT_PAUSES.HABIT_ID, HABIT_PAUSES.PAUSED_FROM, HABIT_PAUSES.RESUMED_ON)
                .from(keys).join(HABIT_PAUSES).on(HABIT_PAUSES.USER_ID.eq(keyUser()))
                        .and(HABIT_PAUSES.HABIT_ID.eq(keyId()))
                .fetch()) {
            pauses.computeIfAbsent(p.get(HABIT_PAUSES.HABIT_ID), k -> new ArrayList<>())
                    .add(new LocalDate[] {p.get(HABIT_PAUSES.PAUSED_FROM), p.get(HABIT_PAUSES.RESUMED_ON)});
        }
        // the versions only of the habits whose frequency ever changed (schedule_from set), as HabitRows does
        Map<String, List<Map.Entry<LocalDate, Frequency>>> versions = new HashMap<>();
        if (!changedIds.isEmpty()) {
            for (Record v : dsl.select(HABIT_VERSIONS.HABIT_ID, HABIT_VERSIONS.SCHEDULE_FROM, HABIT_VERSIONS.FREQUENCY,
                            HABIT_VERSIONS.SPECIFIC_DAYS, HABIT_VERSIONS.TIMES_PER_WEEK)
                    .from(keys(changedUsers.toArray(String[]::new), changedIds.toArray(String[]::new)))
                    .join(HABIT_VERSIONS).on(HABIT_VERSIONS.USER_ID.eq(keyUser()))
                            .and(HABIT_VERSIONS.HABIT_ID.eq(keyId()))
                    .orderBy(HABIT_VERSIONS.USER_ID, HABIT_VERSIONS.HABIT_ID, HABIT_VERSIONS.VERSION)
                    .fetch()) {
                versions.computeIfAbsent(v.get(HABIT_VERSIONS.HABIT_ID), k -> new ArrayList<>())
                        .add(new AbstractMap.SimpleImmutableEntry<>(v.get(HABIT_VERSIONS.SCHEDULE_FROM),
                                Frequency.of(v.get(HABIT_VERSIONS.FREQUENCY), v.get(HABIT_VERSIONS.SPECIFIC_DAYS),
                                        v.get(HABIT_VERSIONS.TIMES_PER_WEEK))));
            }
        }
        OffsetDateTime now = ctx.now();
        List<HabitsRecord> changed = new ArrayList<>();
        Set<String> owners = new HashSet<>();
        for (Owned row : rows) {
            HabitsRecord h = row.habit();
            UsersRecord owner = row.owner();
            owners.add(h.getUserId());
            try {
                Object[] before = values(h);
                LocalDate today = Days.userDay(owner).dateOf(asOf);
                ScheduleHistory schedules = HabitRows.schedules(h, versions.getOrDefault(h.getId(), List.of()));
                HabitHistory.Builder builder = HabitHistory.builder(HabitRows.schedule(h, owner.getFirstDayOfWeek()))
                        .schedules(schedules)
                        .done(done.getOrDefault(h.getId(), List.of()))
                        .skipped(skipped.getOrDefault(h.getId(), List.of()));
                for (LocalDate[] p : pauses.getOrDefault(h.getId(), List.of())) {
                    builder.paused(p[0], p[1]);
                }
                HabitHistory history = builder.build();
                StreakState state = Streaks.state(history);
                StreakSummary summary = state.asOf(history.schedule(), today);
                HabitRows.setState(h, state, summary);
                h.setNextCheckAt(DueInstants.forHabit(h, owner, asOf));
                if (!java.util.Arrays.equals(before, values(h))) {
                    changed.add(h);
                }
            } catch (HabitCoachException | IllegalArgumentException e) {
                // a zone this JVM does not know, a row the rules cannot read: logged, the others go on
                LOG.warn("rebuildHabitCaches skips habit {}: {}", h.getId(), e.getMessage());
            }
        }
        if (!changed.isEmpty()) {
            write(dsl, changed, now);
        }
        return new Batch(n, owners.size(), changed.size(), rows.get(0).habit().getUserId(), last.habit().getUserId(),
                last.habit().getId());
    }

    /**
     * The next batch of habits after {@code (afterUser, afterId)} in key order, with their live owners'
     * calendars, locked {@code FOR NO KEY UPDATE} in that order. One statement on one server; on Citus,
     * which locks rows only in router queries, the page is read without a lock and then locked by one
     * statement per user (each on the user's shard), in the same order.
     */
    private List<Owned> lock(DSLContext dsl, String afterUser, String afterId) {
        var page = dsl.select(HABITS.fields()).select(USERS.TIMEZONE, USERS.DAY_START, USERS.FIRST_DAY_OF_WEEK)
                .from(HABITS)
                .join(USERS).on(USERS.ID.eq(HABITS.USER_ID)).and(USERS.DELETED_AT.isNull())
                .where(afterUser == null ? DSL.noCondition()
                        : DSL.row(HABITS.USER_ID, HABITS.ID).gt(DSL.row(DSL.val(afterUser), DSL.val(afterId))))
                .orderBy(HABITS.USER_ID, HABITS.ID)
                .limit(batchSize);
        if (!ctx.db().citus()) {
            return page.forNoKeyUpdate().of(HABITS).fetch(CacheRebuild::owned);
        }
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        for (Record r : page.fetch()) {
            byUser.computeIfAbsent(r.get(HABITS.USER_ID), k -> new ArrayList<>()).add(r.get(HABITS.ID));
        }
        List<Owned> locked = new ArrayList<>();
        for (Map.Entry<String, List<String>> user : byUser.entrySet()) {
            locked.addAll(dsl.select(HABITS.fields()).select(USERS.TIMEZONE, USERS.DAY_START, USERS.FIRST_DAY_OF_WEEK)
                    .from(HABITS)
                    .join(USERS).on(USERS.ID.eq(HABITS.USER_ID)).and(USERS.DELETED_AT.isNull())
                    .where(HABITS.USER_ID.eq(user.getKey())).and(USERS.ID.eq(user.getKey()))
                    .and(HABITS.ID.in(user.getValue()))
                    .orderBy(HABITS.USER_ID, HABITS.ID)
                    .forNoKeyUpdate().of(HABITS)
                    .fetch(CacheRebuild::owned));
        }
        return locked;
    }

    private static Owned owned(Record r) {
        UsersRecord owner = new UsersRecord().setId(r.get(HABITS.USER_ID)).setTimezone(r.get(USERS.TIMEZONE))
                .setDayStart(r.get(USERS.DAY_START)).setFirstDayOfWeek(r.get(USERS.FIRST_DAY_OF_WEEK));
        HabitsRecord h = r.into(HABITS);
        h.changed(false);
        return new Owned(h, owner);
    }

    private static Object[] values(HabitsRecord h) {
        Object[] values = new Object[CACHE_FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = h.get(CACHE_FIELDS.get(i));
        }
        return values;
    }

    /**
     * Writes the changed rows' caches and due instants in one statement (values as text arrays cast
     * column by column in a subquery, as the jobs do for Citus; every row named by its user).
     */
    private static void write(DSLContext dsl, List<HabitsRecord> rows, OffsetDateTime now) {
        int n = rows.size();
        String[][] columns = new String[CACHE_FIELDS.size() + 2][n];
        for (int i = 0; i < n; i++) {
            HabitsRecord h = rows.get(i);
            columns[0][i] = h.getUserId();
            columns[1][i] = h.getId();
            for (int c = 0; c < CACHE_FIELDS.size(); c++) {
                Object value = h.get(CACHE_FIELDS.get(c));
                columns[c + 2][i] = value == null ? null : value.toString();
            }
        }
        Object[] parts = new Object[columns.length + 1];
        for (int c = 0; c < columns.length; c++) {
            parts[c] = DSL.val(columns[c], SQLDataType.VARCHAR.array());
        }
        parts[columns.length] = DSL.val(now);
        dsl.execute("UPDATE habits SET current_streak = v.c2, longest_streak = v.c3,"
                + " total_completed = v.c4, completed_last_at = v.c5, streak_run_length = v.c6,"
                + " streak_run_start = v.c7, streak_run_end = v.c8, streak_next_due = v.c9,"
                + " streak_previous_run_length = v.c10, streak_previous_run_end = v.c11,"
                + " streak_last_unmet_week = v.c12, streak_last_unmet_week_done = v.c13,"
                + " streak_excused_through = v.c14, next_check_at = v.c15, updated_at = {16}"
                + " FROM (SELECT u.c0, u.c1, u.c2::int AS c2, u.c3::int AS c3, u.c4::int AS c4, u.c5::date AS c5,"
                + " u.c6::int AS c6, u.c7::date AS c7, u.c8::date AS c8, u.c9::date AS c9, u.c10::int AS c10,"
                + " u.c11::date AS c11, u.c12::date AS c12, u.c13::int AS c13, u.c14::date AS c14,"
                + " u.c15::timestamptz AS c15"
                + " FROM unnest({0}::text[], {1}::text[], {2}::text[], {3}::text[], {4}::text[], {5}::text[],"
                + " {6}::text[], {7}::text[], {8}::text[], {9}::text[], {10}::text[], {11}::text[], {12}::text[],"
                + " {13}::text[], {14}::text[], {15}::text[])"
                + " AS u(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15)) AS v"
                + " WHERE habits.user_id = v.c0 AND habits.id = v.c1", parts);
    }

    private static List<LocalDate> epochDays(Integer[] days) {
        List<LocalDate> dates = new ArrayList<>(days.length);
        for (Integer day : days) {
            dates.add(LocalDate.ofEpochDay(day));
        }
        return dates;
    }

    /** The derived table {@code keys (user_id, id)} of the given habits. */
    private static Table<?> keys(String[] userIds, String[] ids) {
        return DSL.table("(SELECT k.a AS user_id, k.b AS id FROM unnest({0}::text[], {1}::text[]) AS k(a, b))",
                DSL.val(userIds, SQLDataType.VARCHAR.array()), DSL.val(ids, SQLDataType.VARCHAR.array())).as("keys");
    }

    private static Field<String> keyUser() {
        return DSL.field(DSL.name("keys", "user_id"), String.class);
    }

    private static Field<String> keyId() {
        return DSL.field(DSL.name("keys", "id"), String.class);
    }
}
