package io.habitcoach.core.streak;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.Frequency;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static io.habitcoach.core.streak.StreakScenariosTest.d;
import static io.habitcoach.core.streak.StreakScenariosTest.dates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HabitHistoryTest {

    @Test
    void keepsDatesSortedAndDistinct() {
        HabitHistory history = HabitHistory.of(Frequency.daily(), dates("2024-03-05", "2024-03-01", "2024-03-05"));
        assertThat(history.doneDates()).containsExactly(d("2024-03-01"), d("2024-03-05"));
        assertThat(history.totalCompleted()).isEqualTo(2);
        assertThatThrownBy(() -> history.doneDates().add(d("2024-03-06")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDayIsEitherDoneOrSkipped() {
        assertThatThrownBy(() -> HabitHistory.builder(Frequency.daily()).done(d("2024-03-01"))
                .skipped(d("2024-03-01")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("skippedDates");
                    assertThat(e.getMessage()).contains("2024-03-01");
                });
    }

    @Test
    void mergesOverlappingAndTouchingPauses() {
        HabitHistory history = HabitHistory.builder(Frequency.daily())
                .paused(d("2024-03-10"), d("2024-03-12"))
                .paused(d("2024-03-01"), d("2024-03-05"))
                .paused(d("2024-03-05"), d("2024-03-07"))
                .paused(d("2024-03-20"), d("2024-03-20")) // resumed the same day: nothing paused
                .paused(d("2024-03-11"), null)
                .build();
        assertThat(history.pauses()).containsExactly(new PauseRange(d("2024-03-01"), d("2024-03-07")),
                PauseRange.since(d("2024-03-10")));
    }

    @Test
    void aPauseCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new PauseRange(d("2024-03-05"), d("2024-03-04")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("resumedOn"));
    }

    @Test
    void rejectsNullsAndDatesOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> HabitHistory.builder((Frequency) null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("frequency"));
        assertThatThrownBy(() -> HabitHistory.of(Frequency.daily(), java.util.Arrays.asList(d("2024-03-01"), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("doneDates"));
        assertThatThrownBy(() -> HabitHistory.of(Frequency.daily(), List.of(LocalDate.of(10000, 1, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("doneDates"));
    }

    @Test
    void equalHistoriesAreEqualWhateverTheInputOrder() {
        HabitHistory a = HabitHistory.builder(Frequency.timesPerWeek(2)).firstDayOfWeek(DayOfWeek.SUNDAY)
                .done(dates("2024-03-01", "2024-03-03")).skipped(d("2024-03-02")).startDate(d("2024-02-01")).build();
        HabitHistory b = HabitHistory.builder(Frequency.timesPerWeek(2)).firstDayOfWeek(DayOfWeek.SUNDAY)
                .done(dates("2024-03-03", "2024-03-01")).skipped(d("2024-03-02")).startDate(d("2024-02-01")).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.withDone(d("2024-03-04")).doneDates()).hasSize(3);
        assertThat(a.startDate()).contains(d("2024-02-01"));
    }

    @Test
    void aBuilderCanGoOnAfterBuildWithoutChangingWhatItBuilt() {
        List<LocalDate> sixteen = new java.util.ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            sixteen.add(d("2024-03-01").plusDays(i - 1));
        }
        HabitHistory.Builder builder = HabitHistory.builder(Frequency.daily());
        builder.done(sixteen); // fills the builder's first array exactly: the history takes it as it is
        HabitHistory first = builder.build();
        builder.done(dates("2024-02-28")).skipped(d("2024-03-20"));
        HabitHistory second = builder.build();
        assertThat(first.doneDates()).isEqualTo(sixteen);
        assertThat(first.skippedDates()).isEmpty();
        assertThat(second.doneDates()).hasSize(17).startsWith(d("2024-02-28"), d("2024-03-01"));
        assertThat(second.skippedDates()).containsExactly(d("2024-03-20"));
        assertThat(first.doneDates()).isEqualTo(sixteen);
    }
}
