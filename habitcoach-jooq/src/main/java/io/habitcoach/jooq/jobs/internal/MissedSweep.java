package io.habitcoach.jooq.jobs.internal;

import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.HabitRows;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.coach.CoachEvent;
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
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
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
 * <p>The users are walked in primary-key chunks (by default {@link Jobs#USERS_PER_CHUNK} users); one
 * statement finds a chunk's candidates (no lock). Per batch of {@code batchSize} of them, in (user,
 * habit) order, one transaction then locks them, re-checks them with a fresh snapshot (a completion
 * that committed meanwhile is seen, and a completion that comes later waits for the lock), reads the
 * users' recent messages, inserts all the batch's messages in one statement and updates all the stale
 * streaks in one statement. The unique key {@code (user_id, event_key)} with
 * {@code event_key = habit_fail:<habit>:<period start>} makes the event exactly-once however many runs
 * and nodes overlap; locks are taken in (user, habit) order, so overlapping runs queue instead of
 * deadlocking.
 */
public final class MissedSweep {

    private static final Logger LOG = LoggerFactory.getLogger(MissedSweep.class);

    /**
     * The habit's latest closed period was scheduled, missed, and has no event yet. Reads
     * {@code habits} and {@code cal} ({@link JobCalendars#table()}). Mirrors core's rules: a day is
     * missed when it is scheduled, not paused, has no entry, and is not before the habit existed; a
     * per-week habit's week is missed unless a pause touched it, its skips reach the target, or its done
     * days reach {@code max(1, target - skips)} (core's {@code WeeklyReport}).
     */
    static final String MISSED_SQL = """
            (habits.status = 'active' AND CASE WHEN habits.frequency = 'per_week' THEN
                habits.created_at < cal.week_starts
                AND NOT EXISTS (SELECT 1 FROM habit_pauses p
                    WHERE p.habit_id = habits.id AND p.user_id = habits.user_id
                    AND p.paused_from <= cal.last_week_start + 6
                    AND (p.resumed_on IS NULL OR (p.resumed_on > cal.last_week_start AND p.resumed_on > p.paused_from)))
                AND NOT EXISTS (SELECT 1 FROM habit_completions c
                    WHERE c.user_id = habits.user_id AND c.habit_id = habits.id
                        AND c.completed_date BETWEEN cal.last_week_start AND cal.last_week_start + 6
                    -- one row always (no GROUP BY): the week's entries and skips
                    HAVING count(*) FILTER (WHERE c.kind = 'skipped') >= habits.times_per_week
                        OR count(*) FILTER (WHERE c.kind <> 'skipped')
                            >= greatest(1, habits.times_per_week - count(*) FILTER (WHERE c.kind = 'skipped')))
                AND NOT EXISTS (SELECT 1 FROM ai_messages m
                    WHERE m.user_id = habits.user_id AND m.event_key = 'habit_fail:' || habits.id || ':' || cal.last_week_key)
            ELSE
                habits.created_at < cal.today_starts
                AND (habits.frequency = 'daily' OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(habits.specific_days) AS d(name)
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
     * The cached streak may be stale: it is positive but the run's next due period has closed
     * ({@code StreakState.asOf} then reads 0). Only then can time alone change a cached streak.
     */
    static final String STALE_SQL = """
            (habits.current_streak > 0 AND habits.streak_next_due
                < CASE WHEN habits.frequency = 'per_week' THEN cal.week_start ELSE cal.today END)""";

    private static final Field<Boolean> MISSED = DSL.field(MISSED_SQL, SQLDataType.BOOLEAN);
    private static final Field<Boolean> STALE = DSL.field(STALE_SQL, SQLDataType.BOOLEAN);
    private static final Condition DUE = DSL.condition(MISSED).or(DSL.condition(STALE));

    private final Context ctx;
    private final JobMessages messages;
    private final int batchSize;
    private final int usersPerChunk;

    public MissedSweep(Context ctx, JobMessages messages, int batchSize, int usersPerChunk) {
        this.ctx = ctx;
        this.messages = messages;
        this.batchSize = batchSize;
        this.usersPerChunk = usersPerChunk;
    }

    public CoachJobResult run(Instant asOf) {
        long started = System.nanoTime();
        JobCalendars calendars = ctx.db().read(dsl -> JobCalendars.load(dsl, asOf));
        Totals totals = new Totals();
        if (!calendars.isEmpty()) {
            Table<?> cal = calendars.table();
            String after = null;
            do {
                String last = Jobs.chunkEnd(ctx, after, usersPerChunk);
                List<Record2<String, String>> due = candidates(cal, after, last);
                for (List<Record2<String, String>> ids : Jobs.batches(due, batchSize)) {
                    Batch batch = Jobs.withRetry("sweepMissed", () -> ctx.db().tx(cfg -> process(DSL.using(cfg),
                            calendars, cal, ids)));
                    totals.add(ids, batch);
                    LOG.debug("sweepMissed batch {}: {} habits, {} events, {} streaks refreshed", totals.batches,
                            batch.habits, batch.events, batch.streaks);
                }
                after = last;
            } while (after != null);
        }
        return new CoachJobResult("sweepMissed", asOf, totals.users, totals.habits, totals.events, totals.streaks,
                totals.batches, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The habits of the chunk's users that may need work, in (user, habit) order: one statement, no lock. */
    private List<Record2<String, String>> candidates(Table<?> cal, String after, String last) {
        return ctx.db().read(dsl -> dsl.select(HABITS.USER_ID, HABITS.ID)
                .from(USERS)
                .join(cal).on(JobCalendars.joinsUser())
                .join(HABITS).on(HABITS.USER_ID.eq(USERS.ID))
                .where(USERS.DELETED_AT.isNull()).and(Jobs.inChunk(after, last))
                .and(DUE)
                .orderBy(HABITS.USER_ID, HABITS.ID)
                .fetch());
    }

    private record Batch(int habits, int events, int streaks) {
    }

    private record Update(String userId, String habitId, int currentStreak) {
    }

    private Batch process(DSLContext dsl, JobCalendars calendars, Table<?> cal, List<Record2<String, String>> ids) {
        List<String> habitIds = ids.stream().map(Record2::value2).toList();
        List<String> userIds = ids.stream().map(Record2::value1).distinct().toList();
        // Lock first, in a global order; then read with a new snapshot that sees every entry committed
        // before the locks were granted (a later completion needs the habit's lock, so it waits).
        Jobs.lockHabits(ctx, dsl, ids);
        List<Field<?>> fields = new ArrayList<>(Jobs.HABIT_FIELDS);
        fields.addAll(List.of(USERS.LANGUAGE, USERS.SELECTED_PERSONALITY, USERS.TIMEZONE, USERS.DAY_START,
                USERS.FIRST_DAY_OF_WEEK, MISSED.as("missed")));
        var rows = dsl.select(fields)
                .from(HABITS)
                .join(USERS).on(USERS.ID.eq(HABITS.USER_ID)).and(USERS.DELETED_AT.isNull())
                .join(cal).on(JobCalendars.joinsUser())
                .where(HABITS.ID.in(habitIds)).and(USERS.ID.in(userIds)).and(DUE)
                .orderBy(HABITS.USER_ID, HABITS.ID)
                .fetch();
        List<JobMessages.Pending> events = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        for (Record row : rows) {
            HabitsRecord h = row.into(HABITS);
            DayOfWeek firstDay = row.get(USERS.FIRST_DAY_OF_WEEK);
            JobCalendars.Calendar calendar = calendars.of(row.get(USERS.TIMEZONE), row.get(USERS.DAY_START), firstDay);
            if (calendar == null) {
                continue; // the user changed zone since the calendars were read; the next run covers them
            }
            try {
                Schedule schedule = HabitRows.schedule(h, firstDay);
                StreakState state = HabitRows.state(h);
                int current = state.asOf(schedule, calendar.today()).current();
                if (current != h.getCurrentStreak()) {
                    updates.add(new Update(h.getUserId(), h.getId(), current));
                }
                if (Boolean.TRUE.equals(row.get("missed", Boolean.class))) {
                    events.add(missed(dsl, h, state, schedule, calendar, new JobMessages.Recipient(h.getUserId(),
                            row.get(USERS.SELECTED_PERSONALITY), row.get(USERS.LANGUAGE))));
                }
            } catch (HabitCoachException | IllegalArgumentException e) {
                // A row the rules cannot read (written by hand, say) must not stop everyone else's events.
                LOG.warn("sweepMissed skips habit {}: {}", h.getId(), e.getMessage());
            }
        }
        int raised = messages.insert(dsl, events,
                JobMessages.recentMessages(dsl, events.stream().map(e -> e.recipient().userId()).toList()));
        if (!updates.isEmpty()) {
            dsl.execute("UPDATE habits SET current_streak = v.current"
                            + " FROM (SELECT u.a AS user_id, u.b AS id, u.c AS current"
                            + " FROM unnest({0}::text[], {1}::text[], {2}::int[]) AS u(a, b, c)) AS v"
                            + " WHERE habits.user_id = v.user_id AND habits.id = v.id AND habits.current_streak <> v.current",
                    DSL.val(updates.stream().map(Update::userId).toArray(String[]::new), SQLDataType.VARCHAR.array()),
                    DSL.val(updates.stream().map(Update::habitId).toArray(String[]::new), SQLDataType.VARCHAR.array()),
                    DSL.val(updates.stream().map(Update::currentStreak).toArray(Integer[]::new),
                            SQLDataType.INTEGER.array()));
        }
        return new Batch(rows.size(), raised, updates.size());
    }

    private static JobMessages.Pending missed(DSLContext dsl, HabitsRecord h, StreakState state, Schedule schedule,
            JobCalendars.Calendar calendar, JobMessages.Recipient recipient) {
        boolean perWeek = h.getFrequency() == FrequencyType.PER_WEEK;
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
        boolean perWeek = h.getFrequency() == FrequencyType.PER_WEEK;
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
        HabitHistory upTo = HabitHistory.builder(schedule)
                .done(full.doneDates().stream().filter(d -> !d.isAfter(periodEnd)).toList())
                .skipped(full.skippedDates().stream().filter(d -> !d.isAfter(periodEnd)).toList())
                .pauses(full.pauses())
                .build();
        return Streaks.state(upTo).asOf(schedule, period).current();
    }

    private static final class Totals {
        int users;
        int habits;
        int events;
        int streaks;
        int batches;
        private String lastUser;

        void add(List<Record2<String, String>> ids, Batch batch) {
            for (Record2<String, String> id : ids) {
                if (!id.value1().equals(lastUser)) {
                    users++;
                    lastUser = id.value1();
                }
            }
            habits += batch.habits;
            events += batch.events;
            streaks += batch.streaks;
            batches++;
        }
    }
}
