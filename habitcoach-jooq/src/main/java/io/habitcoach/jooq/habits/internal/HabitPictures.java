package io.habitcoach.jooq.habits.internal;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;
import static io.habitcoach.jooq.schema.Tables.USERS;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.core.streak.HabitCalendar;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.HabitStrength;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;

/**
 * The data behind a habit's pictures (calendar heat map, strength chart): the habit, its owner and the
 * entries and pauses of the range, read in one statement (plus one for the schedule versions of a
 * habit whose frequency changed); the states come from core's rules.
 */
public final class HabitPictures {

    private final Context ctx;

    private HabitPictures(Context ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    public static HabitPictures create(Context ctx) {
        return new HabitPictures(ctx);
    }

    /** One habit's calendar from {@code from} to {@code to}, as of the user's today. */
    public HabitCalendar calendar(String userId, String habitId, LocalDate from, LocalDate to) {
        HabitCalendar.checkRange(from, to);
        Loaded loaded = load(userId, habitId, null, from, to);
        return HabitCalendar.of(loaded.history(), from, to, loaded.today());
    }

    /** One habit's daily strength score from {@code from} to {@code to}. */
    public List<HabitStrength.DailyScore> strengthHistory(String userId, String habitId, LocalDate from, LocalDate to) {
        HabitCalendar.checkRange(from, to);
        // The score of a day reads at most the horizon before it: older entries change nothing.
        Loaded loaded = load(userId, habitId, from.minusDays(HabitRows.STRENGTH_HORIZON_DAYS), from, to);
        return HabitStrength.series(loaded.history(), from, to);
    }

    /**
     * The last {@code days} days (ending today) of each of the user's active habits, oldest habit
     * first, in one statement: what a home screen draws for all habits at once.
     */
    public Map<String, HabitCalendar> recentDays(String userId, int days) {
        InvalidInputException.require(days >= 1 && days <= 31, "days",
                "1 to 31 days (7 or 30 for a home screen), got " + days);
        // Each user's today is within a day and a half of the UTC date (zones, day start); entries from
        // the start of the oldest week the range touches, since a per-week habit judges whole weeks.
        LocalDate lo = LocalDate.ofInstant(ctx.clock().instant(), java.time.ZoneOffset.UTC).minusDays(days + 9L);
        List<Loaded> rows = ctx.db().read(dsl -> dsl.select(HABITS.asterisk(), USERS.asterisk(),
                        entries(HABIT_COMPLETIONS.COMPLETED_DATE.ge(lo)), pauses())
                .from(HABITS).join(USERS).on(USERS.ID.eq(HABITS.USER_ID))
                .where(HABITS.USER_ID.eq(Objects.requireNonNullElse(userId, ""))).and(USERS.DELETED_AT.isNull())
                .and(HABITS.STATUS.eq(HabitStatus.ACTIVE))
                .orderBy(HABITS.CREATED_AT, HABITS.ID)
                .fetch(row -> loaded(dsl, row)));
        Map<String, HabitCalendar> result = new LinkedHashMap<>();
        for (Loaded loaded : rows) {
            LocalDate to = loaded.today();
            result.put(loaded.habit().getId(), HabitCalendar.of(loaded.history(), to.minusDays(days - 1L), to, to));
        }
        return result;
    }

    private record Loaded(HabitsRecord habit, UsersRecord user, HabitHistory history, LocalDate today) {
    }

    private Loaded load(String userId, String habitId, LocalDate entriesFrom, LocalDate from, LocalDate to) {
        // The week containing `from` may start up to six days before it, in any first day of week.
        LocalDate lo = entriesFrom != null ? entriesFrom : from.minusDays(6);
        Loaded loaded = ctx.db().read(dsl -> {
            Record row = dsl.select(HABITS.asterisk(), USERS.asterisk(),
                            entries(HABIT_COMPLETIONS.COMPLETED_DATE.between(lo, to.plusDays(6))), pauses())
                    .from(HABITS).join(USERS).on(USERS.ID.eq(HABITS.USER_ID))
                    .where(HABITS.ID.eq(Objects.requireNonNullElse(habitId, "")))
                    .and(HABITS.USER_ID.eq(Objects.requireNonNullElse(userId, "")))
                    .and(USERS.DELETED_AT.isNull())
                    .fetchOne();
            return row == null ? null : loaded(dsl, row);
        });
        if (loaded == null) {
            throw new NotFoundException("habit", String.valueOf(habitId));
        }
        return loaded;
    }

    /** The row as core's history; a habit whose schedule changed reads its versions (a second statement). */
    private Loaded loaded(org.jooq.DSLContext dsl, Record row) {
        HabitsRecord h = row.into(HABITS);
        UsersRecord user = row.into(USERS);
        UserDay userDay = Days.userDay(user);
        DayOfWeek firstDay = user.getFirstDayOfWeek();
        HabitHistory.Builder history = HabitHistory.builder(HabitRows.schedule(h, firstDay))
                .schedules(HabitRows.schedules(dsl, h))
                .startDate(userDay.dateOf(h.getCreatedAt().toInstant()));
        for (Record2<LocalDate, EntryKind> e : row.get("entries", ENTRIES_TYPE)) {
            if (e.value2() == EntryKind.DONE) {
                history.done(e.value1());
            } else {
                history.skipped(e.value1());
            }
        }
        for (Record2<LocalDate, LocalDate> p : row.get("pauses", PAUSES_TYPE)) {
            history.paused(p.value1(), p.value2());
        }
        return new Loaded(h, user, history.build(), userDay.today(ctx.clock()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<Result<Record2<LocalDate, EntryKind>>> ENTRIES_TYPE = (Class) Result.class;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<Result<Record2<LocalDate, LocalDate>>> PAUSES_TYPE = (Class) Result.class;

    private static Field<Result<Record2<LocalDate, EntryKind>>> entries(Condition range) {
        return multiset(select(HABIT_COMPLETIONS.COMPLETED_DATE, HABIT_COMPLETIONS.KIND).from(HABIT_COMPLETIONS)
                .where(HABIT_COMPLETIONS.USER_ID.eq(HABITS.USER_ID)).and(HABIT_COMPLETIONS.HABIT_ID.eq(HABITS.ID))
                .and(range)).as("entries");
    }

    private static Field<Result<Record2<LocalDate, LocalDate>>> pauses() {
        return multiset(select(HABIT_PAUSES.PAUSED_FROM, HABIT_PAUSES.RESUMED_ON).from(HABIT_PAUSES)
                .where(HABIT_PAUSES.USER_ID.eq(HABITS.USER_ID)).and(HABIT_PAUSES.HABIT_ID.eq(HABITS.ID))).as("pauses");
    }
}
