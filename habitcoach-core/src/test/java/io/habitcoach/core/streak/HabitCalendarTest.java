package io.habitcoach.core.streak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.HabitCalendar.DayState;
import io.habitcoach.core.streak.HabitCalendar.WeekState;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HabitCalendarTest {

    @Provide
    Arbitrary<HistorySpec> histories() {
        return HistorySpec.any();
    }

    /** Over whole weeks, the calendar counts exactly what the weekly reports count. */
    @Property(tries = 500)
    void theCalendarsCountsEqualTheWeeklyReports(@ForAll("histories") HistorySpec spec,
            @ForAll @IntRange(min = 1, max = 8) int weeks) {
        HabitHistory history = spec.history();
        LocalDate today = spec.todayDate();
        CalendarWeek last = CalendarWeek.containing(today, history.firstDayOfWeek());
        CalendarWeek first = last;
        for (int i = 1; i < weeks; i++) {
            first = first.previous();
        }
        HabitCalendar calendar = HabitCalendar.of(history, first.start(), last.end(), today);
        assertThat(calendar.days()).hasSize(7 * weeks);
        assertThat(calendar.weeks()).hasSize(weeks);
        int done = 0, skipped = 0, missed = 0, pending = 0, extra = 0;
        for (CalendarWeek week = first; !week.start().isAfter(last.start()); week = week.next()) {
            WeeklyReport report = WeeklyReport.of(history, week, today);
            done += report.done();
            skipped += report.skipped();
            missed += report.missed();
            pending += report.pending();
            extra += report.extra();
            HabitCalendar.Week drawn = calendar.weeks().get(calendar.weeks().size() - 1
                    - (int) java.time.temporal.ChronoUnit.WEEKS.between(week.start(), last.start()));
            assertThat(drawn.start()).isEqualTo(week.start());
            assertThat(List.of(drawn.scheduled(), drawn.done(), drawn.skipped(), drawn.missed(), drawn.pending()))
                    .isEqualTo(List.of(report.scheduled(), report.done(), report.skipped(), report.missed(),
                            report.pending()));
        }
        assertThat(calendar.count(DayState.DONE)).isEqualTo(done);
        assertThat(calendar.count(DayState.SKIPPED)).isEqualTo(skipped);
        assertThat(calendar.count(DayState.DONE_NOT_COUNTED)).isEqualTo(extra);
        if (!(history.frequency() instanceof Frequency.TimesPerWeek)) {
            assertThat(calendar.count(DayState.MISSED)).isEqualTo(missed);
            // open days today and later: today's (if due) is OPEN, later ones FUTURE
            assertThat(calendar.count(DayState.OPEN) + calendar.days().stream()
                    .filter(d -> d.state() == DayState.FUTURE && isDue(history, d.date())).count())
                    .isEqualTo(pending);
        }
        assertThat(calendar.days()).filteredOn(d -> d.date().isAfter(today))
                .filteredOn(d -> !history.isDone(Days.of(d.date(), "d")) && !history.isSkipped(Days.of(d.date(), "d")))
                .allMatch(d -> d.state() == DayState.FUTURE);
    }

    private static boolean isDue(HabitHistory history, LocalDate date) {
        int day = Days.of(date, "date");
        return !history.isPaused(day) && !history.isSkipped(day) && !history.isDone(day)
                && Days.inMask(history.mask(), day)
                && (history.startDay() == Days.NONE || day >= history.startDay());
    }

    @Test
    void aMonWedFriHabitsWeekAsACalendarDrawsIt() {
        // Week of Monday 2026-03-02; today is Thursday 2026-03-05.
        HabitHistory history = HabitHistory.builder(Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.FRIDAY))
                .startDate(LocalDate.of(2026, 3, 1))
                .done(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3)).build();
        HabitCalendar calendar = HabitCalendar.of(history, LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 8),
                LocalDate.of(2026, 3, 5));
        assertThat(calendar.days()).extracting(HabitCalendar.Day::state).containsExactly(
                DayState.NOT_SCHEDULED,  // Sat 28 Feb: not a Mon/Wed/Fri (and before the start)
                DayState.NOT_SCHEDULED,  // Sun 1 Mar
                DayState.DONE,           // Mon
                DayState.DONE_NOT_COUNTED, // Tue: done, not scheduled
                DayState.MISSED,         // Wed
                DayState.NOT_SCHEDULED,  // Thu (today)
                DayState.FUTURE,         // Fri
                DayState.FUTURE,         // Sat
                DayState.FUTURE);        // Sun
        assertThat(calendar.weeks()).extracting(HabitCalendar.Week::state)
                .containsExactly(WeekState.EXCUSED, WeekState.MISSED);
    }

    @Test
    void aPerWeekHabitCarriesTheWeeksTargetAndCount() {
        HabitHistory history = HabitHistory.builder(Frequency.timesPerWeek(3))
                .done(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4)).build();
        HabitCalendar calendar = HabitCalendar.of(history, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8),
                LocalDate.of(2026, 3, 5));
        HabitCalendar.Week week = calendar.weeks().get(0);
        assertThat(week.scheduled()).isEqualTo(3);
        assertThat(week.done()).isEqualTo(2);
        assertThat(week.pending()).isEqualTo(1);
        assertThat(week.state()).isEqualTo(WeekState.OPEN);
        assertThat(calendar.days().get(1).state()).isEqualTo(DayState.NO_ENTRY);
    }

    @Test
    void aRangeLongerThanTwoYearsOrReversedIsRefused() {
        HabitHistory history = HabitHistory.of(Frequency.daily(), List.of());
        LocalDate from = LocalDate.of(2024, 1, 1);
        assertThatThrownBy(() -> HabitCalendar.of(history, from, from.plusDays(HabitCalendar.MAX_DAYS), from))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most " + HabitCalendar.MAX_DAYS);
        assertThatThrownBy(() -> HabitCalendar.of(history, from, from.minusDays(1), from))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("to");
        assertThat(HabitCalendar.of(history, from, from.plusDays(HabitCalendar.MAX_DAYS - 1), from).days())
                .hasSize(HabitCalendar.MAX_DAYS);
    }

    @Property(tries = 200)
    void theStrengthSeriesIsTheScoreOfEachDay(@ForAll("histories") HistorySpec spec) {
        HabitHistory history = spec.history();
        LocalDate from = spec.date(0);
        LocalDate to = spec.todayDate().plusDays(3);
        List<HabitStrength.DailyScore> series = HabitStrength.series(history, from, to);
        assertThat(series).hasSize((int) java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
        for (HabitStrength.DailyScore point : series) {
            HabitHistory.Builder then = HabitHistory.builder(history.schedule()).skipped(history.skippedDates())
                    .pauses(history.pauses());
            history.doneDates().stream().filter(d -> !d.isAfter(point.date())).forEach(then::done);
            assertThat(point.score()).isEqualTo(HabitStrength.score(then.build(), point.date()));
        }
        if (!spec.done().isEmpty() && spec.done().stream().allMatch(d -> d <= spec.today())) {
            assertThat(series.get((int) java.time.temporal.ChronoUnit.DAYS.between(from, spec.todayDate())).score())
                    .isEqualTo(HabitStrength.score(history, spec.todayDate()));
        }
    }
}
