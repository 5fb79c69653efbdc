package io.habitcoach.core.coach;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.coach.CoachEvent.ChatReply;
import io.habitcoach.core.coach.CoachEvent.HabitCompleted;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroundingTest {

    private final HabitCompleted completed =
            new HabitCompleted("Run 5k", LocalDate.of(2025, 3, 4), 17, 23, 1000, StreakUnit.DAYS);

    @Test
    void acceptsOnlyNumbersAmongTheFacts() {
        assertThat(Grounding.check("Run 5k: 17 days in a row, best 23.", completed)).isTrue();
        assertThat(Grounding.check("Run 5k: 18 days in a row!", completed)).isFalse();
        assertThat(Grounding.ungroundedNumbers("17 days, only 3 more to go, then 40", completed))
                .containsExactly("3", "40");
    }

    @Test
    void digitsInsideNamesAreNotClaims() {
        assertThat(Grounding.check("Great job on RUN 5K today.", completed)).isTrue();
        assertThat(Grounding.check("Great job on the 5 km run today.", completed)).isFalse();
    }

    @Test
    void separatorsAndPercentagesAreReadSensibly() {
        assertThat(Grounding.check("1,000 runs in total! And 1.000 again.", completed)).isTrue();
        assertThat(Grounding.check("17.0 days", completed)).isTrue();
        assertThat(Grounding.check("17.5 days", completed)).isFalse();
        assertThat(Grounding.check("17,5 dias", completed)).isFalse();
        WeeklyAnalysis week = new WeeklyAnalysis(LocalDate.of(2025, 3, 3), 7, 5, 1, 1, 5 / 7.0, DayOfWeek.MONDAY,
                null, List.of());
        assertThat(Grounding.check("You kept 71% of your plan: 5 of 7.", week)).isTrue();
        assertThat(Grounding.check("You kept 71.4% of your plan.", week)).isFalse();
        assertThat(Grounding.check("You kept 0.71 of your plan.", week)).isFalse();
    }

    @Test
    void datesAreNotNumbersToState() {
        assertThat(Grounding.check("Done on 2025-03-04.", completed)).isFalse();
        assertThat(Grounding.check("Done on 04/03.", completed)).isFalse();
    }

    @Test
    void digitsOfOtherScriptsCountToo() {
        assertThat(Grounding.check("Streak: \u0661\u0667 days", completed)).isTrue();
        assertThat(Grounding.check("Streak: \u0669 days", completed)).isFalse();
    }

    @Test
    void blankAndOverlongRepliesFail() {
        assertThat(Grounding.check("  ", completed)).isFalse();
        assertThat(Grounding.check(null, completed)).isFalse();
        assertThat(Grounding.check("Run 5k done.", completed, 5)).isFalse();
        assertThat(Grounding.check("x".repeat(Grounding.DEFAULT_MAX_CHARS + 1), completed)).isFalse();
    }

    @Test
    void aChatReplyMayEchoTheUsersOwnNumbers() {
        ChatReply chat = new ChatReply("I want to read 30 pages a day",
                List.of(new ChatReply.HabitSnapshot("Read", 4, 9, StreakUnit.DAYS)));
        assertThat(Grounding.check("30 pages is ambitious; your streak is 4 days.", chat)).isTrue();
        assertThat(Grounding.check("Try 10 pages first.", chat)).isFalse();
    }
}
