package io.habitcoach.core.streak;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.schedule.Schedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.habitcoach.core.streak.StreakScenariosTest.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MilestonesTest {

    @ParameterizedTest(name = "{0}: {1} -> {2} crosses [{3}]")
    @CsvSource(delimiter = ';', value = {
            "DAILY;         0;   1;   ''",
            "DAILY;         2;   3;   3",
            "DAILY;         6;   7;   7",
            "DAILY;         7;   6;   ''",
            "DAILY;         7;   7;   ''",
            "DAILY;         2;   8;   3,7",
            "DAILY;        65;  66;   66",
            "DAILY;       364; 365;   365",
            "DAILY;       365; 400;   ''",
            "SPECIFIC_DAYS; 13; 14;   14",
            "SPECIFIC_DAYS;  0; 30;   3,7,14,21,30",
            "PER_WEEK;      3;   4;   4",
            "PER_WEEK;      6;   7;   ''",
            "PER_WEEK;     25;  26;   26",
            "PER_WEEK;      0;  52;   4,8,12,26,52",
    })
    void crossed(FrequencyType type, int previous, int current, String expected) {
        List<Integer> milestones = expected.isBlank() ? List.of()
                : Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
        assertThat(Milestones.crossed(type, previous, current)).isEqualTo(milestones);
    }

    @Test
    void theListsAreThoseOfRulesSectionSix() {
        assertThat(Milestones.of(FrequencyType.DAILY)).containsExactly(3, 7, 14, 21, 30, 50, 66, 100, 200, 365);
        assertThat(Milestones.of(FrequencyType.SPECIFIC_DAYS)).isEqualTo(Milestones.DAYS);
        assertThat(Milestones.of(FrequencyType.PER_WEEK)).containsExactly(4, 8, 12, 26, 52);
    }

    @Test
    void negativeStreaksAreAProgrammingError() {
        assertThatThrownBy(() -> Milestones.crossed(FrequencyType.DAILY, -1, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUndoAndRedoInsideARunRaisesTheMilestoneOnce() {
        // The caller's loop: event key = habit + run start + milestone, inserted with ON CONFLICT DO NOTHING.
        Schedule daily = Schedule.of(Frequency.daily());
        Set<String> raised = new HashSet<>();
        List<LocalDate> done = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            done.add(d("2024-03-01").plusDays(i));
        }
        LocalDate today = d("2024-03-07");
        StreakSummary before = Streaks.compute(HabitHistory.of(Frequency.daily(), done), today);
        int events = 0;
        // complete, undo, complete again: 6 -> 7 -> 6 -> 7
        for (boolean complete : new boolean[] {true, false, true}) {
            if (complete) {
                done.add(today);
            } else {
                done.remove(today);
            }
            HabitHistory history = HabitHistory.of(Frequency.daily(), done);
            StreakState state = Streaks.state(history);
            StreakSummary after = state.asOf(daily, today);
            for (int milestone : Milestones.crossed(FrequencyType.DAILY, before.current(), after.current())) {
                if (raised.add("habit-1/" + state.runStart() + "/" + milestone)) {
                    events++;
                }
            }
            before = after;
        }
        assertThat(events).isEqualTo(1);
        assertThat(raised).containsExactly("habit-1/2024-03-01/7");
    }
}
