package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.ScheduleHistory;
import io.habitcoach.core.schedule.WeekStartHistory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes of the first day of the week (docs/rules.md, "Changing the first day of the week"): weeks
 * that ended before the change keep their judgement, weeks after it are the new calendar weeks, and the
 * incremental form stays exact.
 */
class WeekStartHistoryProperties {

    @Provide
    Arbitrary<HistorySpec> histories() {
        return HistorySpec.any();
    }

    @Provide
    Arbitrary<Frequency> frequencies() {
        return HistorySpec.frequencies();
    }

    /**
     * The runs, totals and unmet week over the entries before the week of the change (by the old first
     * day): equal with and without the change. Not compared: nextDue and excusedThrough, which look at
     * the week in progress and later (judged under the new rule).
     */
    @Property
    void aChangeNeverChangesTheJudgementOfWeeksThatEndedBeforeIt(@ForAll("histories") HistorySpec spec,
                                                                 @ForAll DayOfWeek next,
                                                                 @ForAll @IntRange(min = 0, max = 80) int changedOn,
                                                                 @ForAll("frequencies") Frequency earlier,
                                                                 @ForAll @IntRange(min = -5, max = 80) int frequencyChangedOn) {
        LocalDate change = spec.date(changedOn);
        LocalDate weekOfTheChange = CalendarWeek.containing(change, spec.firstDay()).start();
        ScheduleHistory schedules = frequencyChangedOn > changedOn ? ScheduleHistory.of(spec.frequency())
                : ScheduleHistory.of(earlier).then(spec.date(frequencyChangedOn), spec.frequency());
        Predicate<LocalDate> ended = d -> d.isBefore(weekOfTheChange);
        HabitHistory without = upTo(spec, schedules, ended).build();
        HabitHistory with = upTo(spec, schedules, ended)
                .weekStarts(WeekStartHistory.of(spec.firstDay()).change(change, next)).build();
        assertThat(judged(Streaks.state(with))).isEqualTo(judged(Streaks.state(without)));
    }

    /** Entries from the first whole new week on: exactly as if the new first day had always been in force. */
    @Property
    void afterTheChangeTheWeeksAreTheNewOnes(@ForAll("histories") HistorySpec spec, @ForAll DayOfWeek next,
                                             @ForAll @IntRange(min = 0, max = 40) int changedOn) {
        LocalDate change = spec.date(changedOn);
        WeekStartHistory weeks = WeekStartHistory.of(spec.firstDay()).change(change, next);
        LocalDate from = weeks.takesEffect(change, next);
        LocalDate firstWholeWeek = CalendarWeek.containing(from.plusDays(6), next).start();
        Predicate<LocalDate> after = d -> !d.isBefore(firstWholeWeek);
        ScheduleHistory schedules = ScheduleHistory.of(spec.frequency());
        HabitHistory changed = upTo(spec, schedules, after).weekStarts(weeks).build();
        HabitHistory always = upTo(spec, schedules, after).firstDayOfWeek(next).build();
        LocalDate today = spec.todayDate().isBefore(firstWholeWeek) ? firstWholeWeek : spec.todayDate();
        assertThat(Streaks.compute(changed, today)).isEqualTo(Streaks.compute(always, today));
        assertThat(judged(Streaks.state(changed))).isEqualTo(judged(Streaks.state(always)));
    }

    @Property
    void theIncrementalFormAfterAChangeEqualsAFullRecomputation(@ForAll("histories") HistorySpec spec,
                                                                @ForAll DayOfWeek next,
                                                                @ForAll @IntRange(min = 0, max = 70) int changedOn,
                                                                @ForAll @IntRange(min = -5, max = 80) int offset) {
        HabitHistory history = spec.builder()
                .weekStarts(WeekStartHistory.of(spec.firstDay()).change(spec.date(changedOn), next)).build();
        LocalDate date = spec.date(offset);
        if (history.doneDates().contains(date) || history.skippedDates().contains(date)) {
            return;
        }
        Streaks.addDone(Streaks.state(history), history.schedule(), date)
                .ifPresent(state -> assertThat(state).isEqualTo(Streaks.state(history.withDone(date))));
    }

    /** A history that never changed its first day is judged as before, explicit or not. */
    @Property
    void anUnchangedFirstDayChangesNothing(@ForAll("histories") HistorySpec spec) {
        HabitHistory plain = spec.history();
        HabitHistory explicit = spec.builder().weekStarts(WeekStartHistory.of(spec.firstDay())).build();
        assertThat(Streaks.state(explicit)).isEqualTo(Streaks.state(plain));
        assertThat(Streaks.compute(explicit, spec.todayDate())).isEqualTo(Streaks.compute(plain, spec.todayDate()));
    }

    private static HabitHistory.Builder upTo(HistorySpec spec, ScheduleHistory schedules, Predicate<LocalDate> keep) {
        HabitHistory full = spec.history();
        return HabitHistory.builder(full.schedule()).schedules(schedules)
                .done(full.doneDates().stream().filter(keep).toList())
                .skipped(full.skippedDates().stream().filter(keep).toList())
                .pauses(full.pauses());
    }

    /** The state without what looks past the last entry's week (nextDue, excusedThrough). */
    private static StreakState judged(StreakState s) {
        return new StreakState(s.runLength(), s.runStart(), s.runEnd(), null, s.longest(), s.totalCompleted(),
                s.lastDoneDate(), s.previousRunLength(), s.previousRunEnd(), s.lastUnmetWeek(), s.lastUnmetWeekDone(),
                null);
    }
}
