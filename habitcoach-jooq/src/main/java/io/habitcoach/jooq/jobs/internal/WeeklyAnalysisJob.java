package io.habitcoach.jooq.jobs.internal;

import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.internal.WeekStarts;
import io.habitcoach.core.schedule.WeekStartHistory;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.StreakUnit;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.ScheduleHistory;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.PauseRange;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.core.streak.UserWeeklyReport;
import io.habitcoach.core.streak.WeeklyReport;
import io.habitcoach.jooq.jobs.CoachJobResult;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code weekly_analysis} job: for every live user whose latest closed week (by their first day of
 * week, zone and day start) has no analysis yet, builds core's {@link WeeklyReport} for each of their
 * habits and {@link UserWeeklyReport} across them, and stores one event keyed {@code weekly:<week start>}.
 *
 * <p>Only the users whose {@code next_weekly_at} has passed are read: pages of (by default)
 * {@link Jobs#USERS_PER_CHUNK} users, one range scan of a partial index each. Per batch of
 * {@code batchSize} of them, in user order, one read-only REPEATABLE READ transaction (a consistent
 * snapshot) finds which had a habit in the week and no analysis yet, and reads their habits, the entries
 * the reports need, the pauses and the recent messages (five statements, plus one in the rare case
 * below); one short transaction claims the batch's users (advances {@code next_weekly_at} to the close
 * of the week open at the run's instant, only where it still holds the value the scan read) and inserts
 * the analyses of the users it claimed, {@code ON CONFLICT DO NOTHING} on the unique
 * {@code (user_id, event_key)}, so overlapping runs store each analysis once.
 *
 * <p>Entries are read from a window, not from the beginning of time: the week's report needs the week
 * and the streaks at the end of it and of the week before, and the habit's stored {@link StreakState}
 * says where the runs that decide those streaks start ({@link #windowStart}). The window is checked
 * against the stored state ({@link #windowHolds}); in the rare case it does not hold (two runs ended in
 * the week, or a cache that disagrees with the entries), the habit's whole history is read instead. The
 * result is always what core computes over the whole history.
 */
public final class WeeklyAnalysisJob {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyAnalysisJob.class);

    /** The user had a habit before the week closed, and has no analysis of that week yet. */
    static final String DUE_SQL = """
            EXISTS (SELECT 1 FROM habits h
                WHERE h.user_id = users.id AND h.status <> 'archived' AND h.created_at < cal.week_starts)
            AND NOT EXISTS (SELECT 1 FROM ai_messages m
                WHERE m.user_id = users.id AND m.event_key = 'weekly:' || cal.last_week_key)""";

    private final Context ctx;
    private final JobMessages messages;
    private final int batchSize;
    private final int parallelism;
    private final int pageSize;

    private WeeklyAnalysisJob(Context ctx, JobMessages messages, int batchSize, int pageSize, int parallelism) {
        this.parallelism = parallelism;
        this.ctx = ctx;
        this.messages = messages;
        this.batchSize = batchSize;
        this.pageSize = pageSize;
    }

    public static WeeklyAnalysisJob create(Context ctx, JobMessages messages, int batchSize, int pageSize,
            int parallelism) {
        return new WeeklyAnalysisJob(ctx, messages, batchSize, pageSize, parallelism);
    }

    /** A due user and their calendar. */
    private record Due(JobMessages.Recipient recipient, JobCalendars.Calendar calendar) {
        String userId() {
            return recipient.userId();
        }
    }

    /** A user whose week has closed, as the scan read them (no lock). */
    private record Candidate(JobMessages.Recipient recipient, JobCalendars.Key key, OffsetDateTime nextWeeklyAt) {
        String userId() {
            return recipient.userId();
        }
    }

    private record Batch(int users, int habits, int events) {
    }

    public CoachJobResult run(Instant asOf) {
        long started = System.nanoTime();
        long scanNanos = 0;
        int due = 0;
        int users = 0;
        int habits = 0;
        int events = 0;
        int batches = 0;
        OffsetDateTime afterAt = null;
        String afterId = null;
        try (Jobs.Workers workers = new Jobs.Workers("weeklyAnalysis", parallelism)) {
            while (true) {
                long scanStarted = System.nanoTime();
                List<Candidate> page = scan(asOf, afterAt, afterId);
                scanNanos += System.nanoTime() - scanStarted;
                if (page.isEmpty()) {
                    break;
                }
                due += page.size();
                Candidate last = page.get(page.size() - 1);
                afterAt = last.nextWeeklyAt();
                afterId = last.userId();
                JobCalendars calendars = JobCalendars.of(page.stream().map(Candidate::key).toList(), asOf);
                Table<?> cal = calendars.table();
                List<Candidate> ordered = new ArrayList<>(page);
                ordered.sort(Comparator.comparing(Candidate::userId));
                List<Batch> done = workers.each(Jobs.batches(ordered, batchSize), candidates -> {
                    Batch batch = Jobs.withRetry("weeklyAnalysis", () -> process(calendars, cal, candidates));
                    LOG.debug("weeklyAnalysis batch: {} users due, {} analysed, {} habits, {} events",
                            candidates.size(), batch.users, batch.habits, batch.events);
                    return batch;
                });
                for (Batch batch : done) {
                    users += batch.users;
                    habits += batch.habits;
                    events += batch.events;
                    batches++;
                }
                if (page.size() < pageSize) {
                    break;
                }
            }
        }
        return new CoachJobResult("weeklyAnalysis", asOf, users, habits, events, 0, batches,
                Duration.ofNanos(System.nanoTime() - started), due, Duration.ofNanos(scanNanos));
    }

    /**
     * The next page of live users whose week has closed, in {@code (next_weekly_at, id)} order after the
     * given one: a range scan of the partial index {@code users_next_weekly_idx}.
     */
    private List<Candidate> scan(Instant asOf, OffsetDateTime afterAt, String afterId) {
        return ctx.db().replica(null, dsl -> dsl.select(USERS.ID, USERS.SELECTED_PERSONALITY, USERS.LANGUAGE, USERS.TIMEZONE,
                        USERS.DAY_START, USERS.FIRST_DAY_OF_WEEK, USERS.NEXT_WEEKLY_AT)
                .from(USERS)
                .where(USERS.DELETED_AT.isNull()).and(USERS.NEXT_WEEKLY_AT.le(DueInstants.utc(asOf)))
                .and(afterAt == null ? DSL.noCondition()
                        : DSL.row(USERS.NEXT_WEEKLY_AT, USERS.ID).gt(DSL.row(afterAt, afterId)))
                .orderBy(USERS.NEXT_WEEKLY_AT, USERS.ID)
                .limit(pageSize)
                .fetch(r -> new Candidate(new JobMessages.Recipient(r.value1(), r.value2(), r.value3()),
                        new JobCalendars.Key(r.value4(), r.value5(), r.value6()), r.value7())));
    }

    /**
     * Which of the candidates had a habit in the closed week and no analysis of it yet, and their
     * analyses, from one consistent snapshot (read-only); then one short transaction claims all the
     * candidates, by advancing their {@code next_weekly_at} to the close of the week that is open now
     * (only where it still holds the value the scan read), and inserts the analyses of the users it
     * claimed. A user another run claimed first, or who changed calendar meanwhile, is left to that run
     * or the next one.
     */
    private Batch process(JobCalendars calendars, Table<?> cal, List<Candidate> candidates) {
        String[] candidateIds = candidates.stream().map(Candidate::userId).toArray(String[]::new);
        Read read = ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            dsl.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Set<String> dueIds = new HashSet<>(dsl.select(USERS.ID).from(USERS)
                    .join(cal).on(JobCalendars.joinsUser())
                    .where(USERS.ID.eq(DSL.any(DSL.val(candidateIds, SQLDataType.VARCHAR.array()))))
                    .and(USERS.DELETED_AT.isNull())
                    .and(DSL.condition(DUE_SQL))
                    .fetch(USERS.ID));
            List<Due> due = new ArrayList<>();
            for (Candidate c : candidates) {
                if (dueIds.contains(c.userId())) {
                    due.add(new Due(c.recipient(), calendars.of(c.key().timezone(), c.key().dayStart(),
                            c.key().firstDayOfWeek())));
                }
            }
            return due.isEmpty() ? new Read(List.of(), Map.of(), 0) : read(dsl, due);
        });
        int n = candidates.size();
        String[] olds = new String[n];
        String[] nexts = new String[n];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            olds[i] = c.nextWeeklyAt().toString();
            JobCalendars.Calendar calendar = calendars.of(c.key().timezone(), c.key().dayStart(),
                    c.key().firstDayOfWeek());
            // A zone this JVM does not know: looked at again in an hour (and logged again).
            nexts[i] = (calendar == null ? calendars.asOf().plus(Duration.ofHours(1))
                    : DueInstants.weekCloses(calendar.userDay(), calendar.firstDayOfWeek(), calendars.asOf()))
                    .toString();
        }
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            // casts in a subquery, not typed arrays in unnest (a Citus bug, JobCalendars#table)
            Set<String> claimed = new HashSet<>(dsl.resultQuery("UPDATE users SET next_weekly_at = v.next"
                            + " FROM (SELECT u.a AS id, u.b::timestamptz AS old, u.c::timestamptz AS next"
                            + " FROM unnest({0}::text[], {1}::text[], {2}::text[]) AS u(a, b, c)) AS v"
                            + " WHERE users.id = v.id AND users.next_weekly_at = v.old RETURNING users.id",
                    text(candidateIds), text(olds), text(nexts)).fetch(0, String.class));
            List<JobMessages.Pending> mine = read.events.stream()
                    .filter(e -> claimed.contains(e.recipient().userId())).toList();
            int raised = messages.insert(dsl, mine, read.recent);
            return new Batch((int) candidates.stream().filter(c -> claimed.contains(c.userId())).count(),
                    read.habits, raised);
        });
    }

    private static org.jooq.Param<String[]> text(String[] values) {
        return DSL.val(values, SQLDataType.VARCHAR.array());
    }

    private record Read(List<JobMessages.Pending> events, Map<String, List<String>> recent, int habits) {
    }

    /** One habit in the batch, with where its entries are read from (null: the whole history). */
    private static final class Item {
        final HabitsRecord habit;
        final Due owner;
        final Schedule schedule;
        final ScheduleHistory schedules;
        final WeekStartHistory weekStarts;
        final StreakState state;
        LocalDate since;
        final List<LocalDate> done = new ArrayList<>();
        final List<LocalDate> skipped = new ArrayList<>();
        final List<PauseRange> pauses = new ArrayList<>();

        Item(HabitsRecord habit, Due owner, Schedule schedule, ScheduleHistory schedules, WeekStartHistory weekStarts,
             StreakState state, LocalDate since) {
            this.habit = habit;
            this.owner = owner;
            this.schedule = schedule;
            this.schedules = schedules;
            this.weekStarts = weekStarts;
            this.state = state;
            this.since = since;
        }

        HabitHistory.Builder history() {
            return HabitHistory.builder(schedule).schedules(schedules).weekStarts(weekStarts).done(done).skipped(skipped)
                    .pauses(pauses);
        }
    }

    private Read read(DSLContext dsl, List<Due> due) {
        Map<String, Due> byUser = new HashMap<>();
        due.forEach(d -> byUser.put(d.userId(), d));
        String[] userIds = byUser.keySet().toArray(String[]::new);
        Map<String, Item> items = new LinkedHashMap<>();
        // the first days of the week of the owners who ever changed theirs: one statement for the batch
        Map<String, String> weekStartChanges = dsl.select(USERS.ID, USERS.FIRST_DAY_OF_WEEK_HISTORY).from(USERS)
                .where(USERS.ID.eq(DSL.any(DSL.val(userIds, SQLDataType.VARCHAR.array()))))
                .and(USERS.FIRST_DAY_OF_WEEK_HISTORY.isNotNull())
                .fetchMap(USERS.ID, USERS.FIRST_DAY_OF_WEEK_HISTORY);
        for (HabitsRecord h : dsl.select(HabitRows.RULE_COLUMNS).from(HABITS)
                .where(HABITS.USER_ID.eq(DSL.any(DSL.val(userIds, SQLDataType.VARCHAR.array()))))
                .and(HABITS.STATUS.ne(HabitStatus.ARCHIVED))
                .orderBy(HABITS.USER_ID, HABITS.CREATED_AT, HABITS.ID)
                .fetch(HabitRows::ruleColumns)) {
            Due owner = byUser.get(h.getUserId());
            if (owner.calendar() == null || !h.getCreatedAt().toInstant().isBefore(owner.calendar().weekStarts())) {
                continue; // created after the week closed: not part of it
            }
            try {
                DayOfWeek firstDay = owner.calendar().firstDayOfWeek();
                Schedule schedule = HabitRows.schedule(h, firstDay);
                StreakState state = HabitRows.state(h);
                // the schedule's spans: a query only for a habit whose frequency changed
                items.put(h.getId(), new Item(h, owner, schedule, HabitRows.schedules(dsl, h),
                        WeekStarts.decode(firstDay, weekStartChanges.get(h.getUserId())), state,
                        windowStart(state, owner.calendar().lastWeek())));
            } catch (HabitCoachException | IllegalArgumentException e) {
                LOG.warn("weeklyAnalysis skips habit {}: {}", h.getId(), e.getMessage());
            }
        }
        readEntries(dsl, items.values(), false);
        String[] habitIds = items.keySet().toArray(String[]::new);
        dsl.select(HABIT_PAUSES.HABIT_ID, HABIT_PAUSES.PAUSED_FROM, HABIT_PAUSES.RESUMED_ON).from(HABIT_PAUSES)
                .where(HABIT_PAUSES.HABIT_ID.eq(DSL.any(DSL.val(habitIds, SQLDataType.VARCHAR.array()))))
                .forEach(p -> items.get(p.value1()).pauses.add(new PauseRange(p.value2(), p.value3())));
        // The window must reproduce the runs the report depends on; where it does not, read everything.
        List<Item> refetch = new ArrayList<>();
        for (Item item : items.values()) {
            if (item.since != null && !windowHolds(item.state, Streaks.state(item.history().build()),
                    item.owner.calendar().lastWeek())) {
                LOG.debug("weeklyAnalysis reads the whole history of habit {}", item.habit.getId());
                item.since = null;
                item.done.clear();
                item.skipped.clear();
                refetch.add(item);
            }
        }
        readEntries(dsl, refetch, true);
        if (LOG.isDebugEnabled()) {
            long whole = items.values().stream().filter(i -> i.since == null).count();
            LOG.debug("weeklyAnalysis read {} habits from a window, {} whole ({} after the window check failed)",
                    items.size() - whole, whole, refetch.size());
        }

        Map<String, List<Item>> perUser = new LinkedHashMap<>();
        items.values().forEach(i -> perUser.computeIfAbsent(i.owner.userId(), k -> new ArrayList<>()).add(i));
        List<JobMessages.Pending> events = new ArrayList<>();
        for (Map.Entry<String, List<Item>> user : perUser.entrySet()) {
            Due owner = user.getValue().get(0).owner;
            JobCalendars.Calendar calendar = owner.calendar();
            CalendarWeek week = calendar.lastWeek();
            List<String> names = new ArrayList<>();
            List<WeeklyReport> reports = new ArrayList<>();
            try {
                for (Item item : user.getValue()) {
                    LocalDate startDate = calendar.userDay().dateOf(item.habit.getCreatedAt().toInstant());
                    names.add(item.habit.getName());
                    reports.add(WeeklyReport.of(item.history().startDate(startDate).build(), week, calendar.today()));
                }
                events.add(new JobMessages.Pending(owner.recipient(), analysis(week, names, reports), null,
                        "weekly:" + week.start()));
            } catch (HabitCoachException | IllegalArgumentException e) {
                LOG.warn("weeklyAnalysis skips user {}: {}", user.getKey(), e.getMessage());
            }
        }
        Map<String, List<String>> recent = JobMessages.recentMessages(dsl, perUser.keySet());
        return new Read(events, recent, items.size());
    }

    /**
     * Reads the entries of {@code items} in one statement: each from its window start, or all of them
     * ({@code whole}).
     */
    private static void readEntries(DSLContext dsl, Collection<Item> items, boolean whole) {
        if (items.isEmpty()) {
            return;
        }
        Map<String, Item> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.habit.getId(), i));
        String[] ids = byId.keySet().toArray(String[]::new);
        String[] owners = new String[ids.length];
        String[] since = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Item item = byId.get(ids[i]);
            owners[i] = item.habit.getUserId();
            since[i] = whole || item.since == null ? "-infinity" : item.since.toString();
        }
        // One row per habit with entries, the days as epoch-day arrays, from an index range scan of
        // (user_id, habit_id, completed_date) per habit. A join grouped by the owner, not subqueries
        // per habit: on Citus every worker answers for its shards (docs/scale-out.md).
        for (Record e : dsl.resultQuery("SELECT e.habit_id,"
                        + " array_agg(e.completed_date - DATE '1970-01-01' ORDER BY e.completed_date),"
                        + " coalesce(array_agg(e.completed_date - DATE '1970-01-01' ORDER BY e.completed_date)"
                        + "   FILTER (WHERE e.kind = 'skipped'), '{}')"
                        // casts in a subquery, not typed arrays in unnest (a Citus bug, JobCalendars#table)
                        + " FROM (SELECT v.u AS user_id, v.h AS habit_id, CAST(v.s AS date) AS since"
                        + "   FROM unnest({0}::text[], {1}::text[], {2}::text[]) AS v(u, h, s)) AS w"
                        + " JOIN habit_completions e ON e.user_id = w.user_id AND e.habit_id = w.habit_id"
                        + "   AND e.completed_date >= w.since"
                        + " GROUP BY e.user_id, e.habit_id",
                DSL.val(owners, SQLDataType.VARCHAR.array()), DSL.val(ids, SQLDataType.VARCHAR.array()),
                DSL.val(since, SQLDataType.VARCHAR.array())).fetch()) {
            Item item = byId.get(e.get(0, String.class));
            Integer[] days = e.get(1, Integer[].class);
            Integer[] skipped = e.get(2, Integer[].class);
            addDays(item.skipped, skipped);
            Set<Integer> skips = new HashSet<>(Arrays.asList(skipped));
            for (Integer day : days) {
                if (!skips.contains(day)) {
                    item.done.add(LocalDate.ofEpochDay(day));
                }
            }
        }
    }

    private static void addDays(List<LocalDate> into, Integer[] epochDays) {
        if (epochDays != null) {
            for (Integer day : epochDays) {
                into.add(LocalDate.ofEpochDay(day));
            }
        }
    }

    /**
     * Where the entries that decide {@code week}'s report start, given the habit's state over its whole
     * history, or null when only the whole history will do. The report needs the week's entries and the
     * streaks when the week and the week before closed. The run that is latest when the week before
     * closes is the stored latest run if that had started by then (its start is known), else the run
     * before it if that had ended by then (its end and length are known, its start is estimated and
     * checked by {@link #windowHolds}); runs are decided by the entries from their start on, because the
     * unit before a run's start is unmet whatever came earlier.
     */
    static LocalDate windowStart(StreakState state, CalendarWeek week) {
        LocalDate weekStart = week.start();
        LocalDate weekBeforeEnd = weekStart.minusDays(1);
        if (state.runLength() == 0) {
            return weekStart;
        }
        if (!state.runStart().isAfter(weekBeforeEnd)) {
            return state.runStart();
        }
        if (state.previousRunLength() == 0) {
            return weekStart;
        }
        if (!state.previousRunEnd().isAfter(weekBeforeEnd)) {
            // A unit spans at most a week (one scheduled weekday, or a per-week habit's week); pauses and
            // skips inside the run can stretch it further, which windowHolds() catches.
            LocalDate estimate = state.previousRunEnd().minusDays(7L * state.previousRunLength() + 7);
            return estimate.isBefore(weekStart) ? estimate : weekStart;
        }
        return null;
    }

    /**
     * Whether entries from the window start on reproduce the runs {@link #windowStart} relied on: the
     * state over the window ({@code window}) has the stored state's latest run (start, end, length, next
     * due) and, when the latest run started after the week before closed, its previous run too.
     */
    static boolean windowHolds(StreakState full, StreakState window, CalendarWeek week) {
        if (full.runLength() == 0) {
            return window.runLength() == 0;
        }
        boolean latest = full.runLength() == window.runLength() && full.runStart().equals(window.runStart())
                && full.runEnd().equals(window.runEnd()) && Objects.equals(full.nextDue(), window.nextDue());
        if (!latest) {
            return false;
        }
        if (!full.runStart().isAfter(week.start().minusDays(1))) {
            return true;
        }
        return full.previousRunLength() == window.previousRunLength()
                && Objects.equals(full.previousRunEnd(), window.previousRunEnd());
    }

    /**
     * The coach event for a user's week, from core's reports of their habits (in display order):
     * {@code scheduled} is the periods that were due (skipped days excluded), {@code skipped} and {@code missed} the reports' sums; {@code done} counts
     * what was done towards the schedule, so a per-week habit's done days count up to its weekly target
     * (a fourth run in a three-a-week habit is not a fourth scheduled period), which keeps
     * {@code done <= scheduled}; the rate is done over scheduled (0 when nothing was scheduled); the best
     * and worst weekdays are {@link UserWeeklyReport}'s; a habit gets a line when it had something
     * scheduled, with its streak when the week closed.
     */
    /**
     * The periods that were really due: a skipped day is not scheduled (rules.md section 3), and for a
     * per-week habit each skip lowers the week's target by one, down to one.
     */
    private static int due(WeeklyReport report) {
        if (report.scheduled() == 0) {
            return 0;
        }
        return report.frequency() == FrequencyType.PER_WEEK
                ? Math.max(1, report.scheduled() - report.skipped())
                : Math.max(0, report.scheduled() - report.skipped());
    }

    public static CoachEvent.WeeklyAnalysis analysis(CalendarWeek week, List<String> habitNames,
            List<WeeklyReport> reports) {
        UserWeeklyReport user = UserWeeklyReport.of(week, reports);
        int scheduled = 0;
        int done = 0;
        int skipped = 0;
        int missed = 0;
        List<CoachEvent.WeeklyAnalysis.HabitLine> lines = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            WeeklyReport report = reports.get(i);
            int due = due(report);
            int credited = Math.min(report.done(), due);
            scheduled += due;
            done += credited;
            skipped += report.skipped();
            missed += report.missed();
            if (due > 0) {
                lines.add(new CoachEvent.WeeklyAnalysis.HabitLine(habitNames.get(i), credited, due,
                        report.streakAtWeekEnd(),
                        report.frequency() == FrequencyType.PER_WEEK ? StreakUnit.WEEKS : StreakUnit.DAYS));
            }
        }
        double rate = scheduled == 0 ? 0.0 : (double) done / scheduled;
        return new CoachEvent.WeeklyAnalysis(week.start(), scheduled, done, skipped, missed, rate,
                user.bestDay().orElse(null), user.worstDay().orElse(null), lines);
    }
}
