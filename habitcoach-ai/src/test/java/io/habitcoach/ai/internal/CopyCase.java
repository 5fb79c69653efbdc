package io.habitcoach.ai.internal;

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
 * The edge-case facts every built-in phrasing is rendered against (docs/coach-samples.md and
 * {@link CopyPropertiesTest}): first completions, streaks of 1, 2, 7 and 30, per-week habits, names as
 * people type them (lowercase, a trailing period, in quotes), 0 %, 99.5 % and 100 %, singulars.
 */
record CopyCase(String label, CoachEvent event) {

    static final LocalDate TUESDAY = LocalDate.of(2025, 3, 4);
    static final LocalDate SATURDAY = LocalDate.of(2025, 3, 8);
    static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    static List<CopyCase> all() {
        return List.of(
                new CopyCase("first completion of a daily habit, lowercase name with a period, due tomorrow",
                        new HabitCompleted("beber água.", TUESDAY, 1, 1, 1, StreakUnit.DAYS, true)),
                new CopyCase("first completion of a 3-per-week habit, no streak yet",
                        new HabitCompleted("Academia", TUESDAY, 0, 0, 1, StreakUnit.WEEKS, false)),
                new CopyCase("streak of 1 after earlier completions, lowercase name, due tomorrow unknown",
                        new HabitCompleted("meditar", TUESDAY, 1, 9, 12, StreakUnit.DAYS)),
                new CopyCase("streak of 2, name with a period, due tomorrow",
                        new HabitCompleted("Ler 20 páginas.", TUESDAY, 2, 5, 9, StreakUnit.DAYS, true)),
                new CopyCase("streak of 7 on specific days, not due tomorrow",
                        new HabitCompleted("Correr 5 km", TUESDAY, 7, 7, 40, StreakUnit.DAYS, false)),
                new CopyCase("streak of 30, lowercase name, due tomorrow",
                        new HabitCompleted("orar", TUESDAY, 30, 30, 31, StreakUnit.DAYS, true)),
                new CopyCase("3-per-week habit mid-week, no streak, name with a period",
                        new HabitCompleted("escrever.", TUESDAY, 0, 4, 5, StreakUnit.WEEKS, false)),
                new CopyCase("3-per-week habit, streak of 3 weeks",
                        new HabitCompleted("Natação", TUESDAY, 3, 3, 14, StreakUnit.WEEKS, false)),
                new CopyCase("name in quotes with an exclamation mark, streak of 2, second completion",
                        new HabitCompleted("\"sem açúcar!\"", TUESDAY, 2, 2, 2, StreakUnit.DAYS, true)),
                new CopyCase("milestone: 7 days, lowercase name",
                        new StreakMilestone("orar", 7, StreakUnit.DAYS)),
                new CopyCase("milestone: 4 weeks", new StreakMilestone("Academia", 4, StreakUnit.WEEKS)),
                new CopyCase("missed on Tuesday, no streak before, lowercase name",
                        HabitMissed.day("meditar", TUESDAY, 0)),
                new CopyCase("missed on Saturday after a streak of 1, name with a period",
                        HabitMissed.day("Ler 20 páginas.", SATURDAY, 1)),
                new CopyCase("missed on Saturday after a streak of 13",
                        HabitMissed.day("Correr 5 km", SATURDAY, 13)),
                new CopyCase("missed week of a per-week habit, no streak before",
                        HabitMissed.week("escrever.", MONDAY, 0)),
                new CopyCase("missed week after a streak of 9 weeks", HabitMissed.week("Natação", MONDAY, 9)),
                new CopyCase("goal with 1 step in 1 day, lowercase title with a period",
                        new GoalCompleted("consertar a bicicleta.", 1, 1)),
                new CopyCase("goal with 12 steps in 45 days", new GoalCompleted("Aprender espanhol", 12, 45)),
                new CopyCase("goal without steps, duration unknown", new GoalCompleted("Escrever um livro", 0, null)),
                new CopyCase("week at 0 %", new WeeklyAnalysis(MONDAY, 7, 0, 0, 7, 0, null, null,
                        List.of(new HabitLine("meditar", 0, 7, 0, StreakUnit.DAYS)))),
                new CopyCase("week at 99.5 % (199 of 200)", new WeeklyAnalysis(MONDAY, 200, 199, 0, 1, 0.995,
                        DayOfWeek.TUESDAY, DayOfWeek.SUNDAY, List.of(
                                new HabitLine("Correr 5 km", 99, 100, 6, StreakUnit.DAYS),
                                new HabitLine("orar", 100, 100, 30, StreakUnit.DAYS)))),
                new CopyCase("week at 100 % (7 of 7)", new WeeklyAnalysis(MONDAY, 7, 7, 0, 0, 1.0,
                        DayOfWeek.SUNDAY, null, List.of(new HabitLine("orar", 7, 7, 30, StreakUnit.DAYS)))),
                new CopyCase("week with 1 of 1 planned check-in", new WeeklyAnalysis(MONDAY, 1, 1, 0, 0, 1.0,
                        null, null, List.of(new HabitLine("Academia", 1, 1, 2, StreakUnit.WEEKS)))),
                new CopyCase("week at 74 % (14 of 19), best day Saturday, focus on a name with a period",
                        new WeeklyAnalysis(MONDAY, 19, 14, 2, 3, 14 / 19.0, DayOfWeek.SATURDAY, DayOfWeek.MONDAY,
                                List.of(new HabitLine("Correr 5 km", 6, 7, 17, StreakUnit.DAYS),
                                        new HabitLine("Ler 20 páginas.", 4, 7, 0, StreakUnit.DAYS)))),
                new CopyCase("week with nothing scheduled",
                        new WeeklyAnalysis(MONDAY, 0, 0, 4, 0, 0, null, null, List.of())),
                new CopyCase("chat, every habit listed, one without a streak", new ChatReply("Como estou indo?",
                        List.of(new HabitSnapshot("orar", 1, 30, StreakUnit.DAYS),
                                new HabitSnapshot("Ler 20 páginas.", 0, 5, StreakUnit.DAYS)))),
                new CopyCase("chat, more habits than are listed", new ChatReply("How am I doing?", List.of(
                        new HabitSnapshot("Correr 5 km", 17, 23, StreakUnit.DAYS),
                        new HabitSnapshot("Academia", 1, 6, StreakUnit.WEEKS),
                        new HabitSnapshot("meditar", 0, 2, StreakUnit.DAYS),
                        new HabitSnapshot("Natação", 4, 4, StreakUnit.WEEKS)))),
                new CopyCase("chat without habits", new ChatReply("Oi!", List.of())));
    }

    @Override
    public String toString() {
        return label;
    }
}
