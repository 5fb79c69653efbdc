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
     * After the user's zone, day start or first day of week changed (same transaction): the user's
     * weekly analysis and each of their habits that has an instant are due at the next run, which
     * times them in the new calendar. Each new value differs from the old one, so a run that read the
     * old one cannot claim it with an instant of the old calendar. The values are computed here and
     * written as values, row by row (a user has few habits; every statement names the user, a router
     * query on Citus, which refuses a STABLE function of a column in an UPDATE).
     */
    public static void calendarChanged(DSLContext dsl, UsersRecord user, Instant now) {
        OffsetDateTime weekly = user.getNextWeeklyAt();
        dsl.update(USERS).set(USERS.NEXT_WEEKLY_AT, dueNow(weekly, now))
                .where(USERS.ID.eq(user.getId())).and(weekly == null ? USERS.NEXT_WEEKLY_AT.isNull()
                        : USERS.NEXT_WEEKLY_AT.eq(weekly))
                .execute();
        for (var row : dsl.select(HABITS.ID, HABITS.NEXT_CHECK_AT).from(HABITS)
                .where(HABITS.USER_ID.eq(user.getId())).and(HABITS.NEXT_CHECK_AT.isNotNull()).fetch()) {
            dsl.update(HABITS).set(HABITS.NEXT_CHECK_AT, dueNow(row.value2(), now))
                    .where(HABITS.USER_ID.eq(user.getId())).and(HABITS.ID.eq(row.value1()))
                    .and(HABITS.NEXT_CHECK_AT.eq(row.value2()))
                    .execute();
        }
    }

    /** Due at the next run, and never the old value: {@code now}, or a microsecond before it when that was it. */
    private static OffsetDateTime dueNow(OffsetDateTime old, Instant now) {
        return utc(old != null && old.toInstant().equals(now) ? now.minusNanos(1_000) : now);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
