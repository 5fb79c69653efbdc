package io.habitcoach.jooq.jobs.internal;

import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.HabitRows;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_VERSIONS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.jooq.jobs.CoachJobResult;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code habit_fail} sweep: for the latest closed period of every active habit of every live user
 * (yesterday for daily and specific-days habits when yesterday was scheduled; last week for per-week
 * habits), raises one event if the period closed without a done or skipped entry and outside a pause,
 * and brings {@code habits.current_streak} to the streak as of the user's today wherever it is stale.
 *
 * <p>Only the habits whose {@code next_check_at} has passed are read ({@link DueInstants}): pages of
 * (by default) {@link Jobs#USERS_PER_CHUNK} rows, one range scan of the index each, no lock, so a run
 * with nothing due costs one index probe however many users exist. Per batch of {@code batchSize} of
 * them, in (user, habit) order, one transaction then claims them (advances {@code next_check_at} to the
 * close of the period open at the run's instant, only where it still holds the value the scan read;
 * this takes the rows' locks), re-checks them with a fresh snapshot (a completion that committed
 * meanwhile is seen, and a completion that comes later waits for the lock), reads the users' recent
 * messages, inserts all the batch's messages in one statement and updates all the stale streaks (and
 * any instant the fresh row corrects) in one statement. The unique key {@code (user_id, event_key)} with
 * {@code event_key = habit_fail:<habit>:<period start>} makes the event exactly-once however many runs
 * and nodes overlap; locks are taken in (user, habit) order, so overlapping runs queue instead of
 * deadlocking.
 */
public final class MissedSweep {

    private static final Logger LOG = LoggerFactory.getLogger(MissedSweep.class);

    /**
     * The habit's latest closed period was scheduled, missed, and has no event yet. Reads
     * {@code habits}, {@code cal} ({@link JobCalendars#table()}) and the habit as it was when the
     * periods closed: {@code vd} at the close of yesterday ({@code cal.today_starts}) and {@code vw} at
     * the close of last week ({@code cal.week_starts}), each the {@code habit_versions} row in force then
     * ({@link #AT_CLOSE_SQL}; NULL when the habit has not changed since, then the row is that version).
     * A change of schedule or status after the period closed (and before this run) therefore does not
     * change how the period is judged: the version in force at its close says whether it was a day or a
     * week, whether it was scheduled, and whether the habit was active. Mirrors core's rules: a day is
     * missed when it is scheduled, not paused, has no entry, and is not before the habit existed; a
     * per-week habit's week is missed unless a pause touched it, its skips reach the target, or its done
     * days reach {@code max(1, target - skips)} (core's {@code WeeklyReport}).
     */
    static final String MISSED_SQL = """
            (CASE WHEN coalesce(vd.frequency, habits.frequency) = 'per_week' THEN
                coalesce(vw.frequency, habits.frequency) = 'per_week'
                AND coalesce(vw.status, habits.status) = 'active'
                AND habits.created_at < cal.week_starts
                AND NOT EXISTS (SELECT 1 FROM habit_pauses p
                    WHERE p.habit_id = habits.id AND p.user_id = habits.user_id
                    AND p.paused_from <= cal.last_week_start + 6
                    AND (p.resumed_on IS NULL OR (p.resumed_on > cal.last_week_start AND p.resumed_on > p.paused_from)))
                AND NOT EXISTS (SELECT 1 FROM habit_completions c
                    WHERE c.user_id = habits.user_id AND c.habit_id = habits.id
                        AND c.completed_date BETWEEN cal.last_week_start AND cal.last_week_start + 6
                    -- one row always (no GROUP BY): the week's entries and skips
                    HAVING count(*) FILTER (WHERE c.kind = 'skipped') >= coalesce(vw.times_per_week, habits.times_per_week)
                        OR count(*) FILTER (WHERE c.kind <> 'skipped') >= greatest(1,
                            coalesce(vw.times_per_week, habits.times_per_week) - count(*) FILTER (WHERE c.kind = 'skipped')))
                AND NOT EXISTS (SELECT 1 FROM ai_messages m
                    WHERE m.user_id = habits.user_id AND m.event_key = 'habit_fail:' || habits.id || ':' || cal.last_week_key)
            ELSE
                coalesce(vd.status, habits.status) = 'active'
                AND habits.created_at < cal.today_starts
                AND (coalesce(vd.frequency, habits.frequency) = 'daily'
                    OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(
                            CASE WHEN vd.frequency IS NULL THEN habits.specific_days ELSE vd.specific_days END) AS d(name)
                        WHERE lower(btrim(d.name)) = cal.yesterday_name))
                AND NOT EXISTS (SELECT 1 FROM habit_completions c
                    WHERE c.user_id = habits.user_id AND c.habit_id = habits.id AND c.completed_date = cal.yesterday)
                AND NOT EXISTS (SELECT 1 FROM habit_pauses p
                    WHERE p.habit_id = habits.id AND p.user_id = habits.user_id
                    AND p.paused_from <= cal.yesterday AND (p.resumed_on IS NULL OR p.resumed_on > cal.yesterday))
                AND NOT EXISTS (SELECT 1 FROM ai_messages m
                    WHERE m.user_id = habits.user_id AND m.event_key = 'habit_fail:' || habits.id || ':' || cal.yesterday_key)
            END)""";

