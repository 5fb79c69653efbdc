package io.habitcoach.ai;

import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachEvent.ChatReply;
import io.habitcoach.core.coach.CoachEvent.ChatReply.HabitSnapshot;
import io.habitcoach.core.coach.CoachEvent.GoalCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitMissed;
import io.habitcoach.core.coach.CoachEvent.StreakMilestone;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis.HabitLine;
import io.habitcoach.core.coach.StreakUnit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Events covering every case a built-in template distinguishes, each with the names and numbers its
 * message must state. The numbers are chosen distinct so a wrong one is caught; names contain digits so
 * that name handling is exercised.
 */
record Cases(String label, CoachEvent event, List<String> names, List<Integer> numbers, DayOfWeek weekday) {

    static final LocalDate TUESDAY = LocalDate.of(2025, 3, 4);
    static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    static List<Cases> all() {
        return List.of(
                new Cases("completed with streak", new HabitCompleted("Run 5k", TUESDAY, 17, 23, 42, StreakUnit.DAYS),
                        List.of("Run 5k"), List.of(17), null),
                new Cases("first completion", new HabitCompleted("Yoga", TUESDAY, 1, 1, 1, StreakUnit.DAYS),
                        List.of("Yoga"), List.of(), null),
                new Cases("completed, streak of 1", new HabitCompleted("Yoga", TUESDAY, 1, 4, 5, StreakUnit.DAYS),
                        List.of("Yoga"), List.of(5), null),
                new Cases("completed, due tomorrow",
                        new HabitCompleted("Run 5k", TUESDAY, 17, 23, 42, StreakUnit.DAYS, true),
                        List.of("Run 5k"), List.of(17), null),
                new Cases("completed without streak",
                        new HabitCompleted("Ler 20 páginas", TUESDAY, 0, 9, 11, StreakUnit.DAYS),
                        List.of("Ler 20 páginas"), List.of(11), null),
                new Cases("completed weekly habit", new HabitCompleted("Gym", TUESDAY, 6, 6, 38, StreakUnit.WEEKS),
                        List.of("Gym"), List.of(6), null),
                new Cases("milestone days", new StreakMilestone("Run 5k", 21, StreakUnit.DAYS),
                        List.of("Run 5k"), List.of(21), null),
                new Cases("milestone weeks", new StreakMilestone("Gym", 8, StreakUnit.WEEKS),
                        List.of("Gym"), List.of(8), null),
                new Cases("missed after streak", HabitMissed.day("Meditate", TUESDAY, 13),
                        List.of("Meditate"), List.of(13), null),
                new Cases("missed on saturday", HabitMissed.day("Meditate", TUESDAY.plusDays(4), 0),
                        List.of("Meditate"), List.of(), null),
                new Cases("missed week", HabitMissed.week("Gym", MONDAY, 9), List.of("Gym"), List.of(9), null),
                new Cases("goal with steps and days", new GoalCompleted("Learn Spanish", 12, 45),
                        List.of("Learn Spanish"), List.of(12, 45), null),
                new Cases("goal with one step", new GoalCompleted("Fix the bike", 1, 0),
                        List.of("Fix the bike"), List.of(1), null),
                new Cases("goal without steps", new GoalCompleted("Write a book", 0, null),
                        List.of("Write a book"), List.of(), null),
                new Cases("weekly analysis", new WeeklyAnalysis(MONDAY, 19, 14, 2, 3, 14 / 19.0,
                        DayOfWeek.TUESDAY, DayOfWeek.SATURDAY, List.of(
                                new HabitLine("Run 5k", 6, 7, 17, StreakUnit.DAYS),
                                new HabitLine("Meditate", 4, 7, 0, StreakUnit.DAYS))),
                        List.of("Meditate"), List.of(14, 19, 74), DayOfWeek.TUESDAY),
                new Cases("weekly all met", new WeeklyAnalysis(MONDAY, 7, 7, 0, 0, 1.0, DayOfWeek.SUNDAY, null,
                        List.of(new HabitLine("Run 5k", 7, 7, 30, StreakUnit.DAYS))),
                        List.of(), List.of(7, 100), DayOfWeek.SUNDAY),
                new Cases("weekly nothing scheduled",
                        new WeeklyAnalysis(MONDAY, 0, 0, 4, 0, 0, null, null, List.of()), List.of(), List.of(), null),
                new Cases("chat with habits", new ChatReply("How am I doing? I ran 3 km", List.of(
                        new HabitSnapshot("Run 5k", 17, 23, StreakUnit.DAYS),
                        new HabitSnapshot("Gym", 6, 6, StreakUnit.WEEKS),
                        new HabitSnapshot("Read", 0, 2, StreakUnit.DAYS),
                        new HabitSnapshot("Swim", 4, 4, StreakUnit.DAYS))),
                        List.of("Run 5k", "Gym", "Read"), List.of(17, 6), null),
                new Cases("chat without habits", new ChatReply("Hi!", List.of()), List.of(), List.of(), null));
    }

    @Override
    public String toString() {
        return label;
    }
}
