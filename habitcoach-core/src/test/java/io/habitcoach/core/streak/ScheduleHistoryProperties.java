package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.ScheduleHistory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Schedule histories (docs/rules.md, "Schedule changes"): the span engine against the single-schedule one. */
class ScheduleHistoryProperties {

    @Provide
    Arbitrary<HistorySpec> histories() {
        return HistorySpec.any();
    }

    @Provide
    Arbitrary<Frequency> frequencies() {
        return HistorySpec.frequencies();
    }

    @Property
    void withOneSpanTheSpanEngineIsTheEngine(@ForAll("histories") HistorySpec spec) {
        HabitHistory history = spec.history();
        assertThat(SpanEngine.state(history, Spans.of(history, false), Integer.MAX_VALUE))
                .isEqualTo(StreakEngine.state(history, Integer.MAX_VALUE));
    }

    @Property
    void withOneSpanComputeIsTodaysResult(@ForAll("histories") HistorySpec spec) {
        HabitHistory history = spec.history();
        ScheduleHistory one = ScheduleHistory.of(spec.frequency());
        assertThat(Streaks.compute(history, one, spec.todayDate()))
                .isEqualTo(Streaks.compute(history, spec.todayDate()));
        assertThat(Streaks.compute(one, spec.doneDates(), spec.todayDate()))
                .isEqualTo(Streaks.compute(spec.frequency(), spec.doneDates(), spec.todayDate()));
    }

    @Property
    void splittingASpanIntoTwoEqualOnesChangesNothing(@ForAll("histories") HistorySpec spec,
                                                      @ForAll @IntRange(min = -5, max = 80) int at) {
        HabitHistory single = spec.history();
        LocalDate today = spec.todayDate();
        ScheduleHistory split = ScheduleHistory.of(spec.frequency()).then(spec.date(at), spec.frequency());
        HabitHistory twice = single.toBuilder().schedules(split).build();
        // unmerged, so that the span engine itself crosses the boundary
        StreakState spanState = SpanEngine.state(twice, Spans.of(twice, false), Integer.MAX_VALUE);
        StreakState plain = Streaks.state(single);
        assertThat(spanState.asOf(single.schedule(), today)).isEqualTo(plain.asOf(single.schedule(), today));
        assertThat(withoutExcused(spanState)).isEqualTo(withoutExcused(plain));
        assertThat(Streaks.compute(twice, today)).isEqualTo(Streaks.compute(single, today));
        assertThat(HabitStrength.score(twice, today)).isEqualTo(HabitStrength.score(single, today));
    }

    @Property
    void theSpanEngineAgreesWithTheDayByDayReading(@ForAll("histories") HistorySpec spec,
                                                   @ForAll("frequencies") Frequency before,
                                                   @ForAll @IntRange(min = -5, max = 80) int at) {
        LocalDate today = spec.todayDate();
        LocalDate from = spec.date(at).isAfter(today) ? today : spec.date(at);
        ScheduleHistory changed = ScheduleHistory.of(before).then(from, spec.frequency());
        HabitHistory history = spec.builder().schedules(changed).build();
        assertThat(Streaks.compute(history, today)).isEqualTo(ReferenceSpans.compute(history, today));
        assertThat(HabitStrength.score(history, today)).isCloseTo(ReferenceSpans.strength(history, today),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Property(tries = 300)
    void weeklyReportsOfAChangedScheduleAddUp(@ForAll("histories") HistorySpec spec,
                                              @ForAll("frequencies") Frequency before,
                                              @ForAll @IntRange(min = 0, max = 70) int at,
                                              @ForAll @IntRange(min = 0, max = 70) int offset) {
        LocalDate today = spec.todayDate();
        LocalDate from = spec.date(at).isAfter(today) ? today : spec.date(at);
        HabitHistory history = spec.builder().schedules(ScheduleHistory.of(before).then(from, spec.frequency())).build();
        LocalDate inWeek = spec.date(offset).isAfter(today) ? today : spec.date(offset);
        WeeklyReport report = WeeklyReport.of(history, history.schedule().weekOf(inWeek), today);
        if (report.frequency() != io.habitcoach.core.schedule.FrequencyType.PER_WEEK) {
            assertThat(report.scheduled()).isEqualTo(report.done() + report.skipped() + report.missed() + report.pending());
        }
        boolean closed = report.week().end().isBefore(today);
        LocalDate asOf = closed ? report.week().end().plusDays(1) : today;
        LocalDate through = closed ? report.week().end() : today;
        HabitHistory upTo = HabitHistory.builder(history.schedule()).schedules(history.schedules())
                .done(history.doneDates().stream().filter(d -> !d.isAfter(through)).toList())
                .skipped(history.skippedDates().stream().filter(d -> !d.isAfter(through)).toList())
                .pauses(history.pauses()).build();
        assertThat(report.streakAtWeekEnd()).isEqualTo(ReferenceSpans.compute(upTo, asOf).current());
    }

    @Property
    void theIncrementalFormAfterAChangeEqualsAFullRecomputation(@ForAll("histories") HistorySpec spec,
                                                                @ForAll("frequencies") Frequency before,
                                                                @ForAll @IntRange(min = 0, max = 70) int at,
                                                                @ForAll @IntRange(min = -5, max = 80) int offset) {
        HabitHistory history = spec.builder().schedules(ScheduleHistory.of(before).then(spec.date(at), spec.frequency()))
                .build();
        LocalDate date = spec.date(offset);
        if (history.doneDates().contains(date) || history.skippedDates().contains(date)) {
            return;
        }
        Streaks.addDone(Streaks.state(history), history.schedule(), date)
                .ifPresent(state -> assertThat(state).isEqualTo(Streaks.state(history.withDone(date))));
    }

    private static StreakState withoutExcused(StreakState s) {
        return new StreakState(s.runLength(), s.runStart(), s.runEnd(), s.nextDue(), s.longest(), s.totalCompleted(),
                s.lastDoneDate(), s.previousRunLength(), s.previousRunEnd(), s.lastUnmetWeek(), s.lastUnmetWeekDone(),
                null);
    }
}
