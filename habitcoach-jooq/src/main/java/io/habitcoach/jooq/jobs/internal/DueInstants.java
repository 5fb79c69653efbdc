package io.habitcoach.jooq.jobs.internal;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * When the coach jobs must next look at a habit ({@code habits.next_check_at}) or a user
 * ({@code users.next_weekly_at}). The services call these in the same transaction (and mostly the same
 * statement) that changes a habit or its owner's calendar; the jobs call them to advance what they
 * checked. The jobs then find their work with {@code WHERE next_check_at <= now} through an index, so an
 * idle user costs nothing.
 *
 * <p>What keeps a period from being forgotten: an instant that has passed (a closed period waiting for
 * the job) is only ever moved by the job that looks at it; a change of the owner's calendar makes the
 * instants due at once rather than guessing them; and a look that comes early is harmless (it finds
 * nothing and sets the right instant). A look advances the instant past the period it looked at, so no
 * period is looked at twice.
 */
public final class DueInstants {

    /** "Due at the next run, whatever the clock": the column default, for rows written by other paths. */
    public static final OffsetDateTime AT_ONCE = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private DueInstants() {
    }

    /**
     * The first instant after {@code now} at which the habit needs a look: the close of its current
     * scheduled period if it is active (today; the first scheduled day from today; this week), and the
     * close of the period its cached streak waits for ({@code streak_next_due}) if the streak is
     * positive, whichever is earlier; null when neither exists (an archived habit without a streak).
     */
    public static Instant nextCheck(HabitStatus status, Schedule schedule, int currentStreak, LocalDate streakNextDue,
            UserDay userDay, Instant now) {
        LocalDate today = userDay.dateOf(now);
        boolean perWeek = schedule.frequency().type() == FrequencyType.PER_WEEK;
        DayOfWeek firstDay = schedule.firstDayOfWeek();
        Instant next = null;
        if (status == HabitStatus.ACTIVE) {
            // The first scheduled period from today whose close is still ahead. Only in a DST overlap
            // that repeats the day start can today's close already lie behind (core's today steps back
            // for the repeated part of the hour); then the next period is the one to wait for.
            if (perWeek) {
                CalendarWeek week = CalendarWeek.containing(today, firstDay);
                next = userDay.startOf(week.end().plusDays(1));
                if (!next.isAfter(now)) {
                    next = userDay.startOf(week.next().end().plusDays(1));
                }
            } else {
                LocalDate day = today;
                while (!schedule.frequency().countsOn(day.getDayOfWeek())
                        || !userDay.startOf(day.plusDays(1)).isAfter(now)) {
                    day = day.plusDays(1);   // a specific-days habit has at least one day: a few steps
                }
                next = userDay.startOf(day.plusDays(1));
            }
        }
        if (currentStreak > 0 && streakNextDue != null) {
            LocalDate unitEnd = perWeek ? CalendarWeek.containing(streakNextDue, firstDay).end() : streakNextDue;
            Instant stale = userDay.startOf(unitEnd.plusDays(1));
            if (stale.isAfter(now) && (next == null || stale.isBefore(next))) {
                next = stale;
            }
        }
        return next;
    }

    /** {@link #nextCheck(HabitStatus, Schedule, int, LocalDate, UserDay, Instant)} of a habit row. */
    public static Instant nextCheck(HabitsRecord h, UserDay userDay, DayOfWeek firstDayOfWeek, Instant now) {
        int streak = h.getCurrentStreak() == null ? 0 : h.getCurrentStreak();   // null in a new record
        return nextCheck(h.getStatus(), HabitRows.schedule(h, firstDayOfWeek), streak,
                h.getStreakNextDue(), userDay, now);
    }

    /**
     * What a service stores in {@code next_check_at} after changing the habit (its creation, schedule or
     * status, with the streak caches already recomputed): the new instant, unless a period has closed
     * and is still waiting for the job ({@code next_check_at <= now}), which keeps its place.
     */
    public static OffsetDateTime forHabit(HabitsRecord h, UsersRecord owner, Instant now) {
        OffsetDateTime current = h.getNextCheckAt();
        if (current != null && !current.toInstant().isAfter(now)) {
            return current;
        }
        return utc(nextCheck(h, Days.userDay(owner), owner.getFirstDayOfWeek(), now));
    }

    /** The instant at which the week that contains {@code now} closes in the user's calendar. */
    public static Instant weekCloses(UserDay userDay, DayOfWeek firstDayOfWeek, Instant now) {
        return userDay.startOf(CalendarWeek.containing(userDay.dateOf(now), firstDayOfWeek).end().plusDays(1));
    }

    /**
     * The value of {@code users.next_weekly_at} when the user's zone, day start or first day of week
     * changes: due at the next run, which times it in the new calendar. Always a different value than
     * before, so a run that read the old one cannot claim the user with an instant of the old calendar.
     */
    public static Field<OffsetDateTime> weeklyOnCalendarChange(Instant now) {
        return DSL.least(DSL.field("{0} - interval '1 microsecond'", SQLDataType.TIMESTAMPWITHTIMEZONE,
                USERS.NEXT_WEEKLY_AT), DSL.val(utc(now)));
    }

    /**
     * After the user's zone, day start or first day of week changed (same transaction): each of their
     * habits that has an instant is due at the next run, which times it in the new calendar. One
     * statement on the user's habits; the new value always differs from the old one (see
     * {@link #weeklyOnCalendarChange}).
     */
    public static void calendarChanged(DSLContext dsl, String userId, Instant now) {
        dsl.update(HABITS)
                .set(HABITS.NEXT_CHECK_AT, DSL.least(DSL.field("{0} - interval '1 microsecond'",
                        SQLDataType.TIMESTAMPWITHTIMEZONE, HABITS.NEXT_CHECK_AT), DSL.val(utc(now))))
                .where(HABITS.USER_ID.eq(userId)).and(HABITS.NEXT_CHECK_AT.isNotNull())
                .execute();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
