package io.habitcoach.jooq.internal;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static io.habitcoach.jooq.schema.Tables.HABIT_VERSIONS;

import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.ScheduleHistory;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.HabitStrength;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.jooq.habits.Completion;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.schema.tables.records.HabitCompletionsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.FrequencyType;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.DSLContext;
import org.jooq.Record2;

/** Mapping between habits rows and the core rules' types, and the full recomputation. */
public final class HabitRows {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HabitRows.class);

    /**
     * The habit columns the rules read: identity, schedule and the streak state ({@link #state},
     * {@link #schedule}), not the texts only a page shows. {@link #ruleColumns} reads them by position:
     * keep the two in the same order.
     */
    public static final List<Field<?>> RULE_COLUMNS = List.of(HABITS.ID, HABITS.USER_ID, HABITS.NAME,
            HABITS.FREQUENCY, HABITS.SPECIFIC_DAYS, HABITS.TIMES_PER_WEEK, HABITS.STATUS, HABITS.CREATED_AT,
            HABITS.CURRENT_STREAK, HABITS.LONGEST_STREAK, HABITS.TOTAL_COMPLETED, HABITS.COMPLETED_LAST_AT,
            HABITS.STREAK_RUN_LENGTH, HABITS.STREAK_RUN_START, HABITS.STREAK_RUN_END, HABITS.STREAK_NEXT_DUE,
            HABITS.STREAK_PREVIOUS_RUN_LENGTH, HABITS.STREAK_PREVIOUS_RUN_END, HABITS.STREAK_LAST_UNMET_WEEK,
            HABITS.STREAK_LAST_UNMET_WEEK_DONE, HABITS.STREAK_EXCUSED_THROUGH, HABITS.SCHEDULE_FROM);

    /**
     * The habit of a row whose first columns are {@link #RULE_COLUMNS}, in that order: read by position
     * into a detached record with no field marked changed. (jOOQ's {@code into(HABITS)} looks each
     * column up by name: a tenth of a first sweep's time, and of a completion's own CPU.)
     */
    public static HabitsRecord ruleColumns(Record r) {
        HabitsRecord h = new HabitsRecord()
                .setId((String) r.get(0)).setUserId((String) r.get(1)).setName((String) r.get(2))
                .setFrequency((FrequencyType) r.get(3)).setSpecificDays(daySet(r.get(4)))
                .setTimesPerWeek((Integer) r.get(5)).setStatus((HabitStatus) r.get(6))
                .setCreatedAt((OffsetDateTime) r.get(7)).setCurrentStreak((Integer) r.get(8))
                .setLongestStreak((Integer) r.get(9)).setTotalCompleted((Integer) r.get(10))
                .setCompletedLastAt((LocalDate) r.get(11)).setStreakRunLength((Integer) r.get(12))
                .setStreakRunStart((LocalDate) r.get(13)).setStreakRunEnd((LocalDate) r.get(14))
                .setStreakNextDue((LocalDate) r.get(15)).setStreakPreviousRunLength((Integer) r.get(16))
                .setStreakPreviousRunEnd((LocalDate) r.get(17)).setStreakLastUnmetWeek((LocalDate) r.get(18))
                .setStreakLastUnmetWeekDone((Integer) r.get(19)).setStreakExcusedThrough((LocalDate) r.get(20))
                .setScheduleFrom((LocalDate) r.get(21));
        h.changed(false);
        return h;
    }

    @SuppressWarnings("unchecked")
    private static Set<DayOfWeek> daySet(Object value) {
        return (Set<DayOfWeek>) value;
    }

    /**
     * How far back the strength score reads entries: Loop's smoothing forgets a day after this many
     * days to less than 1e-6 for every frequency (the slowest, once a week, keeps 0.98^730 ≈ 4e-7).
     */
    public static final int STRENGTH_HORIZON_DAYS = 730;

    private HabitRows() {
    }

    public static Frequency frequency(HabitsRecord h) {
        return Frequency.of(h.getFrequency(), h.getSpecificDays(), h.getTimesPerWeek());
    }

    public static Schedule schedule(HabitsRecord h, DayOfWeek firstDayOfWeek) {
        return Schedule.of(frequency(h), firstDayOfWeek);
    }

    /**
     * The habit's frequencies over time, the one place the streak rules get them from: a single span
     * while the frequency never changed ({@code schedule_from} NULL, no query), else one span per
     * version that changed it, from {@code habit_versions} (docs/rules.md, "Schedule changes").
     */
    public static ScheduleHistory schedules(DSLContext dsl, HabitsRecord h) {
        if (h.getScheduleFrom() == null) {
            return ScheduleHistory.of(frequency(h));
        }
        return schedules(h, dsl.select(HABIT_VERSIONS.SCHEDULE_FROM, HABIT_VERSIONS.FREQUENCY,
                        HABIT_VERSIONS.SPECIFIC_DAYS, HABIT_VERSIONS.TIMES_PER_WEEK).from(HABIT_VERSIONS)
                .where(HABIT_VERSIONS.USER_ID.eq(h.getUserId())).and(HABIT_VERSIONS.HABIT_ID.eq(h.getId()))
                .orderBy(HABIT_VERSIONS.VERSION)
                .fetch(v -> new java.util.AbstractMap.SimpleImmutableEntry<>(v.value1(),
                        Frequency.of(v.value2(), v.value3(), v.value4()))));
    }

    public static StreakState state(HabitsRecord h) {
        return new StreakState(h.getStreakRunLength(), h.getStreakRunStart(), h.getStreakRunEnd(),
                h.getStreakNextDue(), h.getLongestStreak(), h.getTotalCompleted(), h.getCompletedLastAt(),
                h.getStreakPreviousRunLength(), h.getStreakPreviousRunEnd(), h.getStreakLastUnmetWeek(),
                h.getStreakLastUnmetWeekDone(), h.getStreakExcusedThrough());
    }

    /**
     * The streak as of {@code today} from the row's state. A state whose columns disagree (edited by
     * hand: an import, a support fix) is not a reason for a read to fail: it reads the stored
     * counters as they are; the next write under the row's lock ({@link #healedState}) or
     * {@code habits().recompute} rebuilds them from the entries.
     */
    public static StreakSummary summary(HabitsRecord h, DayOfWeek firstDayOfWeek, LocalDate today) {
        StreakState state;
        try {
            state = state(h);
        } catch (IllegalArgumentException e) {
            LOG.warn("habit {}: its streak columns are inconsistent ({}); read as stored until a write recomputes them",
                    h.getId(), e.getMessage());
            int current = Math.max(0, nullToZero(h.getCurrentStreak()));
            return new StreakSummary(current, Math.max(current, nullToZero(h.getLongestStreak())),
                    Math.max(0, nullToZero(h.getTotalCompleted())), false);
        }
        return state.asOf(schedule(h, firstDayOfWeek), today);
    }

    /**
     * The row's state; when its columns disagree (edited by hand), first recomputed from the entries
     * and set on the record (the caller holds the row's lock and writes the record).
     */
    public static StreakState healedState(DSLContext dsl, HabitsRecord h, DayOfWeek firstDayOfWeek, LocalDate today) {
        try {
            return state(h);
        } catch (IllegalArgumentException e) {
            LOG.warn("habit {}: its streak columns were inconsistent ({}); recomputed from its entries", h.getId(),
                    e.getMessage());
            recompute(dsl, h, firstDayOfWeek, today);
            return state(h);
        }
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Stores {@code state} and the streak as of {@code today} in the row's cache columns. */
    public static void setState(HabitsRecord h, StreakState s, StreakSummary asOfToday) {
        h.setStreakRunLength(s.runLength());
        h.setStreakRunStart(s.runStart());
        h.setStreakRunEnd(s.runEnd());
        h.setStreakNextDue(s.nextDue());
        h.setLongestStreak(s.longest());
        h.setTotalCompleted(s.totalCompleted());
        h.setCompletedLastAt(s.lastDoneDate());
        h.setStreakPreviousRunLength(s.previousRunLength());
        h.setStreakPreviousRunEnd(s.previousRunEnd());
        h.setStreakLastUnmetWeek(s.lastUnmetWeek());
        h.setStreakLastUnmetWeekDone(s.lastUnmetWeekDone());
        h.setStreakExcusedThrough(s.excusedThrough());
        h.setCurrentStreak(asOfToday.current());
    }

    /**
     * The habit's whole history: every entry and every pause (the slow path), and for a habit whose
     * streak depends on the weeks, the owner's first days of the week over time ({@link WeekStarts}).
     */
    public static HabitHistory history(DSLContext dsl, HabitsRecord h, DayOfWeek firstDayOfWeek) {
        return history(dsl, h, firstDayOfWeek, null);
    }

    /** The habit's history from {@code since} on (all of it when null). */
    public static HabitHistory history(DSLContext dsl, HabitsRecord h, DayOfWeek firstDayOfWeek, LocalDate since) {
        var condition = HABIT_COMPLETIONS.HABIT_ID.eq(h.getId()).and(HABIT_COMPLETIONS.USER_ID.eq(h.getUserId()));
        if (since != null) {
            condition = condition.and(HABIT_COMPLETIONS.COMPLETED_DATE.ge(since));
        }
        List<LocalDate> done = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        for (Record2<LocalDate, EntryKind> e : dsl.select(HABIT_COMPLETIONS.COMPLETED_DATE, HABIT_COMPLETIONS.KIND)
                .from(HABIT_COMPLETIONS).where(condition).fetch()) {
            (e.value2() == EntryKind.DONE ? done : skipped).add(e.value1());
        }
        HabitHistory.Builder builder = HabitHistory.builder(schedule(h, firstDayOfWeek)).schedules(schedules(dsl, h))
                .done(done).skipped(skipped);
        if (since == null) {
            // the first days of the week the owner had, for the streak (one more query, per-week habits
            // only; not for the strength's recent history, which reads no weeks)
            builder.weekStarts(WeekStarts.forHabit(dsl, h, firstDayOfWeek));
        }
        dsl.select(HABIT_PAUSES.PAUSED_FROM, HABIT_PAUSES.RESUMED_ON).from(HABIT_PAUSES)
                .where(HABIT_PAUSES.HABIT_ID.eq(h.getId())).and(HABIT_PAUSES.USER_ID.eq(h.getUserId()))
                .forEach(p -> builder.paused(p.value1(), p.value2()));
        return builder.build();
    }

    /** Recomputes the state from the whole history and stores it in the row (not yet written). */
    public static StreakSummary recompute(DSLContext dsl, HabitsRecord h, DayOfWeek firstDayOfWeek, LocalDate today) {
        HabitHistory history = history(dsl, h, firstDayOfWeek);
        StreakState state = Streaks.state(history);
        StreakSummary summary = state.asOf(history.schedule(), today);
        setState(h, state, summary);
        return summary;
    }

    public static double strength(DSLContext dsl, HabitsRecord h, DayOfWeek firstDayOfWeek, LocalDate today) {
        HabitHistory recent = history(dsl, h, firstDayOfWeek, today.minusDays(STRENGTH_HORIZON_DAYS));
        return HabitStrength.score(recent, today);
    }

    public static Habit toHabit(HabitsRecord h, StreakSummary streak, double strength) {
        return new Habit(h.getId(), h.getName(), h.getDescription(), frequency(h), h.getPreferredTime(),
                h.getReminderEnabled(), h.getStatus(), streak, strength, h.getCompletedLastAt(), h.getCreatedAt(),
                h.getUpdatedAt());
    }

    /** An entry as the API hands it out. */
    public static Completion toCompletion(HabitCompletionsRecord r) {
        return new Completion(r.getId(), r.getHabitId(), r.getCompletedDate(), r.getKind(), r.getNotes(),
                r.getCreatedAt());
    }

    /**
     * {@link #schedules(DSLContext, HabitsRecord)} from versions already read (the cache rebuild job
     * reads a whole batch's versions in one statement): {@code versions} are the habit's
     * {@code (schedule_from, frequency)} in version order; not looked at while the row's
     * {@code schedule_from} is NULL (the frequency never changed).
     */
    public static ScheduleHistory schedules(HabitsRecord h, List<java.util.Map.Entry<LocalDate, Frequency>> versions) {
        ScheduleHistory history = ScheduleHistory.of(frequency(h));
        if (h.getScheduleFrom() == null) {
            return history;
        }
        boolean first = true;
        for (var v : versions) {
            if (first) {
                history = ScheduleHistory.of(v.getValue());
                first = false;
            } else if (!v.getValue().equals(history.current())) {
                history = history.then(v.getKey(), v.getValue());
            }
        }
        // the row is the truth for today's frequency (a version written by this transaction included)
        if (!history.current().equals(frequency(h))) {
            history = history.then(h.getScheduleFrom(), frequency(h));
        }
        return history.simplified();
    }
}
