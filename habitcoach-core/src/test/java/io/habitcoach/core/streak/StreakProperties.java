package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Schedule;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class StreakProperties {

    @Provide
    Arbitrary<HistorySpec> histories() {
        return HistorySpec.any();
    }

    @Provide
    Arbitrary<HistorySpec> plainHistories() {
        return HistorySpec.plain();
    }

    @Property
    void theEngineAgreesWithTheDayByDayReading(@ForAll("histories") HistorySpec spec) {
        HabitHistory history = spec.history();
        assertThat(Streaks.compute(history, spec.todayDate()))
                .isEqualTo(ReferenceStreaks.compute(history, spec.todayDate()));
    }

    @Property
    void theIncrementalFormEqualsAFullRecomputation(@ForAll("histories") HistorySpec spec,
                                                    @ForAll @IntRange(min = -5, max = 80) int offset) {
        HabitHistory history = spec.history();
        LocalDate date = spec.date(offset);
        if (history.doneDates().contains(date) || history.skippedDates().contains(date)) {
            return; // the caller only passes a date that was not done (nor skipped) before
        }
        Optional<StreakState> incremental = Streaks.addDone(Streaks.state(history), history.schedule(), date);
        Statistics.label("incremental").collect(incremental.isPresent());
        incremental.ifPresent(state -> assertThat(state).isEqualTo(Streaks.state(history.withDone(date))));
    }

    @Property
    void completionsInDateOrderAreAlwaysIncremental(@ForAll("plainHistories") HistorySpec spec) {
        // today's completion, yesterday's, one after a gap: the hot path never needs the history
        Schedule schedule = spec.history().schedule();
        StreakState state = StreakState.EMPTY;
        HabitHistory.Builder so = HabitHistory.builder(schedule);
        for (LocalDate date : spec.doneDates()) {
            state = Streaks.addDone(state, schedule, date).orElseThrow();
            so.done(date);
            assertThat(state).isEqualTo(Streaks.state(so.build()));
        }
        assertThat(state.asOf(schedule, spec.todayDate())).isEqualTo(Streaks.compute(spec.history(), spec.todayDate()));
    }

    @Property
    void completionsInAnyOrderEndInTheFullState(@ForAll("histories") HistorySpec spec, @ForAll long seed) {
        // the service's loop: incremental when possible, else recompute; either way the same state
        HabitHistory full = spec.history();
        List<LocalDate> order = new ArrayList<>(full.doneDates());
        Collections.shuffle(order, new Random(seed));
        HabitHistory.Builder builder = spec.builder();
        HabitHistory.Builder sofar = HabitHistory.builder(full.schedule());
        full.skippedDates().forEach(sofar::skipped);
        full.pauses().forEach(sofar::pause);
        StreakState state = Streaks.state(sofar.build());
        for (LocalDate date : order) {
            sofar.done(date);
            HabitHistory now = sofar.build();
            state = Streaks.addDone(state, full.schedule(), date).orElseGet(() -> Streaks.state(now));
            assertThat(state).isEqualTo(Streaks.state(now));
        }
        assertThat(state).isEqualTo(Streaks.state(builder.build()));
    }

    @Property(tries = 500)
    void currentNeverExceedsLongest(@ForAll("histories") HistorySpec spec) {
        StreakSummary summary = Streaks.compute(spec.history(), spec.todayDate());
        assertThat(summary.current()).isLessThanOrEqualTo(summary.longest());
        assertThat(summary.longest()).isLessThanOrEqualTo(summary.totalCompleted());
    }

    @Property(tries = 500)
    void addingADoneDayNeverLowersLongest(@ForAll("histories") HistorySpec spec,
                                          @ForAll @IntRange(min = -5, max = 80) int offset) {
        HabitHistory history = spec.history();
        LocalDate date = spec.date(offset);
        if (history.skippedDates().contains(date)) {
            return;
        }
        StreakSummary before = Streaks.compute(history, spec.todayDate());
        StreakSummary after = Streaks.compute(history.withDone(date), spec.todayDate());
        assertThat(after.longest()).isGreaterThanOrEqualTo(before.longest());
        assertThat(after.totalCompleted()).isGreaterThanOrEqualTo(before.totalCompleted());
    }

    @Property(tries = 500)
    void movingEveryDateByWholeWeeksChangesNothing(@ForAll("histories") HistorySpec spec,
                                                   @ForAll @IntRange(min = -600, max = 600) int weeks) {
        HistorySpec shifted = spec.shiftedByWeeks(weeks);
        assertThat(Streaks.compute(shifted.history(), shifted.todayDate()))
                .isEqualTo(Streaks.compute(spec.history(), spec.todayDate()));
        assertThat(HabitStrength.score(shifted.history(), shifted.todayDate()))
                .isEqualTo(HabitStrength.score(spec.history(), spec.todayDate()));
    }

    @Property(tries = 500)
    void theOrderOfTheInputDoesNotMatter(@ForAll("plainHistories") HistorySpec spec, @ForAll long seed) {
        List<LocalDate> sorted = spec.doneDates();
        List<LocalDate> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(seed));
        shuffled.addAll(sorted.subList(0, sorted.size() / 3)); // duplicates change nothing either
        assertThat(Streaks.compute(spec.frequency(), shuffled, spec.todayDate()))
                .isEqualTo(Streaks.compute(spec.frequency(), sorted, spec.todayDate()));
        assertThat(HabitStrength.score(spec.frequency(), shuffled, spec.todayDate()))
                .isEqualTo(HabitStrength.score(spec.frequency(), sorted, spec.todayDate()));
    }

    @Property
    void strengthStaysInTheUnitIntervalAndFollowsTheFormula(@ForAll("histories") HistorySpec spec) {
        double score = HabitStrength.score(spec.history(), spec.todayDate());
        assertThat(score).isBetween(0.0, 1.0);
        assertThat(score).isCloseTo(ReferenceStreaks.strength(spec.history(), spec.todayDate()),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Property(tries = 500)
    void weeklyReportCountsAddUp(@ForAll("histories") HistorySpec spec, @ForAll @IntRange(min = 0, max = 70) int offset) {
        HabitHistory history = spec.history();
        LocalDate today = spec.todayDate();
        LocalDate inWeek = spec.date(offset);
        if (inWeek.isAfter(today)) {
            inWeek = today;
        }
        WeeklyReport report = WeeklyReport.of(history, history.schedule().weekOf(inWeek), today);
        assertThat(report.days()).hasSize(7);
        if (report.frequency() != io.habitcoach.core.schedule.FrequencyType.PER_WEEK) {
            assertThat(report.scheduled()).isEqualTo(report.done() + report.skipped() + report.missed() + report.pending());
        }
        report.completionRate().ifPresent(rate -> assertThat(rate).isBetween(0.0, 1.0));
        assertThat(report.streakAtWeekEnd()).isGreaterThanOrEqualTo(0);
    }

}
