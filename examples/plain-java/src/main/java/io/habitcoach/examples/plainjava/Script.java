package io.habitcoach.examples.plainjava;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.Frequency;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Three weeks in the life of Ana, as data: what she logs on which day. The example plays it on a clock
 * that it moves from day to day; its test derives the expected streaks from the same steps with core's
 * rules, without the database.
 */
public final class Script {

    /** Ana's zone: every date below is a local date there. */
    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    /** Monday 3 March 2025: Ana signs up and creates her habits and her goal. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 3);

    /** Sunday 23 March 2025: the last scripted day. */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 3, 23);

    /** Monday 24 March 2025: the day of the report (nothing logged yet, so today is still open). */
    public static final LocalDate REPORT_DAY = LocalDate.of(2025, 3, 24);

    /** When Ana logs her day. */
    public static final LocalTime EVENING = LocalTime.of(20, 0);

    /** When the host runs the coach jobs each night. */
    public static final LocalTime NIGHTLY_JOBS = LocalTime.of(23, 0);

    /** The coach Ana starts with; she tries another each week (see {@link SwitchCoach}). */
    public static final String FIRST_COACH = "yoda";

    /** Ana's habits. */
    public enum HabitKey {
        MEDITATE("Meditate", Frequency.daily()),
        RUN("Run", Frequency.specificDays(MONDAY, WEDNESDAY, FRIDAY)),
        STRENGTH("Strength training", Frequency.timesPerWeek(3));

        private final String displayName;
        private final Frequency frequency;

        HabitKey(String displayName, Frequency frequency) {
            this.displayName = displayName;
            this.frequency = frequency;
        }

        public String displayName() {
            return displayName;
        }

        public Frequency frequency() {
            return frequency;
        }
    }

    /** Ana's goal and its subtasks, in order. */
    public static final String GOAL = "Run a 10k race";
    public static final List<String> SUBTASKS = List.of("Buy running shoes", "Run 5k without stopping",
            "Sign up for a 10k race");

    /** One thing Ana does on day {@code on()}. */
    public sealed interface Step permits Done, Skip, Pause, Resume, MoveSubtask, SwitchCoach {
        LocalDate on();
    }

    /** Ana marks {@code date} done (usually the same day; a day later when she forgot). */
    public record Done(LocalDate on, HabitKey habit, LocalDate date) implements Step {
    }

    /** Ana marks {@code date} as a rest day: not scheduled, so it neither counts nor breaks a streak. */
    public record Skip(LocalDate on, HabitKey habit, LocalDate date) implements Step {
    }

    /** Ana pauses the habit from this day on. */
    public record Pause(LocalDate on, HabitKey habit) implements Step {
    }

    /** Ana resumes the habit: this day is scheduled again. */
    public record Resume(LocalDate on, HabitKey habit) implements Step {
    }

    /** Ana moves the goal's subtask number {@code index} (0-based) to {@code status}. */
    public record MoveSubtask(LocalDate on, int index, SubtaskStatus status) implements Step {
    }

    /** Ana picks another coach personality. */
    public record SwitchCoach(LocalDate on, String personality) implements Step {
    }

    private static final HabitKey MEDITATE = HabitKey.MEDITATE;
    private static final HabitKey RUN = HabitKey.RUN;
    private static final HabitKey STRENGTH = HabitKey.STRENGTH;

    private static final List<Step> STEPS = List.of(
            // Week 1, Monday 3 to Sunday 9 March. Coach: yoda.
            done(3, MEDITATE), done(3, RUN),
            done(4, MEDITATE), subtask(4, 0, SubtaskStatus.COMPLETED),
            done(5, MEDITATE), done(5, RUN), done(5, STRENGTH),
            skip(6, MEDITATE),                                   // a cold: a rest day
            done(7, MEDITATE),                                   // no run on Friday: a miss
            done(8, MEDITATE),
            done(9, MEDITATE),                                   // one strength session this week: a miss

            // Week 2, Monday 10 to Sunday 16 March. Coach: general.
            coach(10, "general"),
            done(10, MEDITATE), done(10, RUN), done(10, STRENGTH), subtask(10, 1, SubtaskStatus.IN_PROGRESS),
            done(11, MEDITATE),
            done(12, MEDITATE), done(12, RUN), done(12, STRENGTH),
            done(13, RUN),                                       // an extra run on a Thursday; forgot to meditate...
            late(14, MEDITATE, 13), done(14, MEDITATE), done(14, STRENGTH),   // ...and logs it the next day
            pause(14, RUN),                                      // a weekend trip: Friday is not scheduled
            done(15, MEDITATE),
            done(16, MEDITATE),

            // Week 3, Monday 17 to Sunday 23 March. Coach: mentor.
            coach(17, "mentor"),
            resume(17, RUN), done(17, RUN), done(17, MEDITATE),
            done(18, STRENGTH),                                  // no meditation on Tuesday: a miss
            done(19, MEDITATE), done(19, RUN), subtask(19, 1, SubtaskStatus.COMPLETED),
            done(20, MEDITATE), skip(20, STRENGTH),              // sore: one session fewer is due this week
            done(21, MEDITATE), done(21, RUN),
            done(22, MEDITATE), done(22, STRENGTH), subtask(22, 2, SubtaskStatus.COMPLETED),
            done(23, MEDITATE));

    private Script() {
    }

    /** Every step, in the order Ana takes them. */
    public static List<Step> steps() {
        return STEPS;
    }

    /** The steps of one day, in order. */
    public static List<Step> stepsOn(LocalDate day) {
        return STEPS.stream().filter(step -> step.on().equals(day)).toList();
    }

    private static LocalDate march(int day) {
        return LocalDate.of(2025, 3, day);
    }

    private static Step done(int day, HabitKey habit) {
        return new Done(march(day), habit, march(day));
    }

    private static Step late(int day, HabitKey habit, int forDay) {
        return new Done(march(day), habit, march(forDay));
    }

    private static Step skip(int day, HabitKey habit) {
        return new Skip(march(day), habit, march(day));
    }

    private static Step pause(int day, HabitKey habit) {
        return new Pause(march(day), habit);
    }

    private static Step resume(int day, HabitKey habit) {
        return new Resume(march(day), habit);
    }

    private static Step subtask(int day, int index, SubtaskStatus status) {
        return new MoveSubtask(march(day), index, status);
    }

    private static Step coach(int day, String personality) {
        return new SwitchCoach(march(day), personality);
    }
}