    /**
     * The {@code habit_versions} row in force at the instant {@code cal.<closeColumn>}, joined as
     * {@code alias}: written by then and not yet replaced (versions cover time without overlap, so at most
     * one; joined by {@link #inForceAtClose}). Probed only for a habit changed after that instant ({@code updated_at}, which every change of
     * a versioned field sets); for every other habit the row itself is that version and nothing is read.
     * A plain join on the distribution column, no lateral subquery: one shard on Citus.
     */
    private static Table<?> versionAtClose(String alias) {
        return DSL.table(DSL.sql("habit_versions " + alias));
    }

    private static Condition inForceAtClose(String alias, String closeColumn) {
        String v = alias + ".";
        String at = "cal." + closeColumn;
        return DSL.condition(v + "user_id = habits.user_id AND " + v + "habit_id = habits.id AND habits.updated_at > "
                + at + " AND " + v + "valid_from <= " + at + " AND (" + v + "valid_to IS NULL OR " + v + "valid_to > "
                + at + ")");
    }

    /** A column of the version joined as {@code alias}, typed (and converted) like {@code column}. */
    private static <T> Field<T> versionField(String alias, Field<T> column) {
        return DSL.field(DSL.name(alias, column.getName()), column.getDataType());
    }

    private static final Field<Boolean> MISSED = DSL.field(MISSED_SQL, SQLDataType.BOOLEAN);

    private static final Field<FrequencyType> VD_FREQUENCY = versionField("vd", HABIT_VERSIONS.FREQUENCY).as("vd_frequency");
    private static final Field<FrequencyType> VW_FREQUENCY = versionField("vw", HABIT_VERSIONS.FREQUENCY).as("vw_frequency");
    private static final Field<Set<DayOfWeek>> VD_SPECIFIC_DAYS = versionField("vd", HABIT_VERSIONS.SPECIFIC_DAYS).as("vd_specific_days");
    private static final Field<Set<DayOfWeek>> VW_SPECIFIC_DAYS = versionField("vw", HABIT_VERSIONS.SPECIFIC_DAYS).as("vw_specific_days");
    private static final Field<Integer> VD_TIMES_PER_WEEK = versionField("vd", HABIT_VERSIONS.TIMES_PER_WEEK).as("vd_times_per_week");
    private static final Field<Integer> VW_TIMES_PER_WEEK = versionField("vw", HABIT_VERSIONS.TIMES_PER_WEEK).as("vw_times_per_week");
    /** What the re-read selects of the two versions, for {@link #judged}. */
    private static final List<Field<?>> JUDGED_FIELDS = List.of(VD_FREQUENCY, VD_SPECIFIC_DAYS,
            VD_TIMES_PER_WEEK, VW_FREQUENCY, VW_SPECIFIC_DAYS, VW_TIMES_PER_WEEK);

