package io.habitcoach.jooq.reminders;

import io.habitcoach.jooq.HabitCoach;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.reminders.internal.ReminderSql;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which habit reminders fall in a time window, for a host's push-notification worker: call
 * {@link #remindersDue(Instant, Instant)} with consecutive windows (e.g. every minute with
 * {@code [previous end, now)}) and send what it returns. See {@code docs/reminders-and-search.md}.
 *
 * <p>A habit's reminder is due on a user's day when the habit is {@code active}, has
 * {@code reminder_enabled} and a {@code preferred_time}, its owner is not deleted, the day is scheduled
 * ({@code daily}: every day; {@code specific_days}: the listed weekdays; {@code per_week}: every day
 * until that calendar week holds {@code times_per_week} done days), and the day has no entry yet (done
 * or skipped). It fires at the preferred time on that day in the user's zone; a preferred time before
 * the user's day start belongs to the end of the user's day, so it fires on the next calendar date.
 * On DST days a skipped time fires at the first instant after the gap, and a repeated time fires at its
 * first occurrence only: every (habit, day) is due exactly once over consecutive windows.
 *
 * <p>Obtain it from {@link HabitCoach#reminders()}.
 */
public final class ReminderService {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);

    /** The longest window {@link #remindersDue(Instant, Instant)} accepts. */
    public static final Duration MAX_WINDOW = Duration.ofDays(1);

    // what PostgreSQL's timestamptz and the local dates around it can hold, with room to spare
    private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

    private final Context ctx;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public ReminderService(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Every reminder whose send instant lies in {@code [from, to)}, of every user, ordered by send
     * instant (then user and habit). One SQL statement, however many users and zones.
     *
     * @throws InvalidInputException unless {@code from < to}, the window is at most {@link #MAX_WINDOW}, and
     *                               {@code from} lies between the years 1 and 9999
     */
    public List<DueReminder> remindersDue(Instant from, Instant to) {
        InvalidInputException.requirePresent(from, "from");
        InvalidInputException.requirePresent(to, "to");
        InvalidInputException.require(!from.isBefore(EARLIEST) && from.isBefore(LATEST), "from",
                "an instant from " + EARLIEST + " to " + LATEST + ", got " + from);
        InvalidInputException.require(from.isBefore(to), "to", "after from (" + from + "), got " + to);
        InvalidInputException.require(Duration.between(from, to).compareTo(MAX_WINDOW) <= 0, "to",
                "at most " + MAX_WINDOW.toHours() + " hours after from (" + from + "), got " + to);
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        Result<Record> rows = ctx.db().read(dsl -> dsl.resultQuery(
                ctx.db().citus() ? ReminderSql.DUE_DISTRIBUTED : ReminderSql.DUE, DSL.val(start), DSL.val(end))
                .fetch());
        List<DueReminder> due = new ArrayList<>(rows.size());
        for (Record r : rows) {
            String userId = r.get("user_id", String.class);
            String zone = r.get("timezone", String.class);
            ZoneId zoneId;
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                // only a zone written behind the services' back gets here; it must not stop the others
                LOG.warn("reminder of user {} skipped: zone {} is unknown to java.time", userId, zone);
                continue;
            }
            due.add(new DueReminder(userId, r.get("habit_id", String.class), r.get("habit_name", String.class),
                    r.get("local_date", LocalDate.class), r.get("send_at", OffsetDateTime.class).toInstant(), zoneId,
                    r.get("language", String.class)));
        }
        return due;
    }
}
