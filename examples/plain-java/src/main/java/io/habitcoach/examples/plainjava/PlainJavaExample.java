package io.habitcoach.examples.plainjava;

import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.examples.plainjava.Script.Done;
import io.habitcoach.examples.plainjava.Script.HabitKey;
import io.habitcoach.examples.plainjava.Script.MoveSubtask;
import io.habitcoach.examples.plainjava.Script.Pause;
import io.habitcoach.examples.plainjava.Script.Resume;
import io.habitcoach.examples.plainjava.Script.Skip;
import io.habitcoach.examples.plainjava.Script.Step;
import io.habitcoach.examples.plainjava.Script.SwitchCoach;
import io.habitcoach.jooq.jobs.CoachJobResult;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;
import io.habitcoach.jooq.users.UserUpdate;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Habit Coach embedded in a plain Java program: a database, {@code HabitCoach.configure()...load()},
 * {@code migrate()}, a user with three habits and a goal, three scripted weeks on a clock the program
 * moves, the nightly coach jobs, and a report.
 *
 * <p>Run it from the repository root (nothing but a JDK and Maven needed):
 * <pre>
 * mvn -B -q -pl examples/plain-java -am verify -DskipTests -Dexample.run
 * </pre>
 * With {@code HABITCOACH_JDBC_URL} set (e.g. {@code jdbc:postgresql://localhost:5432/app?user=me&password=secret})
 * it uses that server instead of an embedded one, in a schema of its own that it drops at the end.
 */
public final class PlainJavaExample {

    /** Names a PostgreSQL server to use instead of the embedded one. */
    public static final String JDBC_URL_VARIABLE = "HABITCOACH_JDBC_URL";

    /** What Ana asks each coach at the end. */
    static final String QUESTION = "How am I doing?";

    private PlainJavaExample() {
    }

    public static void main(String[] args) {
        try (ExampleDatabase database = ExampleDatabase.open(System.getenv(JDBC_URL_VARIABLE))) {
            run(database.dataSource(), database.description(), System.out);
        }
    }

    /**
     * Plays the script against {@code dataSource} (an empty database or schema: it is migrated here) and
     * prints the report to {@code out}.
     */
    public static void run(DataSource dataSource, String databaseDescription, PrintStream out) {
        ScriptedClock clock = new ScriptedClock(at(Script.FIRST_DAY, LocalTime.of(8, 0)));
        HabitCoach coach = HabitCoach.configure()
                .dataSource(dataSource)
                .clock(clock)
                .load();
        coach.migrate();

        // Monday morning: Ana signs up, creates her habits and her goal.
        User ana = coach.users().create(NewUser.builder()
                .email("ana@example.com").name("Ana")
                .timezone(Script.ZONE.getId()).language("en")
                .personality(Script.FIRST_COACH)
                .build());
        Map<HabitKey, Habit> habits = new EnumMap<>(HabitKey.class);
        for (HabitKey key : HabitKey.values()) {
            habits.put(key, coach.habits().create(ana.id(),
                    NewHabit.builder().name(key.displayName()).frequency(key.frequency()).build()));
        }
        NewGoal.Builder newGoal = NewGoal.builder().title(Script.GOAL).category(GoalCategory.HEALTH)
                .deadline(Script.FIRST_DAY.plusMonths(3));
        Script.SUBTASKS.forEach(newGoal::subtask);
        Goal goal = coach.goals().create(ana.id(), newGoal.build());

        // Every day: Ana logs in the evening; the host runs the coach jobs at night.
        JobTotals jobs = new JobTotals();
        for (LocalDate day = Script.FIRST_DAY; !day.isAfter(Script.REPORT_DAY); day = day.plusDays(1)) {
            clock.set(at(day, Script.EVENING));
            for (Step step : Script.stepsOn(day)) {
                play(coach, ana.id(), habits, goal, step);
            }
            clock.set(at(day, Script.NIGHTLY_JOBS));
            jobs.add(coach.jobs().sweepMissed(clock.instant()));
            jobs.add(coach.jobs().weeklyAnalysis(clock.instant()));
        }

        // The completion window: today and the seven days before it, nothing older.
        String refused;
        LocalDate tooOld = Script.REPORT_DAY.minusDays(8);
        try {
            coach.habits().complete(ana.id(), habits.get(HabitKey.MEDITATE).id(), tooOld);
            refused = "accepted (unexpected)";
        } catch (CompletionWindowException e) {
            refused = "refused: " + e.getMessage();
        }

        // Ana asks each coach how she is doing (templates here: no language model is configured).
        for (String personality : List.of("yoda", "general", "mentor")) {
            coach.users().update(ana.id(), UserUpdate.builder().personality(personality).build());
            coach.chat().start(ana.id(), QUESTION);
        }

        new Report(coach, dataSource, ana.id(), habits, goal.id()).print(out, databaseDescription, jobs,
                tooOld, refused);
    }

    private static void play(HabitCoach coach, String userId, Map<HabitKey, Habit> habits, Goal goal, Step step) {
        if (step instanceof Done done) {
            coach.habits().complete(userId, habits.get(done.habit()).id(), done.date());
        } else if (step instanceof Skip skip) {
            coach.habits().skip(userId, habits.get(skip.habit()).id(), skip.date());
        } else if (step instanceof Pause pause) {
            coach.habits().pause(userId, habits.get(pause.habit()).id());
        } else if (step instanceof Resume resume) {
            coach.habits().resume(userId, habits.get(resume.habit()).id());
        } else if (step instanceof MoveSubtask move) {
            coach.goals().moveSubtask(userId, goal.subtasks().get(move.index()).id(), move.status());
        } else if (step instanceof SwitchCoach change) {
            coach.users().update(userId, UserUpdate.builder().personality(change.personality()).build());
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
    }

    /** The instant of {@code time} on {@code day} in Ana's zone. */
    static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(Script.ZONE).toInstant();
    }

    /** What the nightly jobs did, summed over the nights. */
    static final class JobTotals {
        int nights;
        int missedPeriods;
        int weeklyAnalyses;

        void add(CoachJobResult result) {
            if (result.job().equals("sweepMissed")) {
                nights++;
                missedPeriods += result.eventsRaised();
            } else {
                weeklyAnalyses += result.eventsRaised();
            }
        }
    }
}