    private final Context ctx;
    private final JobMessages messages;
    private final int batchSize;
    private final int pageSize;
    private final int parallelism;

    private MissedSweep(Context ctx, JobMessages messages, int batchSize, int pageSize, int parallelism) {
        this.ctx = ctx;
        this.messages = messages;
        this.batchSize = batchSize;
        this.pageSize = pageSize;
        this.parallelism = parallelism;
    }

    public static MissedSweep create(Context ctx, JobMessages messages, int batchSize, int pageSize, int parallelism) {
        return new MissedSweep(ctx, messages, batchSize, pageSize, parallelism);
    }

    /** A due habit as the scan read it (no lock), with its owner's calendar settings. */
    private record Candidate(HabitsRecord habit, JobCalendars.Key key, boolean ownerDeleted) {
        String id() {
            return habit.getId();
        }

        String userId() {
            return habit.getUserId();
        }
    }

    public CoachJobResult run(Instant asOf) {
        long started = System.nanoTime();
        Totals totals = new Totals();
        OffsetDateTime afterAt = null;
        String afterId = null;
        try (Jobs.Workers workers = new Jobs.Workers("sweepMissed", parallelism)) {
            while (true) {
                long scanStarted = System.nanoTime();
                List<Candidate> page = scan(asOf, afterAt, afterId);
                totals.scanNanos += System.nanoTime() - scanStarted;
                if (page.isEmpty()) {
                    break;
                }
                totals.due += page.size();
                HabitsRecord last = page.get(page.size() - 1).habit;
                afterAt = last.getNextCheckAt();
                afterId = last.getId();
                JobCalendars calendars = JobCalendars.of(page.stream().map(Candidate::key).toList(), asOf);
                Table<?> cal = calendars.table();
                List<Candidate> ordered = new ArrayList<>(page);
                ordered.sort(Comparator.comparing(Candidate::userId).thenComparing(Candidate::id));
                List<List<Candidate>> batches = Jobs.batchesByUser(ordered, batchSize, Candidate::userId);
                List<Batch> done = workers.each(batches, candidates -> {
                    Batch batch = Jobs.withRetry("sweepMissed", () -> ctx.db().tx(cfg -> process(DSL.using(cfg),
                            calendars, cal, candidates)));
                    LOG.debug("sweepMissed batch: {} habits due, {} claimed, {} events, {} streaks refreshed",
                            candidates.size(), batch.claimed, batch.events, batch.streaks);
                    return batch;
                });
                done.forEach(totals::add);
                if (page.size() < pageSize) {
                    break;
                }
            }
        }
        return new CoachJobResult("sweepMissed", asOf, totals.users, totals.habits, totals.events, totals.streaks,
                totals.batches, Duration.ofNanos(System.nanoTime() - started), totals.due,
                Duration.ofNanos(totals.scanNanos));
    }

