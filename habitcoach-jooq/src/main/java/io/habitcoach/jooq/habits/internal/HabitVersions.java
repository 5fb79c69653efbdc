package io.habitcoach.jooq.habits.internal;

import static io.habitcoach.jooq.schema.Tables.HABIT_VERSIONS;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.habits.HabitVersion;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.schema.tables.records.HabitVersionsRecord;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Writes and reads {@code habit_versions}: the services call {@link #record} in the transaction of
 * every change of a habit's covered fields (name, description, frequency, status, reminder settings),
 * after setting them on the row and before recomputing its streaks (which read the schedule spans).
 */
public final class HabitVersions {

    private HabitVersions() {
    }

    /**
     * Closes the open version and writes the row's values as the next one, unless they equal the open
     * one (then nothing is written). A new frequency applies from {@code today}: the version's
     * {@code schedule_from}, and the row's, are set to it. Returns whether the frequency changed.
     */
    public static boolean record(DSLContext dsl, HabitsRecord h, OffsetDateTime now, LocalDate today) {
        HabitVersionsRecord open = dsl.selectFrom(HABIT_VERSIONS).where(HABIT_VERSIONS.USER_ID.eq(h.getUserId()))
                .and(HABIT_VERSIONS.HABIT_ID.eq(h.getId())).and(HABIT_VERSIONS.VALID_TO.isNull()).fetchOne();
        if (open == null) {
            insert(dsl, h, 1, now, today);
            return false;
        }
        boolean newFrequency = !HabitRows.frequency(h).equals(frequency(open));
        if (!newFrequency && Objects.equals(open.getName(), h.getName())
                && Objects.equals(open.getDescription(), h.getDescription())
                && open.getStatus() == h.getStatus() && Objects.equals(open.getPreferredTime(), h.getPreferredTime())
                && Objects.equals(open.getReminderEnabled(), h.getReminderEnabled())) {
            return false;
        }
        dsl.update(HABIT_VERSIONS).set(HABIT_VERSIONS.VALID_TO, now)
                .where(HABIT_VERSIONS.USER_ID.eq(h.getUserId())).and(HABIT_VERSIONS.HABIT_ID.eq(h.getId()))
                .and(HABIT_VERSIONS.VERSION.eq(open.getVersion())).execute();
        if (newFrequency) {
            h.setScheduleFrom(today);
        }
        insert(dsl, h, open.getVersion() + 1, now, newFrequency ? today : open.getScheduleFrom());
        return newFrequency;
    }

    /** The first version of a habit just inserted. */
    public static void created(DSLContext dsl, HabitsRecord h, OffsetDateTime now, LocalDate today) {
        insert(dsl, h, 1, now, today);
    }

    private static void insert(DSLContext dsl, HabitsRecord h, int version, OffsetDateTime now,
                               LocalDate scheduleFrom) {
        dsl.insertInto(HABIT_VERSIONS)
                .set(HABIT_VERSIONS.USER_ID, h.getUserId()).set(HABIT_VERSIONS.HABIT_ID, h.getId())
                .set(HABIT_VERSIONS.VERSION, version).set(HABIT_VERSIONS.VALID_FROM, now)
                .set(HABIT_VERSIONS.SCHEDULE_FROM, scheduleFrom)
                .set(HABIT_VERSIONS.NAME, h.getName()).set(HABIT_VERSIONS.DESCRIPTION, h.getDescription())
                .set(HABIT_VERSIONS.FREQUENCY, h.getFrequency()).set(HABIT_VERSIONS.SPECIFIC_DAYS, h.getSpecificDays())
                .set(HABIT_VERSIONS.TIMES_PER_WEEK, h.getTimesPerWeek()).set(HABIT_VERSIONS.STATUS, h.getStatus())
                .set(HABIT_VERSIONS.PREFERRED_TIME, h.getPreferredTime())
                .set(HABIT_VERSIONS.REMINDER_ENABLED, h.getReminderEnabled())
                .execute();
    }

    /** The habit's versions, oldest first (empty for an unknown habit). */
    public static List<HabitVersion> all(DSLContext dsl, String userId, String habitId) {
        return dsl.selectFrom(HABIT_VERSIONS).where(HABIT_VERSIONS.USER_ID.eq(userId))
                .and(HABIT_VERSIONS.HABIT_ID.eq(habitId)).orderBy(HABIT_VERSIONS.VERSION)
                .fetch(HabitVersions::toVersion);
    }

    /** The version in force at {@code at}: written by then and not yet replaced; null if none. */
    public static HabitVersion asOf(DSLContext dsl, String userId, String habitId, OffsetDateTime at) {
        return dsl.selectFrom(HABIT_VERSIONS).where(HABIT_VERSIONS.USER_ID.eq(userId))
                .and(HABIT_VERSIONS.HABIT_ID.eq(habitId)).and(HABIT_VERSIONS.VALID_FROM.le(at))
                .and(HABIT_VERSIONS.VALID_TO.isNull().or(HABIT_VERSIONS.VALID_TO.gt(at)))
                .orderBy(HABIT_VERSIONS.VERSION.desc()).limit(1)
                .fetchOne(HabitVersions::toVersion);
    }

    private static Frequency frequency(HabitVersionsRecord v) {
        return Frequency.of(v.getFrequency(), v.getSpecificDays(), v.getTimesPerWeek());
    }

    private static HabitVersion toVersion(HabitVersionsRecord v) {
        return new HabitVersion(v.getHabitId(), v.getVersion(), v.getName(), v.getDescription(), frequency(v),
                v.getStatus(), v.getPreferredTime(), v.getReminderEnabled(), v.getScheduleFrom(), v.getValidFrom(),
                v.getValidTo());
    }
}
