package io.habitcoach.core.schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarWeekTest {

    @ParameterizedTest(name = "{0} with weeks from {1}: the week starts {2}")
    @CsvSource({
            // ISO week 53 of 2020 runs Monday 28 December 2020 to Sunday 3 January 2021
            "2020-12-31, MONDAY, 2020-12-28",
            "2021-01-03, MONDAY, 2020-12-28",
            "2021-01-04, MONDAY, 2021-01-04",
            // with Sunday as the first day, 3 January 2021 starts a week of its own
            "2021-01-03, SUNDAY, 2021-01-03",
            "2021-01-02, SUNDAY, 2020-12-27",
            // 29 February 2024 (a Thursday)
            "2024-02-29, MONDAY, 2024-02-26",
            "2024-02-29, SATURDAY, 2024-02-24",
            "2024-02-29, THURSDAY, 2024-02-29",
    })
    void theWeekThatContainsADate(LocalDate date, DayOfWeek firstDay, LocalDate start) {
        CalendarWeek week = CalendarWeek.containing(date, firstDay);
        assertThat(week.start()).isEqualTo(start);
        assertThat(week.firstDayOfWeek()).isEqualTo(firstDay);
        assertThat(week.contains(date)).isTrue();
        assertThat(week.end()).isEqualTo(start.plusDays(6));
    }

    @Test
    void theDaysOfTheLeapWeek() {
        CalendarWeek week = CalendarWeek.isoContaining(LocalDate.of(2024, 2, 29));
        assertThat(week.days()).containsExactly(LocalDate.of(2024, 2, 26), LocalDate.of(2024, 2, 27),
                LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 3));
        assertThat(week.next().start()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(week.previous().start()).isEqualTo(LocalDate.of(2024, 2, 19));
        assertThat(week.contains(LocalDate.of(2024, 3, 4))).isFalse();
        assertThat(week.compareTo(week.next())).isNegative();
    }

    @Test
    void aScheduleUsesItsFirstDayOfWeek() {
        Schedule sunday = Schedule.of(Frequency.timesPerWeek(2), DayOfWeek.SUNDAY);
        assertThat(sunday.weekOf(LocalDate.of(2024, 3, 9)).start()).isEqualTo(LocalDate.of(2024, 3, 3));
        assertThat(Schedule.of(Frequency.daily()).firstDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }
}
