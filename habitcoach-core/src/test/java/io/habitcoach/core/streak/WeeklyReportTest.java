package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.FrequencyType;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.List;
import java.util.OptionalDouble;

import static io.habitcoach.core.streak.DayOutcome.BEFORE_START;
import static io.habitcoach.core.streak.DayOutcome.DONE;
import static io.habitcoach.core.streak.DayOutcome.DONE_NOT_COUNTED;
import static io.habitcoach.core.streak.DayOutcome.MISSED;
import static io.habitcoach.core.streak.DayOutcome.NOT_SCHEDULED;
import static io.habitcoach.core.streak.DayOutcome.NO_ENTRY;
import static io.habitcoach.core.streak.DayOutcome.OPEN;
import static io.habitcoach.core.streak.DayOutcome.PAUSED;
import static io.habitcoach.core.streak.DayOutcome.SKIPPED;
import static io.habitcoach.core.streak.StreakScenariosTest.d;
import static io.habitcoach.core.streak.StreakScenariosTest.dates;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Weekly reports for the week of Monday 4 to Sunday 10 March 2024. */
class WeeklyReportTest {

    private static final CalendarWeek WEEK = new CalendarWeek(d("2024-03-04"));

    @Test
    void aClosedWeekOfADailyHabit() {
        // Fri-Sun before: a run of 3. This week: Mon, Tue done; Wed skipped; Thu missed; Fri, Sat, Sun done.
        HabitHistory history = HabitHistory.builder(Frequency.daily())
                .done(dates("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05",
                        "2024-03-08", "2024-03-09", "2024-03-10"))
                .skipped(d("2024-03-06")).build();
        WeeklyReport report = WeeklyReport.of(history, WEEK, d("2024-03-11"));
        assertThat(report.days()).containsExactly(DONE, DONE, SKIPPED, MISSED, DONE, DONE, DONE);
        assertThat(report.scheduled()).isEqualTo(7);
        assertThat(report.done()).isEqualTo(5);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.missed()).isEqualTo(1);
        assertThat(report.pending()).isZero();
        assertThat(report.completionRate()).isEqualTo(OptionalDouble.of(5 / 6.0));
        // the run Fri..Sun is 3 at the week's end; the previous week also closed on a run of 3
        assertThat(report.streakAtWeekEnd()).isEqualTo(3);
        assertThat(report.streakChange()).isZero();
    }

    @Test
    void aWeekThatEndsOnAMissedDayClosesWithStreakZero() {
        HabitHistory history = HabitHistory.of(Frequency.daily(), dates("2024-03-01", "2024-03-02", "2024-03-03",
                "2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08", "2024-03-09"));
        WeeklyReport report = WeeklyReport.of(history, WEEK, d("2024-03-20"));
        assertThat(report.days()).containsExactly(DONE, DONE, DONE, DONE, DONE, DONE, MISSED);
        assertThat(report.streakAtWeekEnd()).isZero();
        assertThat(report.streakChange()).isEqualTo(-3);
    }

    @Test
    void anOpenWeekCountsWhatIsDueSoFar() {
        // today is Wednesday, not done yet: Tuesday was missed, Wednesday to Sunday are still open
        HabitHistory history = HabitHistory.of(Frequency.daily(), dates("2024-03-04"));
        WeeklyReport report = WeeklyReport.of(history, WEEK, d("2024-03-06"));
        assertThat(report.days()).containsExactly(DONE, MISSED, OPEN, OPEN, OPEN, OPEN, OPEN);
        assertThat(report.scheduled()).isEqualTo(7);
        assertThat(report.pending()).isEqualTo(5);
        assertThat(report.completionRate()).isEqualTo(OptionalDouble.of(0.5));
        assertThat(report.streakAtWeekEnd()).isZero();
    }

    @Test
    void specificDaysCountOnlyTheirWeekdaysAndPausesAreNotDue() {
        // Mon/Wed/Fri; a Tuesday completion; paused from Thursday to the next Monday; created on Monday
        HabitHistory history = HabitHistory.builder(Frequency.specificDays(MONDAY, WEDNESDAY, FRIDAY))
                .done(dates("2024-03-04", "2024-03-05", "2024-03-06", "2024-03-08"))
                .paused(d("2024-03-07"), d("2024-03-11")).startDate(d("2024-03-04")).build();
        WeeklyReport report = WeeklyReport.of(history, WEEK, d("2024-03-11"));
        assertThat(report.days()).containsExactly(DONE, DONE_NOT_COUNTED, DONE, PAUSED, DONE_NOT_COUNTED, PAUSED,
                PAUSED);
        assertThat(report.scheduled()).isEqualTo(2);
        assertThat(report.done()).isEqualTo(2);
        assertThat(report.extra()).isEqualTo(2);
        assertThat(report.completionRate()).isEqualTo(OptionalDouble.of(1.0));
        assertThat(report.streakAtWeekEnd()).isEqualTo(2);
        assertThat(report.streakChange()).isEqualTo(2);
    }

    @Test
    void daysBeforeTheHabitsStartAreNotMissed() {
        HabitHistory history = HabitHistory.builder(Frequency.daily()).done(d("2024-03-07"))
                .startDate(d("2024-03-07")).build();
        WeeklyReport report = WeeklyReport.of(history, WEEK, d("2024-03-07"));
        assertThat(report.days()).containsExactly(BEFORE_START, BEFORE_START, BEFORE_START, DONE, OPEN, OPEN, OPEN);
        assertThat(report.missed()).isZero();
        assertThat(report.completionRate()).isEqualTo(OptionalDouble.of(1.0));
    }

    @Test
    void aPerWeekHabitIsJudgedByTheWeeksTarget() {
        // 3 per week, Mon and Wed done, Fri skipped: the target drops to 2 and the week is met
        HabitHistory met = HabitHistory.builder(Frequency.timesPerWeek(3)).done(dates("2024-03-04", "2024-03-06"))
                .skipped(d("2024-03-08")).build();
        WeeklyReport report = WeeklyReport.of(met, WEEK, d("2024-03-11"));
        assertThat(report.frequency()).isEqualTo(FrequencyType.PER_WEEK);
        assertThat(report.days()).containsExactly(DONE, NO_ENTRY, DONE, NO_ENTRY, SKIPPED, NO_ENTRY, NO_ENTRY);
        assertThat(report.scheduled()).isEqualTo(3);
        assertThat(report.done()).isEqualTo(2);
        assertThat(report.missed()).isZero();
        assertThat(report.completionRate()).isEqualTo(OptionalDouble.of(1.0));
        assertThat(report.streakAtWeekEnd()).isEqualTo(1);

        // only Monday done: one of the two short
        HabitHistory missed = HabitHistory.builder(Frequency.timesPerWeek(3)).done(d("2024-03-04"))
                .skipped(d("2024-03-08")).build();
        WeeklyReport short1 = WeeklyReport.of(missed, WEEK, d("2024-03-11"));
        assertThat(short1.missed()).isEqualTo(1);
        assertThat(short1.completionRate()).isEqualTo(OptionalDouble.of(0.5));

        // the same week still open (today Friday): one still pending, nothing missed yet
        WeeklyReport open = WeeklyReport.of(missed, WEEK, d("2024-03-08"));
        assertThat(open.pending()).isEqualTo(1);
        assertThat(open.missed()).isZero();
    }

    @Test
    void aPausedPerWeekWeekThatIsNotMetIsNeverMissed() {
        HabitHistory history = HabitHistory.builder(Frequency.timesPerWeek(3)).done(d("2024-03-04"))
                .paused(d("2024-03-05"), d("2024-03-11")).build();
        WeeklyReport report = WeeklyReport.of(history, WEEK, d("2024-03-11"));
        assertThat(report.missed()).isZero();
        assertThat(report.completionRate()).isEmpty();
    }

    @Test
    void theWeekMustHaveStartedAndMatchAPerWeekHabitsWeeks() {
        HabitHistory perWeek = HabitHistory.of(Frequency.timesPerWeek(2), List.of());
        assertThatThrownBy(() -> WeeklyReport.of(perWeek, new CalendarWeek(d("2024-03-03")), d("2024-03-11")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("week"));
        assertThatThrownBy(() -> WeeklyReport.of(perWeek, WEEK, d("2024-03-03")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("week"));
    }

    @Test
    void theBestAndWorstWeekdayAcrossAUsersHabits() {
        // daily: Mon Tue . Thu Fri . .   (Wed, Sat, Sun missed)
        // Mon/Wed/Fri: Mon Wed (Fri missed)
        // per week: contributes nothing to weekdays
        HabitHistory daily = HabitHistory.of(Frequency.daily(),
                dates("2024-03-04", "2024-03-05", "2024-03-07", "2024-03-08"));
        HabitHistory monWedFri = HabitHistory.of(Frequency.specificDays(MONDAY, WEDNESDAY, FRIDAY),
                dates("2024-03-04", "2024-03-06"));
        HabitHistory perWeek = HabitHistory.of(Frequency.timesPerWeek(1), dates("2024-03-09"));
        UserWeeklyReport user = UserWeeklyReport.of(WEEK, List.of(
                WeeklyReport.of(daily, WEEK, d("2024-03-11")),
                WeeklyReport.of(monWedFri, WEEK, d("2024-03-11")),
                WeeklyReport.of(perWeek, WEEK, d("2024-03-11"))));
        assertThat(user.weekdays()).containsExactly(
                new WeekdayRate(MONDAY, 2, 2), new WeekdayRate(DayOfWeek.TUESDAY, 1, 1),
                new WeekdayRate(WEDNESDAY, 1, 2), new WeekdayRate(DayOfWeek.THURSDAY, 1, 1),
                new WeekdayRate(FRIDAY, 1, 2), new WeekdayRate(DayOfWeek.SATURDAY, 0, 1),
                new WeekdayRate(DayOfWeek.SUNDAY, 0, 1));
        // 100 % on Mon, Tue, Thu: Monday had the most due. 0 % on Sat and Sun: Saturday comes first.
        assertThat(user.bestDay()).contains(MONDAY);
        assertThat(user.worstDay()).contains(DayOfWeek.SATURDAY);
        assertThat(user.habits()).hasSize(3);
    }

    @Test
    void noBestOrWorstDayWhenEveryDayWentAlike() {
        HabitHistory daily = HabitHistory.of(Frequency.daily(), WEEK.days());
        UserWeeklyReport user = UserWeeklyReport.of(WEEK, List.of(WeeklyReport.of(daily, WEEK, d("2024-03-11"))));
        assertThat(user.bestDay()).isEmpty();
        assertThat(user.worstDay()).isEmpty();
        assertThat(UserWeeklyReport.of(WEEK, List.of()).bestDay()).isEmpty();
    }

    @Test
    void reportsOfAnotherWeekAreRefused() {
        HabitHistory daily = HabitHistory.of(Frequency.daily(), List.of());
        WeeklyReport other = WeeklyReport.of(daily, WEEK.previous(), d("2024-03-11"));
        assertThatThrownBy(() -> UserWeeklyReport.of(WEEK, List.of(other)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(NOT_SCHEDULED).isNotEqualTo(NO_ENTRY);
    }
}
