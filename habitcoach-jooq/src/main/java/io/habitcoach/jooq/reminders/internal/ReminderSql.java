package io.habitcoach.jooq.reminders.internal;

/**
 * The one statement behind {@code ReminderService.remindersDue}: {@code {0}} is the window's start,
 * {@code {1}} its end (both {@code timestamptz}, end exclusive). docs/reminders-and-search.md walks
 * through it.
 *
 * <p>Nothing here computes every habit's local time. The zones that have reminders are few (read with
 * a loose index scan of {@code habits_reminder_idx} over {@code habits.user_timezone}, the owner's
 * zone kept on each habit by the services, and NULL for a zone the server does not know); for each zone the window becomes a wall-clock
 * range, i.e. one or two calendar dates each with an {@code HH:MM} range, and only the habits of that
 * zone with a {@code preferred_time} in that range are read, by one index range scan each. The exact
 * instant is computed for those candidates only and checked against the window: by plain arithmetic
 * when the zone's offset does not change from a day before the window to its end (all but the DST
 * nights), else by {@code habitcoach_local_instant} (DST gaps and overlaps). The schedule and the
 * day's entry are checked last.
 *
 * <p>Why a zone's wall-clock range is {@code [from + min offset, to + max offset)}, the offsets read just
 * before {@code from} and just before {@code to}: a reminder whose instant {@code i} is in the window
 * reads {@code i + offset(i)} on the wall clock, inside that range; a time skipped by a gap fires at the
 * transition {@code T} and lies in {@code [T + offset before T, T + offset after T)}, also inside it
 * (hence "just before {@code from}": a transition exactly at {@code from}). A window of at most a day
 * holds at most one transition of a zone.
 *
 * <p>The {@code OFFSET 0} subqueries keep PostgreSQL from flattening them: its estimate for "habits of
 * a zone in an {@code HH:MM} range" is generic and can make it scan all habits in a hash join, while
 * one index range scan per (zone, date) and one primary-key probe per candidate are what is wanted.
 * {@code candidates} is materialized so that each candidate's instant is computed once.
 */
public final class ReminderSql {

    private ReminderSql() {
    }

    /**
     * The part both forms of the statement share: the window's bounds, each zone's wall-clock range
     * ({@code walls}) and the local dates and minute ranges to look at ({@code slots}).
     */
    private static final String WINDOW_SLOTS = """
            bounds AS (
              SELECT CAST({0} AS timestamptz) AS w_from, CAST({1} AS timestamptz) AS w_to
            ),
            walls AS MATERIALIZED (
              SELECT z.tz,
                     (b.w_from AT TIME ZONE 'UTC') + least(o.off_from, o.off_to) AS lo,
                     (b.w_to AT TIME ZONE 'UTC') + greatest(o.off_from, o.off_to) AS hi,
                     -- no offset change from a day before the window to its end: every wall-clock time
                     -- in the range exists once, at wall time - offset (no DST arithmetic per habit)
                     o.off_day_before = o.off_from AND o.off_from = o.off_to AS steady,
                     o.off_from
              FROM zones z
              CROSS JOIN bounds b
              CROSS JOIN LATERAL (
                SELECT ((b.w_from - interval '1 microsecond') AT TIME ZONE z.tz)
                         - ((b.w_from - interval '1 microsecond') AT TIME ZONE 'UTC') AS off_from,
                       ((b.w_to - interval '1 microsecond') AT TIME ZONE z.tz)
                         - ((b.w_to - interval '1 microsecond') AT TIME ZONE 'UTC') AS off_to,
                       ((b.w_from - interval '1 day') AT TIME ZONE z.tz)
                         - ((b.w_from - interval '1 day') AT TIME ZONE 'UTC') AS off_day_before
              ) o
              WHERE z.tz IS NOT NULL
            ),
            slots AS MATERIALIZED (
              -- per zone and calendar date: preferred times p with from_time <= p < to_time
              SELECT w.tz, CAST(d.day AS date) AS calendar_date,
                     CASE WHEN w.steady THEN (d.day - w.off_from) AT TIME ZONE 'UTC' END AS steady_midnight,
                     CASE WHEN d.first_minute >= d.day + interval '1 day' THEN '24:00'
                          ELSE to_char(d.first_minute, 'HH24:MI') END AS from_time,
                     CASE WHEN d.end_minute >= d.day + interval '1 day' THEN '24:00'
                          ELSE to_char(d.end_minute, 'HH24:MI') END AS to_time
              FROM walls w
              CROSS JOIN LATERAL (
                SELECT c.day,
                       date_trunc('minute', greatest(w.lo, c.day) + interval '1 minute' - interval '1 microsecond')
                         AS first_minute,
                       date_trunc('minute', w.hi + interval '1 minute' - interval '1 microsecond') AS end_minute
                FROM (SELECT date_trunc('day', w.lo) + k * interval '1 day' AS day
                      FROM (VALUES (0), (1), (2)) AS v (k)) c
                WHERE c.day < w.hi
              ) d
            ),
            """;

