package io.habitcoach.jooq.jobs.internal;

import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.UserDay;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendars of a batch of due work at one instant: one entry per distinct (time zone, day start,
 * first day of week) among its users, with that calendar's today, yesterday and weeks. The dates are computed in Java
 * by {@link UserDay} and {@link CalendarWeek}, exactly as the services compute a user's today, and handed
 * to SQL as one derived table {@code cal}; so the jobs need no per-user query, and PostgreSQL's own time
 * zone database (which may be older or newer than the JVM's) never decides a date.
 *
 * <p>A batch has at most a few hundred such calendars. A zone id the JVM does not know (written by hand
 * into the table) is logged and its users are left out rather than failing the run.
 */
final class JobCalendars {

    private static final Logger LOG = LoggerFactory.getLogger(JobCalendars.class);

    /** The columns of the derived table {@code cal}, in the order of {@link #table()}'s arrays. */
    private static final String COLUMNS = "timezone, day_start, fdow, today, yesterday, yesterday_name, yesterday_key, "
            + "today_starts, week_start, last_week_start, last_week_key, week_starts";

    /** One calendar: a zone, a day start and a first day of week, as of the run's instant. */
    record Calendar(String timezone, LocalTime dayStart, DayOfWeek firstDayOfWeek, UserDay userDay,
            LocalDate today) {

        public LocalDate yesterday() {
            return today.minusDays(1);
        }

        /** The week that contains today (open). */
        public CalendarWeek thisWeek() {
            return CalendarWeek.containing(today, firstDayOfWeek);
        }

        /** The latest week that has closed. */
        public CalendarWeek lastWeek() {
            return thisWeek().previous();
        }

        /** The instant at which today began: what was created before it existed yesterday. */
        public Instant todayStarts() {
            return userDay.startOf(today);
        }

        /** The instant at which this week began, i.e. at which the last week closed. */
        public Instant weekStarts() {
            return userDay.startOf(thisWeek().start());
        }
    }

    /** A user's calendar settings: what decides their dates. */
    record Key(String timezone, LocalTime dayStart, DayOfWeek firstDayOfWeek) {
    }

    private final Instant asOf;
    private final Map<Key, Calendar> byKey;

    private JobCalendars(Instant asOf, Map<Key, Calendar> byKey) {
        this.asOf = asOf;
        this.byKey = byKey;
    }

    /**
     * The calendars of the given settings (those of the users a batch of due work belongs to) at
     * {@code asOf}; no statement.
     */
    public static JobCalendars of(Collection<Key> keys, Instant asOf) {
        Map<Key, Calendar> calendars = new HashMap<>();
        for (Key key : keys) {
            if (calendars.containsKey(key)) {
                continue;
            }
            UserDay userDay;
            try {
                userDay = UserDay.of(key.timezone(), key.dayStart());
            } catch (HabitCoachException e) {
                LOG.warn("Coach jobs skip the users with time zone '{}': {}", key.timezone(), e.getMessage());
                continue;
            }
            calendars.put(key, new Calendar(key.timezone(), key.dayStart(), key.firstDayOfWeek(), userDay,
                    userDay.dateOf(asOf)));
        }
        return new JobCalendars(asOf, calendars);
    }

    public Instant asOf() {
        return asOf;
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    public int size() {
        return byKey.size();
    }

    public Collection<Calendar> all() {
        return byKey.values();
    }

    /** The calendar of a user row's settings, or null when its zone was skipped. */
    public Calendar of(String timezone, LocalTime dayStart, DayOfWeek firstDayOfWeek) {
        return byKey.get(new Key(timezone, dayStart, firstDayOfWeek));
    }

    /**
     * The derived table {@code cal} with the columns {@value #COLUMNS}: twelve array parameters,
     * whatever the number of calendars. Dates and instants travel as ISO text, which PostgreSQL reads
     * the same under every {@code DateStyle}; the keys ({@code yesterday_key}, {@code last_week_key}) are
     * the dates as the event keys spell them, so no SQL date formatting is involved either.
     */
    public Table<?> table() {
        List<Calendar> list = new ArrayList<>(byKey.values());
        int n = list.size();
        String[] zone = new String[n];
        String[] dayStart = new String[n];
        Integer[] fdow = new Integer[n];
        String[] today = new String[n];
        String[] yesterday = new String[n];
        String[] yesterdayName = new String[n];
        String[] todayStarts = new String[n];
        String[] weekStart = new String[n];
        String[] lastWeekStart = new String[n];
        String[] weekStarts = new String[n];
        for (int i = 0; i < n; i++) {
            Calendar c = list.get(i);
            zone[i] = c.timezone();
            dayStart[i] = c.dayStart().toString();
            fdow[i] = c.firstDayOfWeek().getValue();
            today[i] = c.today().toString();
            yesterday[i] = c.yesterday().toString();
            yesterdayName[i] = c.yesterday().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT);
            todayStarts[i] = c.todayStarts().toString();
            weekStart[i] = c.thisWeek().start().toString();
            lastWeekStart[i] = c.lastWeek().start().toString();
            weekStarts[i] = c.weekStarts().toString();
        }
        // Text arrays cast column by column in a subquery, not typed arrays in unnest's column list:
        // Citus ships a function scan to the workers with the arrays' element types, which it then
        // mistakes for the casts' (docs/scale-out.md).
        return DSL.table("(SELECT v.c0 AS timezone, CAST(v.c1 AS time) AS day_start, v.c2 AS fdow,"
                        + " CAST(v.c3 AS date) AS today, CAST(v.c4 AS date) AS yesterday, v.c5 AS yesterday_name,"
                        + " v.c4 AS yesterday_key, CAST(v.c6 AS timestamptz) AS today_starts,"
                        + " CAST(v.c7 AS date) AS week_start, CAST(v.c8 AS date) AS last_week_start,"
                        + " v.c8 AS last_week_key, CAST(v.c9 AS timestamptz) AS week_starts"
                        + " FROM unnest({0}::text[], {1}::text[], {2}::int[], {3}::text[], {4}::text[], {5}::text[],"
                        + " {6}::text[], {7}::text[], {8}::text[], {9}::text[])"
                        + " AS v(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9)) AS cal",
                text(zone), text(dayStart), DSL.val(fdow, SQLDataType.INTEGER.array()), text(today), text(yesterday),
                text(yesterdayName), text(todayStarts), text(weekStart), text(lastWeekStart), text(weekStarts));
    }

    /** Joins {@code cal} to the {@code users} row. */
    public static Condition joinsUser() {
        return DSL.condition("cal.timezone = {0} AND cal.day_start = {1} AND cal.fdow = {2}",
                USERS.TIMEZONE, USERS.DAY_START, USERS.FIRST_DAY_OF_WEEK.coerce(SQLDataType.INTEGER));
    }

    private static org.jooq.Param<String[]> text(String[] values) {
        return DSL.val(values, SQLDataType.VARCHAR.array());
    }
}
