package io.habitcoach.core.coach;

import io.habitcoach.core.coach.CoachEvent.ChatReply;
import io.habitcoach.core.coach.CoachEvent.GoalCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitMissed;
import io.habitcoach.core.coach.CoachEvent.StreakMilestone;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** Events with distinct, recognisable numbers, one or more per case a personality handles. */
final class SampleEvents {

    static final LocalDate DAY = LocalDate.of(2025, 3, 4);

    private SampleEvents() {
    }

    static List<CoachEvent> all() {
        return List.of(
                new HabitCompleted("Run 5k", DAY, 17, 23, 42, StreakUnit.DAYS),
                new HabitCompleted("Ler", DAY, 0, 9, 11, StreakUnit.DAYS),
                new HabitCompleted("Gym", DAY, 6, 6, 38, StreakUnit.WEEKS),
                new StreakMilestone("Run 5k", 21, StreakUnit.DAYS),
                new StreakMilestone("Gym", 8, StreakUnit.WEEKS),
                HabitMissed.day("Meditate", DAY, 13),
                HabitMissed.day("Meditate", DAY, 0),
                HabitMissed.week("Gym", DAY.minusDays(1), 9),
                new GoalCompleted("Learn Spanish", 12, 45),
                new GoalCompleted("Write a book", 0, null),
                new WeeklyAnalysis(DAY, 19, 14, 2, 3, 14 / 19.0, DayOfWeek.TUESDAY, DayOfWeek.SATURDAY,
                        List.of(new WeeklyAnalysis.HabitLine("Run 5k", 6, 7, 17, StreakUnit.DAYS),
                                new WeeklyAnalysis.HabitLine("Meditate", 4, 7, 0, StreakUnit.DAYS))),
                new WeeklyAnalysis(DAY, 0, 0, 4, 0, 0, null, null, List.of()),
                new ChatReply("How am I doing?", List.of(
                        new ChatReply.HabitSnapshot("Run 5k", 17, 23, StreakUnit.DAYS),
                        new ChatReply.HabitSnapshot("Gym", 6, 6, StreakUnit.WEEKS))),
                new ChatReply("Hi!", List.of()));
    }
}