    public static final String DUE = """
            WITH RECURSIVE zones (tz) AS (
                (SELECT h.user_timezone FROM habits h
                 WHERE h.reminder_enabled AND h.status = 'active' AND h.preferred_time IS NOT NULL
                   AND h.user_timezone IS NOT NULL
                 ORDER BY h.user_timezone LIMIT 1)
              UNION ALL
                SELECT (SELECT h.user_timezone FROM habits h
                        WHERE h.reminder_enabled AND h.status = 'active' AND h.preferred_time IS NOT NULL
                          AND h.user_timezone > z.tz
                        ORDER BY h.user_timezone LIMIT 1)
                FROM zones z WHERE z.tz IS NOT NULL
            ),
            """ + WINDOW_SLOTS + """
            candidates AS MATERIALIZED (
              SELECT u.id AS user_id, h.id AS habit_id, h.name AS habit_name, u.timezone, u.language,
                     h.frequency, h.specific_days, h.times_per_week, u.first_day_of_week,
                     CASE WHEN CAST(h.preferred_time AS time) < u.day_start THEN s.calendar_date - 1
                          ELSE s.calendar_date END AS local_date,
                     CASE WHEN s.steady_midnight IS NOT NULL
                          THEN s.steady_midnight + CAST(CAST(h.preferred_time AS time) AS interval)
                          ELSE habitcoach_local_instant(s.calendar_date + CAST(h.preferred_time AS time), u.timezone)
                     END AS send_at
              FROM slots s
              CROSS JOIN LATERAL (
                SELECT h.id, h.user_id, h.name, h.preferred_time, h.frequency, h.specific_days, h.times_per_week
                FROM habits h
                WHERE h.user_timezone = s.tz
                  AND (h.preferred_time COLLATE "C") >= s.from_time AND (h.preferred_time COLLATE "C") < s.to_time
                  AND h.reminder_enabled AND h.status = 'active' AND h.preferred_time IS NOT NULL
                OFFSET 0
              ) h
              CROSS JOIN LATERAL (
                SELECT u.id, u.timezone, u.language, u.first_day_of_week, u.day_start
                FROM users u
                WHERE u.id = h.user_id AND u.deleted_at IS NULL AND u.timezone = s.tz
                OFFSET 0
              ) u
            ),
            due AS (
              SELECT c.*, c.local_date - ((CAST(extract(isodow FROM c.local_date) AS int) - c.first_day_of_week + 7) % 7)
                       AS week_start,
                     -- specific_days holds English names as the seed writes them ("Monday"); any case is read
                     (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
                       [CAST(extract(isodow FROM c.local_date) AS int)] AS day_name
              FROM candidates c CROSS JOIN bounds b
              WHERE c.send_at >= b.w_from AND c.send_at < b.w_to
            )
            SELECT d.user_id, d.habit_id, d.habit_name, d.local_date, d.send_at, d.timezone, d.language
            FROM due d
            WHERE (d.frequency <> 'specific_days'
                   OR jsonb_exists_any(d.specific_days, ARRAY[d.day_name, lower(d.day_name), upper(d.day_name)]))
              AND NOT EXISTS (SELECT 1 FROM habit_completions e
                              WHERE e.habit_id = d.habit_id AND e.user_id = d.user_id
                                AND e.completed_date = d.local_date)
              AND (d.frequency <> 'per_week'
                   OR (SELECT count(*) FROM habit_completions e
                       WHERE e.habit_id = d.habit_id AND e.user_id = d.user_id AND e.kind = 'done'
                         AND e.completed_date BETWEEN d.week_start AND d.week_start + 6) < d.times_per_week)
            ORDER BY d.send_at, d.user_id, d.habit_id
            """;

