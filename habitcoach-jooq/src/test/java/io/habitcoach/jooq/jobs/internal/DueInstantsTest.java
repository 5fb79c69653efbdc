package io.habitcoach.jooq.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.Schedule;
import io.habitcoach.core.schedule.UserDay;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** {@link DueInstants#nextCheck}: when a habit's current period closes, also across DST gaps and overlaps. */
class DueInstantsTest {

    private static final Schedule DAILY = Schedule.of(Frequency.daily());

    private static Instant daily(UserDay day, String now) {
        return DueInstants.nextCheck(HabitStatus.ACTIVE, DAILY, 0, null, day, Instant.parse(now));
    }

    @Test
    void aDailyHabitIsDueWhenTheUsersDayCloses() {
        UserDay saoPaulo = UserDay.of("America/Sao_Paulo", LocalTime.MIDNIGHT);
        assertThat(daily(saoPaulo, "2026-03-10T12:00:00Z")).isEqualTo("2026-03-11T03:00:00Z");
        // At the closing instant the next day is open: its close is next, never the same one again.
        assertThat(daily(saoPaulo, "2026-03-11T03:00:00Z")).isEqualTo("2026-03-12T03:00:00Z");
        assertThat(daily(saoPaulo, "2026-03-11T02:59:59.999999Z")).isEqualTo("2026-03-11T03:00:00Z");
        UserDay nightOwl = UserDay.of("Pacific/Kiritimati", LocalTime.of(4, 0));
        assertThat(daily(nightOwl, "2026-03-10T12:00:00Z")).isEqualTo("2026-03-10T14:00:00Z");
    }

    @Test
    void aDayStartInADstGapClosesTheDayAtTheFirstInstantAfterTheGap() {
        // Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST; a day start of 02:30 does not exist.
        UserDay berlin = UserDay.of("Europe/Berlin", LocalTime.of(2, 30));
        Instant closeOf28 = daily(berlin, "2026-03-28T12:00:00Z");
        assertThat(closeOf28).isEqualTo("2026-03-29T01:30:00Z").isEqualTo(berlin.startOf(LocalDate.of(2026, 3, 29)));
        // The 29th is 23 hours long (well, 23 from 03:30 CEST to 02:30 CEST).
        assertThat(daily(berlin, "2026-03-29T01:30:00Z")).isEqualTo("2026-03-30T00:30:00Z");
    }

    @Test
    void aDayStartInADstOverlapClosesTheDayOnceAndMovesOn() {
        // New York, 1 November 2026: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice.
        UserDay newYork = UserDay.of("America/New_York", LocalTime.of(1, 30));
        Instant closeOf31 = daily(newYork, "2026-10-31T12:00:00Z");
        assertThat(closeOf31).isEqualTo("2026-11-01T05:30:00Z");   // the first 01:30 (EDT)
        assertThat(daily(newYork, "2026-11-01T05:30:00Z")).isEqualTo("2026-11-02T06:30:00Z");
        // In the repeated half hour core's today steps back to the 31st, whose close is behind: the next
        // instant is still ahead, never in the past (a job would otherwise find the habit due forever).
        assertThat(newYork.dateOf(Instant.parse("2026-11-01T06:10:00Z"))).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(daily(newYork, "2026-11-01T06:10:00Z")).isEqualTo("2026-11-02T06:30:00Z");
    }

    @Test
    void specificDaysAndPerWeekHabitsAreDueWhenTheirScheduledPeriodCloses() {
        UserDay utc = UserDay.of("UTC", LocalTime.MIDNIGHT);
        Instant tuesday = Instant.parse("2026-03-10T12:00:00Z");
        Schedule monWed = Schedule.of(Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        assertThat(DueInstants.nextCheck(HabitStatus.ACTIVE, monWed, 0, null, utc, tuesday))
                .isEqualTo("2026-03-12T00:00:00Z");
        Schedule tuesdays = Schedule.of(Frequency.specificDays(DayOfWeek.TUESDAY));
        assertThat(DueInstants.nextCheck(HabitStatus.ACTIVE, tuesdays, 0, null, utc, tuesday))
                .isEqualTo("2026-03-11T00:00:00Z");
        Schedule isoWeek = Schedule.of(Frequency.timesPerWeek(3));
        assertThat(DueInstants.nextCheck(HabitStatus.ACTIVE, isoWeek, 0, null, utc, tuesday))
                .isEqualTo("2026-03-16T00:00:00Z");
        Schedule sundayWeek = Schedule.of(Frequency.timesPerWeek(3), DayOfWeek.SUNDAY);
        assertThat(DueInstants.nextCheck(HabitStatus.ACTIVE, sundayWeek, 0, null, utc, tuesday))
                .isEqualTo("2026-03-15T00:00:00Z");
        assertThat(DueInstants.weekCloses(utc, DayOfWeek.SUNDAY, tuesday)).isEqualTo("2026-03-15T00:00:00Z");
    }

    @Test
    void aPausedOrArchivedHabitIsDueOnlyWhenItsCachedStreakCanGoStale() {
        UserDay utc = UserDay.of("UTC", LocalTime.MIDNIGHT);
        Instant tuesday = Instant.parse("2026-03-10T12:00:00Z");
        for (HabitStatus status : new HabitStatus[] {HabitStatus.PAUSED, HabitStatus.ARCHIVED}) {
            assertThat(DueInstants.nextCheck(status, DAILY, 0, null, utc, tuesday)).as("%s, no streak", status)
                    .isNull();
            assertThat(DueInstants.nextCheck(status, DAILY, 4, LocalDate.of(2026, 3, 12), utc, tuesday))
                    .as("%s, a streak waiting for the 12th", status).isEqualTo("2026-03-13T00:00:00Z");
            // Already past: what the job just looked at; nothing further to wait for.
            assertThat(DueInstants.nextCheck(status, DAILY, 4, LocalDate.of(2026, 3, 9), utc, tuesday)).isNull();
        }
        // A per-week streak waits for the week of its next due period to close.
        assertThat(DueInstants.nextCheck(HabitStatus.PAUSED, Schedule.of(Frequency.timesPerWeek(2)), 3,
                LocalDate.of(2026, 3, 16), utc, tuesday)).isEqualTo("2026-03-23T00:00:00Z");
        // An active habit: the period's close comes first.
        assertThat(DueInstants.nextCheck(HabitStatus.ACTIVE, DAILY, 4, LocalDate.of(2026, 3, 12), utc, tuesday))
                .isEqualTo("2026-03-11T00:00:00Z");
    }
}