    /**
     * The next page of due habits, in {@code (next_check_at, id)} order after the given one: a range scan
     * of the index {@code habits_next_check_idx}, joined to the owners by primary key. Nothing due, one
     * probe of the index: the cost does not depend on how many habits are not due.
     */
    private List<Candidate> scan(Instant asOf, OffsetDateTime afterAt, String afterId) {
        return ctx.db().replica(null, dsl -> dsl.select(HABITS.ID, HABITS.USER_ID, HABITS.NEXT_CHECK_AT, HABITS.FREQUENCY,
                        HABITS.SPECIFIC_DAYS, HABITS.TIMES_PER_WEEK, HABITS.STATUS, HABITS.CURRENT_STREAK,
                        HABITS.STREAK_NEXT_DUE, USERS.TIMEZONE, USERS.DAY_START, USERS.FIRST_DAY_OF_WEEK,
                        USERS.DELETED_AT)
                .from(HABITS)
                .join(USERS).on(USERS.ID.eq(HABITS.USER_ID))
                .where(HABITS.NEXT_CHECK_AT.le(DueInstants.utc(asOf)))
                .and(afterAt == null ? DSL.noCondition()
                        : DSL.row(HABITS.NEXT_CHECK_AT, HABITS.ID).gt(DSL.row(afterAt, afterId)))
                .orderBy(HABITS.NEXT_CHECK_AT, HABITS.ID)
                .limit(pageSize)
                // by position, not into(HABITS) (a lookup by name per column: slow on a cold JIT)
                .fetch(r -> {
                    HabitsRecord h = new HabitsRecord().setId(r.value1()).setUserId(r.value2())
                            .setNextCheckAt(r.value3()).setFrequency(r.value4()).setSpecificDays(r.value5())
                            .setTimesPerWeek(r.value6()).setStatus(r.value7()).setCurrentStreak(r.value8())
                            .setStreakNextDue(r.value9());
                    return new Candidate(h, new JobCalendars.Key(r.value10(), r.value11(), r.value12()),
                            r.value13() != null);
                }));
    }

    private record Batch(int claimed, int users, int habits, int events, int streaks) {
    }

    private record Update(String userId, String habitId, int currentStreak, OffsetDateTime nextCheck,
            boolean refreshed) {
    }