    /**
     * {@link #DUE} for a database distributed by Citus (docs/scale-out.md), which refuses two of its
     * devices: the recursive CTE (the loose index scan for the zones) and the {@code OFFSET 0}
     * fences in lateral subqueries. Here the zones are a {@code DISTINCT} that every worker answers
     * from its shards' reminder index in parallel, and the candidates are one join of the slots (an
     * intermediate result sent to every worker) with habits and users, colocated and joined on the
     * user's id, so that the whole rest, the entry checks included, runs on the shards. Same
     * parameters, same rows.
     */
    public static final String DUE_DISTRIBUTED = """
            WITH zones (tz) AS (
              SELECT DISTINCT h.user_timezone FROM habits h
              WHERE h.reminder_enabled AND h.status = 'active' AND h.preferred_time IS NOT NULL
                AND h.user_timezone IS NOT NULL
            ),
            """ + WINDOW_SLOTS + """
            candidates AS (
              SELECT h.user_id, h.id AS habit_id, h.name AS habit_name, u.timezone, u.language,
                     h.frequency, h.specific_days, h.times_per_week, u.first_day_of_week,
                     CASE WHEN CAST(h.preferred_time AS time) < u.day_start THEN s.calendar_date - 1
                          ELSE s.calendar_date END AS local_date,
                     CASE WHEN s.steady_midnight IS NOT NULL
                          THEN s.steady_midnight + CAST(CAST(h.preferred_time AS time) AS interval)
                          ELSE habitcoach_local_instant(s.calendar_date + CAST(h.preferred_time AS time), u.timezone)
                     END AS send_at
              FROM slots s
              JOIN habits h ON h.user_timezone = s.tz
                  AND (h.preferred_time COLLATE "C") >= s.from_time AND (h.preferred_time COLLATE "C") < s.to_time
                  AND h.reminder_enabled AND h.status = 'active' AND h.preferred_time IS NOT NULL
              JOIN users u ON u.id = h.user_id AND u.deleted_at IS NULL AND u.timezone = s.tz
            )
            SELECT d.user_id, d.habit_id, d.habit_name, d.local_date, d.send_at, d.timezone, d.language
            FROM (
              SELECT c.*, c.local_date - ((CAST(extract(isodow FROM c.local_date) AS int) - c.first_day_of_week + 7) % 7)
                       AS week_start,
                     (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
                       [CAST(extract(isodow FROM c.local_date) AS int)] AS day_name
              FROM candidates c
              WHERE c.send_at >= CAST({0} AS timestamptz) AND c.send_at < CAST({1} AS timestamptz)
            ) d
            WHERE (d.frequency <> 'specific_days'
                   OR jsonb_exists_any(d.specific_days, ARRAY[d.day_name, lower(d.day_name), upper(d.day_name)]))
              AND NOT EXISTS (SELECT 1 FROM habit_completions e
                              WHERE e.habit_id = d.habit_id AND e.user_id = d.user_id
                                AND e.completed_date = d.local_date)
              AND (d.frequency <> 'per_week'
                   OR (SELECT count(*) FROM habit_completions e
                       WHERE e.habit_id = d.habit_id AND e.user_id = d.user_id AND e.kind = 'done'
                         AND e.completed_date BETWEEN d.week_start AND d.week_start + 6) < d.times_per_week)
            ORDER BY d.send_at, d.user_id, d.habit_id
            """;
}
