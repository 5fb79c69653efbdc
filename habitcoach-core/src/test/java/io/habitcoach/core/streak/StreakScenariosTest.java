package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streak scenarios, one row each: the history, today, and the expected (current, longest, total, at
 * risk), worked out by hand from the rules. 2024-03-04 is a Monday; weeks start on Monday unless a row
 * says otherwise.
 */
class StreakScenariosTest {

    private static final Frequency DAILY = Frequency.daily();
    private static final Frequency MON_WED_FRI = Frequency.specificDays(MONDAY, WEDNESDAY, FRIDAY);

    static Stream<Arguments> scenarios() {
        return Stream.of(
                // ---- daily
                row("a habit created today, nothing done yet",
                        history(DAILY).build(), "2024-03-06", 0, 0, 0, false),
                row("a habit created today and done today",
                        history(DAILY).done(dates("2024-03-06")).build(), "2024-03-06", 1, 1, 1, false),
                row("today still open: yesterday's run of 3 counts and is at risk",
                        history(DAILY).done(dates("2024-03-03", "2024-03-04", "2024-03-05")).build(),
                        "2024-03-06", 3, 3, 3, true),
                row("today done: the run counts today at once",
                        history(DAILY).done(dates("2024-03-04", "2024-03-05", "2024-03-06")).build(),
                        "2024-03-06", 3, 3, 3, false),
                row("yesterday missed: the current streak reads 0 before any job ran",
                        history(DAILY).done(dates("2024-03-02", "2024-03-03", "2024-03-04")).build(),
                        "2024-03-06", 0, 3, 3, false),
                row("a month with no completions (February 2024) breaks the January run",
                        history(DAILY).done(dates("2024-01-29", "2024-01-30", "2024-01-31")).build(),
                        "2024-03-01", 0, 3, 3, false),
                row("29 February is a scheduled day like any other",
                        history(DAILY).done(dates("2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01")).build(),
                        "2024-03-01", 4, 4, 4, false),
                row("leaving out 29 February breaks a leap-year run",
                        history(DAILY).done(dates("2024-02-27", "2024-02-28", "2024-03-01")).build(),
                        "2024-03-01", 1, 2, 3, false),
                row("28 February to 1 March is consecutive in a common year",
                        history(DAILY).done(dates("2023-02-27", "2023-02-28", "2023-03-01")).build(),
                        "2023-03-01", 3, 3, 3, false),
                row("the year boundary does not break a daily run",
                        history(DAILY).done(dates("2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02")).build(),
                        "2025-01-02", 4, 4, 4, false),
                row("the longest run is remembered after a break",
                        history(DAILY).done(dates("2024-02-01", "2024-02-02", "2024-02-03", "2024-02-04",
                                "2024-03-05", "2024-03-06")).build(),
                        "2024-03-06", 2, 4, 6, false),
                row("a user who moved west: a done day after today is the current period",
                        history(DAILY).done(dates("2024-03-05", "2024-03-06")).build(),
                        "2024-03-05", 2, 2, 2, false),

                // ---- specific days (Mon/Wed/Fri)
                row("Mon/Wed/Fri with a completion on Tuesday: Tuesday counts in the total only",
                        history(MON_WED_FRI).done(dates("2024-03-04", "2024-03-05", "2024-03-06")).build(),
                        "2024-03-06", 2, 2, 3, false),
                row("Mon/Wed/Fri: Tuesday's completion does not stand in for a missed Wednesday",
                        history(MON_WED_FRI).done(dates("2024-03-04", "2024-03-05")).build(),
                        "2024-03-07", 0, 1, 2, false),
                row("Mon/Wed/Fri: Friday then Monday is consecutive (the weekend is not scheduled)",
                        history(MON_WED_FRI).done(dates("2024-03-01", "2024-03-04")).build(),
                        "2024-03-05", 2, 2, 2, false),
                row("Mon/Wed/Fri: on an unscheduled Tuesday nothing is at risk",
                        history(MON_WED_FRI).done(dates("2024-03-01", "2024-03-04")).build(),
                        "2024-03-05", 2, 2, 2, false),
                row("Mon/Wed/Fri: on Wednesday, not done yet, the run is at risk",
                        history(MON_WED_FRI).done(dates("2024-03-01", "2024-03-04")).build(),
                        "2024-03-06", 2, 2, 2, true),

                // ---- per week
                row("3 per week: this week has 2 (open, not broken), last week had 2 (broken)",
                        history(Frequency.timesPerWeek(3)).done(dates("2024-02-19", "2024-02-21", "2024-02-23",
                                "2024-02-26", "2024-02-28", "2024-03-04", "2024-03-05")).build(),
                        "2024-03-06", 0, 1, 7, false),
                row("3 per week: this week has 2 after two met weeks: 2 weeks, at risk",
                        history(Frequency.timesPerWeek(3)).done(dates("2024-02-19", "2024-02-21", "2024-02-23",
                                "2024-02-26", "2024-02-28", "2024-03-01", "2024-03-04", "2024-03-05")).build(),
                        "2024-03-06", 2, 2, 8, true),
                row("3 per week: the third completion counts this week at once",
                        history(Frequency.timesPerWeek(3)).done(dates("2024-02-26", "2024-02-28", "2024-03-01",
                                "2024-03-04", "2024-03-05", "2024-03-06")).build(),
                        "2024-03-06", 2, 2, 6, false),
                row("2 per week across ISO week 53 of 2020 and the year boundary",
                        history(Frequency.timesPerWeek(2)).done(dates("2020-12-22", "2020-12-24",
                                "2020-12-31", "2021-01-02", "2021-01-05", "2021-01-07")).build(),
                        "2021-01-08", 3, 3, 6, false),
                row("2 per week: ISO week 53 with one completion breaks the run",
                        history(Frequency.timesPerWeek(2)).done(dates("2020-12-22", "2020-12-24",
                                "2020-12-29", "2021-01-05", "2021-01-07")).build(),
                        "2021-01-08", 1, 1, 5, false),
                row("1 per week, weeks starting Sunday: Sat then Sun are two weeks",
                        history(Frequency.timesPerWeek(1)).firstDayOfWeek(SUNDAY)
                                .done(dates("2024-03-09", "2024-03-10")).build(),
                        "2024-03-10", 2, 2, 2, false),
                row("1 per week, weeks starting Monday: Sat then Sun are one week",
                        history(Frequency.timesPerWeek(1)).done(dates("2024-03-09", "2024-03-10")).build(),
                        "2024-03-10", 1, 1, 2, false),

                // ---- pauses
                row("daily: a pause across a missed week neither counts nor breaks",
                        history(DAILY).done(dates("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-11",
                                "2024-03-12")).paused(d("2024-03-04"), d("2024-03-11")).build(),
                        "2024-03-12", 5, 5, 5, false),
                row("daily: without the pause the same week breaks the run",
                        history(DAILY).done(dates("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-11",
                                "2024-03-12")).build(),
                        "2024-03-12", 2, 3, 5, false),
                row("daily: still paused, the run survives and is not at risk",
                        history(DAILY).done(dates("2024-03-01", "2024-03-02", "2024-03-03"))
                                .paused(d("2024-03-04"), null).build(),
                        "2024-03-20", 3, 3, 3, false),
                row("daily: a done day inside a pause counts in the total only",
                        history(DAILY).done(dates("2024-03-03", "2024-03-04", "2024-03-06"))
                                .paused(d("2024-03-04"), d("2024-03-06")).build(),
                        "2024-03-06", 2, 2, 3, false),
                row("2 per week: a pause across a missed week",
                        history(Frequency.timesPerWeek(2)).done(dates("2024-02-26", "2024-02-28", "2024-03-11",
                                "2024-03-13")).paused(d("2024-03-04"), d("2024-03-11")).build(),
                        "2024-03-13", 2, 2, 4, false),
                row("3 per week: a partly paused week that is not met neither counts nor breaks",
                        history(Frequency.timesPerWeek(3)).done(dates("2024-02-26", "2024-02-28", "2024-03-01",
                                "2024-03-04", "2024-03-11", "2024-03-12", "2024-03-13"))
                                .paused(d("2024-03-05"), d("2024-03-11")).build(),
                        "2024-03-13", 2, 2, 7, false),
                row("3 per week: a partly paused week with 3 done days counts",
                        history(Frequency.timesPerWeek(3)).done(dates("2024-02-26", "2024-02-28", "2024-03-01",
                                "2024-03-04", "2024-03-05", "2024-03-06", "2024-03-11", "2024-03-12", "2024-03-13"))
                                .paused(d("2024-03-07"), d("2024-03-11")).build(),
                        "2024-03-13", 3, 3, 9, false),

                // ---- skips
                row("daily: a skipped day neither counts nor breaks",
                        history(DAILY).done(dates("2024-03-01", "2024-03-02", "2024-03-04"))
                                .skipped(d("2024-03-03")).build(),
                        "2024-03-04", 3, 3, 3, false),
                row("daily: today skipped, the run is not at risk",
                        history(DAILY).done(dates("2024-03-01", "2024-03-02", "2024-03-03"))
                                .skipped(d("2024-03-04")).build(),
                        "2024-03-04", 3, 3, 3, false),
                row("3 per week: a skip lowers the week's target to 2",
                        history(Frequency.timesPerWeek(3)).done(dates("2024-02-26", "2024-02-28", "2024-03-01",
                                "2024-03-04", "2024-03-06")).skipped(d("2024-03-08")).build(),
                        "2024-03-11", 2, 2, 5, true),
                row("2 per week: a week with 2 skips and nothing done is excused",
                        history(Frequency.timesPerWeek(2)).done(dates("2024-02-26", "2024-02-28", "2024-03-11",
                                "2024-03-12")).skipped(d("2024-03-04"), d("2024-03-05")).build(),
                        "2024-03-12", 2, 2, 4, false),
                row("2 per week: one skip and nothing done still misses the week",
                        history(Frequency.timesPerWeek(2)).done(dates("2024-02-26", "2024-02-28", "2024-03-11",
                                "2024-03-12")).skipped(d("2024-03-04")).build(),
                        "2024-03-12", 1, 1, 4, false)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void streaks(HabitHistory history, LocalDate today, StreakSummary expected) {
        assertThat(Streaks.compute(history, today)).isEqualTo(expected);
        // the stored state read as of today says the same, and so does the naive reading
        assertThat(Streaks.state(history).asOf(history.schedule(), today)).isEqualTo(expected);
        assertThat(ReferenceStreaks.compute(history, today)).isEqualTo(expected);
    }

    static Arguments row(String name, HabitHistory history, String today, int current, int longest, int total,
                         boolean atRisk) {
        return Arguments.of(Named.of(name, history), d(today), new StreakSummary(current, longest, total, atRisk));
    }

    static HabitHistory.Builder history(Frequency frequency) {
        return HabitHistory.builder(frequency);
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static List<LocalDate> dates(String... dates) {
        return Arrays.stream(dates).map(LocalDate::parse).toList();
    }

}