    /**
     * One transaction: claims the batch's habits by advancing their {@code next_check_at} past the period
     * that closed (only where it still holds the value the scan read: a habit another run claimed, or
     * whose owner changed calendar meanwhile, is left to that run, or to the next one); re-reads them
     * with a fresh snapshot; raises the misses; refreshes stale streaks; corrects an instant the fresh
     * row disagrees with.
     */
    private Batch process(DSLContext dsl, JobCalendars calendars, Table<?> cal, List<Candidate> candidates) {
        Instant asOf = calendars.asOf();
        int n = candidates.size();
        String[] userIds = new String[n];
        String[] ids = new String[n];
        String[] olds = new String[n];
        String[] nexts = new String[n];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            userIds[i] = c.userId();
            ids[i] = c.id();
            olds[i] = c.habit.getNextCheckAt().toString();
            Instant next = nextAfterCheck(c, calendars);
            nexts[i] = next == null ? null : next.toString();
        }
        // The claim locks the rows in (user, habit) order, so overlapping runs queue instead of
        // deadlocking, and a completion in flight (which holds the habit's lock) is waited for; the
        // statements after it read a snapshot that sees that completion.
        // Text arrays cast column by column in a subquery, not typed arrays in unnest (a Citus bug,
        // JobCalendars#table): the same statement serves one server and Citus.
        Set<String> claimed = new HashSet<>(dsl.resultQuery("UPDATE habits SET next_check_at = v.next"
                        + " FROM (SELECT u.a AS user_id, u.b AS id, u.c::timestamptz AS old, u.d::timestamptz AS next"
                        + " FROM unnest({0}::text[], {1}::text[], {2}::text[], {3}::text[]) AS u(a, b, c, d)) AS v"
                        + " WHERE habits.user_id = v.user_id AND habits.id = v.id AND habits.next_check_at = v.old"
                        + " RETURNING habits.id",
                text(userIds), text(ids), text(olds), text(nexts)).fetch(0, String.class));
        if (claimed.isEmpty()) {
            return new Batch(0, 0, 0, 0, 0);
        }
        Map<String, OffsetDateTime> claimedNext = new HashMap<>();
        List<String> claimedUsers = new ArrayList<>();
        List<String> claimedHabits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (claimed.contains(ids[i])) {
                claimedNext.put(ids[i], nexts[i] == null ? null : OffsetDateTime.parse(nexts[i]));
                claimedUsers.add(userIds[i]);
                claimedHabits.add(ids[i]);
            }
        }
        List<Field<?>> fields = new ArrayList<>(HabitRows.RULE_COLUMNS);
        int language = fields.size();   // then, by position: language, personality, zone, day start, week start, missed
        fields.addAll(List.of(USERS.LANGUAGE, USERS.SELECTED_PERSONALITY, USERS.TIMEZONE, USERS.DAY_START,
                USERS.FIRST_DAY_OF_WEEK, MISSED.as("missed")));
        fields.addAll(JUDGED_FIELDS);
        // Driven by the claimed keys, one primary-key probe each: a filter "id = ANY(array)" let the
        // planner walk every user of the batch's calendars and test each habit against the whole
        // array (quadratic: 0.7 ms per user with 500 ids, most of a first sweep's time).
        Table<?> keys = DSL.table("(SELECT k.a AS user_id, k.b AS id FROM unnest({0}::text[], {1}::text[]) AS k(a, b))",
                text(claimedUsers.toArray(String[]::new)), text(claimedHabits.toArray(String[]::new))).as("keys");
        var rows = dsl.select(fields)
                .from(keys)
                .join(HABITS).on(HABITS.USER_ID.eq(DSL.field(DSL.name("keys", "user_id"), String.class)))
                        .and(HABITS.ID.eq(DSL.field(DSL.name("keys", "id"), String.class)))
                .join(USERS).on(USERS.ID.eq(HABITS.USER_ID)).and(USERS.DELETED_AT.isNull())
                .join(cal).on(JobCalendars.joinsUser())
                .leftJoin(versionAtClose("vd")).on(inForceAtClose("vd", "today_starts"))
                .leftJoin(versionAtClose("vw")).on(inForceAtClose("vw", "week_starts"))
                .orderBy(HABITS.USER_ID, HABITS.ID)
                .fetch();
        List<JobMessages.Pending> events = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        Set<String> users = new HashSet<>();
        for (Record row : rows) {
            HabitsRecord h = HabitRows.ruleColumns(row);
            users.add(h.getUserId());
            DayOfWeek firstDay = (DayOfWeek) row.get(language + 4);
            JobCalendars.Calendar calendar = calendars.of((String) row.get(language + 2),
                    (java.time.LocalTime) row.get(language + 3), firstDay);
            try {
                Schedule schedule = HabitRows.schedule(h, firstDay);
                StreakState state;
                try {
                    state = HabitRows.state(h);
                } catch (IllegalArgumentException inconsistent) {
                    // columns edited by hand: recomputed from the entries and stored (the batch holds the lock)
                    state = HabitRows.healedState(dsl, h, firstDay, calendar.today());
                    dsl.executeUpdate(h);
                }
                if (Boolean.TRUE.equals(row.get(language + 5))) {
                    events.add(missed(dsl, h, state, Schedule.of(judged(row, h), firstDay), calendar, new JobMessages.Recipient(h.getUserId(),
                            (String) row.get(language + 1), (String) row.get(language))));
                }
                int stored = h.getCurrentStreak();
                int current = state.asOf(schedule, calendar.today()).current();
                h.setCurrentStreak(current);
                // The instant by the fresh row (its status or schedule may have changed since the scan).
                OffsetDateTime next = DueInstants.utc(DueInstants.nextCheck(h, calendar.userDay(), firstDay, asOf));
                if (current != stored || !Objects.equals(next, claimedNext.get(h.getId()))) {
                    updates.add(new Update(h.getUserId(), h.getId(), current, next, current != stored));
                }
            } catch (HabitCoachException | IllegalArgumentException e) {
                // A row the rules cannot read (written by hand, say) must not stop everyone else's events.
                LOG.warn("sweepMissed skips habit {}: {}", h.getId(), e.getMessage());
            }
        }
        int raised = messages.insert(dsl, events,
                JobMessages.recentMessages(dsl, events.stream().map(e -> e.recipient().userId()).toList()));
        if (!updates.isEmpty()) {
            dsl.execute("UPDATE habits SET current_streak = v.current, next_check_at = v.next"
                            + " FROM (SELECT u.a AS user_id, u.b AS id, u.c AS current, u.d::timestamptz AS next"
                            + " FROM unnest({0}::text[], {1}::text[], {2}::int[], {3}::text[]) AS u(a, b, c, d)) AS v"
                            + " WHERE habits.user_id = v.user_id AND habits.id = v.id",
                    text(updates.stream().map(Update::userId).toArray(String[]::new)),
                    text(updates.stream().map(Update::habitId).toArray(String[]::new)),
                    DSL.val(updates.stream().map(Update::currentStreak).toArray(Integer[]::new),
                            SQLDataType.INTEGER.array()),
                    text(updates.stream().map(u -> u.nextCheck() == null ? null : u.nextCheck().toString())
                            .toArray(String[]::new)));
        }
        int refreshed = (int) updates.stream().filter(Update::refreshed).count();
        return new Batch(claimed.size(), users.size(), rows.size(), raised, refreshed);
    }

    /**
     * The frequency the closed period is judged by: the version in force at yesterday's close, or for a
     * per-week habit at last week's close (as {@link #MISSED_SQL} chooses), else the row's own.
     */
    private static Frequency judged(Record row, HabitsRecord h) {
        FrequencyType atDay = row.get(VD_FREQUENCY);
        if (atDay == null) {
            atDay = h.getFrequency();
        }
        if (atDay == FrequencyType.PER_WEEK) {
            return row.get(VW_FREQUENCY) == null ? HabitRows.frequency(h)
                    : Frequency.of(row.get(VW_FREQUENCY), row.get(VW_SPECIFIC_DAYS), row.get(VW_TIMES_PER_WEEK));
        }
        return row.get(VD_FREQUENCY) == null ? HabitRows.frequency(h)
                : Frequency.of(row.get(VD_FREQUENCY), row.get(VD_SPECIFIC_DAYS), row.get(VD_TIMES_PER_WEEK));
    }

    /**
     * The miss of the closed period, judged by {@code schedule}: the schedule in force when the period
     * closed ({@link #judged}), which says whether it was a day or a week and gives the streak it ended.
     */
    private static JobMessages.Pending missed(DSLContext dsl, HabitsRecord h, StreakState state, Schedule schedule,
            JobCalendars.Calendar calendar, JobMessages.Recipient recipient) {
        boolean perWeek = schedule.frequency().type() == FrequencyType.PER_WEEK;
        LocalDate period = perWeek ? calendar.lastWeek().start() : calendar.yesterday();
        LocalDate periodEnd = perWeek ? calendar.lastWeek().end() : period;
        int previous = previousStreak(dsl, h, state, schedule, period, periodEnd);
        CoachEvent event = perWeek ? CoachEvent.HabitMissed.week(h.getName(), period, previous)
                : CoachEvent.HabitMissed.day(h.getName(), period, previous);
        return new JobMessages.Pending(recipient, event, h.getId(), "habit_fail:" + h.getId() + ":" + period);
    }

    /**
     * The streak the miss ended: the streak as of the missed period while it was still open. From the
     * stored state in O(1), also when the user has already logged something after the period (today's
     * run, this week's first workout); from the history up to the period's end only when skips or
     * pauses after the run before make the state alone ambiguous.
     */
    static int previousStreak(DSLContext dsl, HabitsRecord h, StreakState state, Schedule schedule, LocalDate period,
            LocalDate periodEnd) {
        boolean perWeek = schedule.frequency().type() == FrequencyType.PER_WEEK;
        boolean laterRun = state.runEnd() != null && state.runEnd().isAfter(period);
        if (!laterRun) {
            if (state.lastUnmetWeek() != null && state.lastUnmetWeek().isAfter(period)) {
                // Done days in the open week, not enough yet: they say nothing about the closed weeks.
                state = new StreakState(state.runLength(), state.runStart(), state.runEnd(), state.nextDue(),
                        state.longest(), state.totalCompleted(), state.lastDoneDate(), state.previousRunLength(),
                        state.previousRunEnd(), null, 0, state.excusedThrough());
            }
            return state.asOf(schedule, period).current();
        }
        // A run began after the missed period (the period broke any run across it): the miss ended the
        // run before that one, if that run was still alive, i.e. the missed period was its next due one.
        if (!state.runStart().isAfter(period)) {
            return fromHistory(dsl, h, schedule, period, periodEnd);   // not expected: the run spans the miss
        }
        if (state.previousRunLength() == 0) {
            return 0;   // no run before the latest one: the miss ended nothing
        }
        LocalDate previousEnd = state.previousRunEnd();
        LocalDate excused = state.excusedThrough();
        // Whether a skip or pause after the run before could have moved its next due period.
        boolean noExcuses = excused == null || excused.isBefore(previousEnd)
                || (perWeek && excused.isBefore(previousEnd.plusDays(7)));
        if (noExcuses && previousEnd.isBefore(period)) {
            return nextUnit(schedule, previousEnd).equals(period) ? state.previousRunLength() : 0;
        }
        return fromHistory(dsl, h, schedule, period, periodEnd);
    }

    /** The first scheduled unit after {@code unit}, ignoring skips and pauses. */
    private static LocalDate nextUnit(Schedule schedule, LocalDate unit) {
        if (schedule.frequency().type() == FrequencyType.PER_WEEK) {
            return unit.plusDays(7);
        }
        LocalDate next = unit.plusDays(1);
        while (!schedule.frequency().countsOn(next.getDayOfWeek())) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The slow path: the streak as of the period over the entries up to its end. */
    private static int fromHistory(DSLContext dsl, HabitsRecord h, Schedule schedule, LocalDate period,
            LocalDate periodEnd) {
        HabitHistory full = HabitRows.history(dsl, h, schedule.firstDayOfWeek());
        HabitHistory upTo = HabitHistory.builder(schedule).schedules(full.schedules()).weekStarts(full.weekStarts())
                .done(full.doneDates().stream().filter(d -> !d.isAfter(periodEnd)).toList())
                .skipped(full.skippedDates().stream().filter(d -> !d.isAfter(periodEnd)).toList())
                .pauses(full.pauses())
                .build();
        return Streaks.state(upTo).asOf(schedule, period).current();
    }

    /**
     * The instant the claim stores: the close of the habit's period that is open at {@code asOf}, by the
     * row the scan read (the transaction corrects it from the fresh row). A deleted owner's habit is
     * never due again (null); a habit whose zone this JVM does not know, or whose row the rules cannot
     * read, is looked at again in an hour.
     */
    private static Instant nextAfterCheck(Candidate c, JobCalendars calendars) {
        if (c.ownerDeleted()) {
            return null;
        }
        Instant asOf = calendars.asOf();
        JobCalendars.Key key = c.key();
        JobCalendars.Calendar calendar = calendars.of(key.timezone(), key.dayStart(), key.firstDayOfWeek());
        if (calendar == null) {
            return asOf.plus(Duration.ofHours(1));
        }
        try {
            return DueInstants.nextCheck(c.habit, calendar.userDay(), key.firstDayOfWeek(), asOf);
        } catch (HabitCoachException | IllegalArgumentException e) {
            LOG.warn("sweepMissed cannot time habit {}: {}", c.id(), e.getMessage());
            return asOf.plus(Duration.ofHours(1));
        }
    }

    private static org.jooq.Param<String[]> text(String[] values) {
        return DSL.val(values, SQLDataType.VARCHAR.array());
    }

    private static final class Totals {
        int due;
        long scanNanos;
        int users;
        int habits;
        int events;
        int streaks;
        int batches;

        void add(Batch batch) {
            users += batch.users;
            habits += batch.claimed;
            events += batch.events;
            streaks += batch.streaks;
            batches++;
        }
    }
}
