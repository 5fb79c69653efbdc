package io.habitcoach.core.coach;

import io.habitcoach.core.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something the coach talks about, with the facts it may state: one record per event type of rules.md
 * section 6. The records carry plain values computed in code (names, counts, dates) so a personality or
 * a language model never has to invent or recompute a number.
 */
public sealed interface CoachEvent permits CoachEvent.HabitCompleted, CoachEvent.HabitMissed,
        CoachEvent.StreakMilestone, CoachEvent.GoalCompleted, CoachEvent.WeeklyAnalysis, CoachEvent.ChatReply {

    /** The event type, also the {@code ai_messages.message_type} of the message. */
    CoachEventType type();

    /** The names and numbers a message about this event may state. */
    CoachFacts facts();

    /**
     * A completion was recorded (never for an idempotent repeat).
     *
     * @param currentStreak  the streak as of today after the completion; 0 when the day did not extend a
     *                       streak (an unscheduled day, an old day that joins no run)
     * @param totalCompleted all completions of the habit, this one included (1: the first completion)
     * @param dueTomorrow    whether the habit is scheduled on the user's next day ({@code false} for a
     *                       {@code per_week} habit, which has no scheduled days), or {@code null} when the
     *                       caller does not know; a message says "tomorrow" only when it is {@code true}
     */
    record HabitCompleted(String habitName, LocalDate date, int currentStreak, int longestStreak,
                          int totalCompleted, StreakUnit unit, Boolean dueTomorrow) implements CoachEvent {

        /** A completion whose next scheduled day is not known: its messages never mention tomorrow. */
        public HabitCompleted(String habitName, LocalDate date, int currentStreak, int longestStreak,
                              int totalCompleted, StreakUnit unit) {
            this(habitName, date, currentStreak, longestStreak, totalCompleted, unit, null);
        }

        public HabitCompleted {
            habitName = requireName(habitName, "habitName");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(unit, "unit");
            requireCount(currentStreak, "currentStreak");
            requireCount(totalCompleted, "totalCompleted");
            InvalidInputException.require(longestStreak >= currentStreak, "longestStreak",
                    "at least currentStreak (" + currentStreak + "), got " + longestStreak);
        }

        @Override
        public CoachEventType type() {
            return CoachEventType.HABIT_COMPLETE;
        }

        @Override
        public CoachFacts facts() {
            return CoachFacts.builder()
                    .name("habit", habitName)
                    .date("date", date)
                    .count("current_streak_" + unitKey(unit), currentStreak)
                    .count("longest_streak_" + unitKey(unit), longestStreak)
                    .count("total_completed", totalCompleted)
                    .flag("due_tomorrow", dueTomorrow)
                    .build();
        }

        /** The habit's first completion ever. */
        public boolean first() {
            return totalCompleted == 1;
        }
    }

    /**
     * A current streak reached a milestone ({@link StreakUnit#milestones()}).
     */
    record StreakMilestone(String habitName, int milestone, StreakUnit unit) implements CoachEvent {
        public StreakMilestone {
            habitName = requireName(habitName, "habitName");
            Objects.requireNonNull(unit, "unit");
            InvalidInputException.require(milestone > 0, "milestone", "a positive streak length, got " + milestone);
        }

        @Override
        public CoachEventType type() {
            return CoachEventType.STREAK;
        }

        @Override
        public CoachFacts facts() {
            return CoachFacts.builder()
                    .name("habit", habitName)
                    .count("milestone_" + unitKey(unit), milestone)
                    .build();
        }
    }

    /**
     * A scheduled period (a day, or a week of a {@code per_week} habit) of an active habit closed without
     * a completion. Raised for real misses only: a skipped or paused period is not scheduled and never
     * produces this event. Messages meet it with encouragement.
     *
     * @param previousStreak the streak that this miss ended; 0 when there was none
     */
    record HabitMissed(String habitName, LocalDate periodStart, LocalDate periodEnd, int previousStreak,
                       StreakUnit unit) implements CoachEvent {
        public HabitMissed {
            habitName = requireName(habitName, "habitName");
            Objects.requireNonNull(periodStart, "periodStart");
            Objects.requireNonNull(periodEnd, "periodEnd");
            Objects.requireNonNull(unit, "unit");
            InvalidInputException.require(!periodEnd.isBefore(periodStart), "periodEnd",
                    "on or after periodStart " + periodStart + ", got " + periodEnd);
            requireCount(previousStreak, "previousStreak");
        }

        /** A missed scheduled day of a {@code daily} or {@code specific_days} habit. */
        public static HabitMissed day(String habitName, LocalDate date, int previousStreak) {
            return new HabitMissed(habitName, date, date, previousStreak, StreakUnit.DAYS);
        }

        /** A week of a {@code per_week} habit that closed without meeting its target. */
        public static HabitMissed week(String habitName, LocalDate weekStart, int previousStreak) {
            Objects.requireNonNull(weekStart, "weekStart");
            return new HabitMissed(habitName, weekStart, weekStart.plusDays(6), previousStreak, StreakUnit.WEEKS);
        }

        @Override
        public CoachEventType type() {
            return CoachEventType.HABIT_FAIL;
        }

        @Override
        public CoachFacts facts() {
            return CoachFacts.builder()
                    .name("habit", habitName)
                    .date("period_start", periodStart)
                    .date("period_end", periodEnd)
                    .count("previous_streak_" + unitKey(unit), previousStreak)
                    .build();
        }
    }

    /**
     * A goal became {@code completed}.
     *
     * @param subtaskCount how many subtasks the goal had (0 if it was completed without any)
     * @param daysTaken    days from the goal's start to its completion, or {@code null} when unknown
     */
    record GoalCompleted(String goalTitle, int subtaskCount, Integer daysTaken) implements CoachEvent {
        public GoalCompleted {
            goalTitle = requireName(goalTitle, "goalTitle");
            requireCount(subtaskCount, "subtaskCount");
            if (daysTaken != null) {
                requireCount(daysTaken, "daysTaken");
            }
        }

        @Override
        public CoachEventType type() {
            return CoachEventType.GOAL_COMPLETE;
        }

        @Override
        public CoachFacts facts() {
            return CoachFacts.builder()
                    .name("goal", goalTitle)
                    .count("subtasks", subtaskCount)
                    .count("days_taken", daysTaken)
                    .build();
        }
    }

    /**
     * A user's week closed. Counts are scheduled periods of all habits that week: {@code done} were
     * completed, {@code skipped} marked as rest (not failures), {@code missed} closed without either.
     *
     * @param completionRate done over scheduled, in [0, 1]; stated as a whole percentage
     * @param bestWeekday    the weekday with the highest completion share, or {@code null} if none stands out
     * @param worstWeekday   the weekday with the lowest completion share, or {@code null}
     * @param habits         one line per habit that had something scheduled, in display order (the facts,
     *                       and so a model's prompt, carry the first {@link CoachPrompt#MAX_HABITS})
     */
    record WeeklyAnalysis(LocalDate weekStart, int scheduled, int done, int skipped, int missed,
                          double completionRate, DayOfWeek bestWeekday, DayOfWeek worstWeekday,
                          List<HabitLine> habits) implements CoachEvent {
        public WeeklyAnalysis {
            Objects.requireNonNull(weekStart, "weekStart");
            requireCount(scheduled, "scheduled");
            requireCount(done, "done");
            requireCount(skipped, "skipped");
            requireCount(missed, "missed");
            InvalidInputException.require(completionRate >= 0 && completionRate <= 1, "completionRate",
                    "between 0 and 1, got " + completionRate);
            habits = List.copyOf(Objects.requireNonNull(habits, "habits"));
        }

        /**
         * The completion rate as the whole percentage that messages state (0.714 gives 71), rounded half
         * up except at the ends: 100 only when every scheduled period was done (199 of 200 gives 99, not
         * 100) and 0 only when none was (1 of 300 gives 1).
         */
        public int completionRatePercent() {
            int percent = (int) Math.round(completionRate * 100);
            if (percent >= 100 && done < scheduled) {
                return 99;
            }
            if (percent <= 0 && done > 0) {
                return 1;
            }
            return percent;
        }

        @Override
        public CoachEventType type() {
            return CoachEventType.WEEKLY_ANALYSIS;
        }

        /**
         * The week's totals (over every habit) and the lines of the first {@link CoachPrompt#MAX_HABITS}
         * habits, names cut to {@link CoachPrompt#MAX_NAME_CHARS}: what one prompt may carry, whatever the
         * number of habits (issue 20). The event keeps every line for the templates.
         */
        @Override
        public CoachFacts facts() {
            List<HabitLine> shown = firstHabits(habits);
            List<CoachFacts> lines = new ArrayList<>(shown.size());
            for (HabitLine line : shown) {
                lines.add(CoachFacts.builder()
                        .name("habit", line.habitName())
                        .count("done", line.done())
                        .count("scheduled", line.scheduled())
                        .count("current_streak_" + unitKey(line.unit()), line.currentStreak())
                        .build());
            }
            return CoachFacts.builder()
                    .date("week_start", weekStart)
                    .count("scheduled", scheduled)
                    .count("done", done)
                    .count("skipped", skipped)
                    .count("missed", missed)
                    .count("completion_rate_percent", completionRatePercent())
                    .weekday("best_weekday", bestWeekday)
                    .weekday("worst_weekday", worstWeekday)
                    .list("habits", lines)
                    .build();
        }

        /** One habit's week. */
        public record HabitLine(String habitName, int done, int scheduled, int currentStreak, StreakUnit unit) {
            public HabitLine {
                habitName = requireName(habitName, "habitName");
                requireCount(done, "done");
                requireCount(scheduled, "scheduled");
                requireCount(currentStreak, "currentStreak");
                Objects.requireNonNull(unit, "unit");
            }
        }
    }

    /**
     * The user wrote to the coach. The facts are the user's habits and streaks; the user's text is
     * deliberately not a fact: it only ever reaches a model as a user message. The template message for
     * this event is the answer used when no model answers.
     *
     * @param userText the user's message, 1 to {@value #MAX_USER_TEXT_CHARS} characters
     * @param habits   the user's active habits, in display order
     */
    record ChatReply(String userText, List<HabitSnapshot> habits) implements CoachEvent {

        /** The longest chat message accepted from a user. */
        public static final int MAX_USER_TEXT_CHARS = 4000;

        public ChatReply {
            Objects.requireNonNull(userText, "userText");
            InvalidInputException.require(!userText.isBlank() && userText.length() <= MAX_USER_TEXT_CHARS,
                    "message", "1 to " + MAX_USER_TEXT_CHARS + " characters, not blank");
            habits = firstHabits(habits);
        }

        @Override
        public CoachEventType type() {
            return CoachEventType.CHAT;
        }

        @Override
        public CoachFacts facts() {
            List<CoachFacts> lines = new ArrayList<>(habits.size());
            for (HabitSnapshot habit : habits) {
                lines.add(CoachFacts.builder()
                        .name("habit", habit.habitName())
                        .count("current_streak_" + unitKey(habit.unit()), habit.currentStreak())
                        .count("longest_streak_" + unitKey(habit.unit()), habit.longestStreak())
                        .build());
            }
            return CoachFacts.builder().list("habits", lines).build();
        }

        /** A habit and its streaks as of today. */
        public record HabitSnapshot(String habitName, int currentStreak, int longestStreak, StreakUnit unit) {
            public HabitSnapshot {
                habitName = requireName(habitName, "habitName");
                requireCount(currentStreak, "currentStreak");
                requireCount(longestStreak, "longestStreak");
                Objects.requireNonNull(unit, "unit");
            }
        }
    }

    /**
     * The first {@link CoachPrompt#MAX_HABITS} habits: what one prompt may carry, so that a user's
     * number of habits cannot grow a prompt (and its cost) without bound.
     */
    private static <T> List<T> firstHabits(List<T> habits) {
        Objects.requireNonNull(habits, "habits");
        return List.copyOf(habits.size() > CoachPrompt.MAX_HABITS ? habits.subList(0, CoachPrompt.MAX_HABITS) : habits);
    }

    private static String requireName(String name, String field) {
        Objects.requireNonNull(name, field);
        String trimmed = name.strip();
        InvalidInputException.require(!trimmed.isEmpty(), field, "a non-blank name");
        return trimmed;
    }

    private static void requireCount(int value, String field) {
        InvalidInputException.require(value >= 0, field, "zero or more, got " + value);
    }

    private static String unitKey(StreakUnit unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }
}
