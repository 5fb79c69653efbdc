package io.habitcoach.jooq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.UserDay;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.goals.GoalUpdate;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.goals.NewSubtask;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.goals.Subtask;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, load: {@value #DEFAULT_THREADS} threads for {@value #DEFAULT_SECONDS} seconds of mixed calls
 * (complete, skip, undo, reads and the dashboard, goal changes, template chat replies, the missed-period
 * job after each day change) over {@value #DEFAULT_USERS} users with three habits and two goals each,
 * while the clock moves on a day three times. The threads take turns between two {@code HabitCoach}
 * instances on the database, as two application nodes would, so each instance's remembered
 * completions keep going stale behind its back. Afterwards: no unexpected error, no deadlock, every
 * habit's caches equal a full recomputation and every goal's counters equal its subtasks.
 *
 * <p>Tagged {@code load}: excluded from the default build, run by {@code mvn -Pload} (see
 * {@code docs/reliability.md}). {@code -Dhabitcoach.load.seconds=10} (and {@code .threads}, {@code .users})
 * make a shorter run.
 */
@Tag("load")
class ReliabilityLoadTest {

    static final int DEFAULT_SECONDS = 60;
    static final int DEFAULT_THREADS = 8;
    static final int DEFAULT_USERS = 200;

    private static final List<String> ZONES = List.of("America/Sao_Paulo", "Asia/Tokyo", "Europe/Berlin",
            "Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata", "Etc/UTC");

    private record Fixture(String userId, UserDay day, List<String> habits, String sharedGoal, List<String> sharedSubtasks,
            String ownedGoal) {
    }

    private enum Op { COMPLETE, SKIP, UNDO, DASHBOARD, WEEKLY, HABIT_GET, RECENT, GOAL_MOVE, GOAL_UPDATE, GOAL_STRUCTURE,
        CHAT, JOB }

    /** Relative weights of the operations each worker draws. */
    private static final Map<Op, Integer> WEIGHTS = Map.ofEntries(Map.entry(Op.COMPLETE, 30), Map.entry(Op.SKIP, 6),
            Map.entry(Op.UNDO, 12), Map.entry(Op.DASHBOARD, 14), Map.entry(Op.WEEKLY, 3), Map.entry(Op.HABIT_GET, 5),
            Map.entry(Op.RECENT, 3), Map.entry(Op.GOAL_MOVE, 12), Map.entry(Op.GOAL_UPDATE, 4),
            Map.entry(Op.GOAL_STRUCTURE, 5), Map.entry(Op.CHAT, 6));

    @Test
    void mixedCallsFromManyThreadsLeaveEveryUsersDataWhole() throws Exception {
        int seconds = Integer.getInteger("habitcoach.load.seconds", DEFAULT_SECONDS);
        int threads = Integer.getInteger("habitcoach.load.threads", DEFAULT_THREADS);
        int userCount = Integer.getInteger("habitcoach.load.users", DEFAULT_USERS);
        MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create(threads + 2)) {
            HabitCoach coach = HabitCoach.configure().dataSource(db.dataSource()).clock(clock).load();
            List<HabitCoach> nodes = List.of(coach, HabitCoach.configure().dataSource(db.dataSource()).clock(clock).load());
            long setupStarted = System.nanoTime();
            List<Fixture> fixtures = setUp(coach, userCount, clock);
            System.out.printf("load: set up %d users, %d habits, %d goals in %.1f s%n", fixtures.size(),
                    fixtures.size() * 3, fixtures.size() * 2, (System.nanoTime() - setupStarted) / 1e9);
            long deadlocksBefore = deadlocks(db);

            List<Op> deck = new ArrayList<>();
            WEIGHTS.forEach((op, weight) -> deck.addAll(Collections.nCopies(weight, op)));
            Collections.sort(deck);
            Map<Op, LongAdder> counts = new ConcurrentHashMap<>();
            Map<Op, LongAdder> nanos = new ConcurrentHashMap<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            LongAdder errorCount = new LongAdder();
            Map<String, String> conversations = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch finished = new CountDownLatch(threads);
            List<Thread> workers = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int self = t;
                Random random = new Random(42 + t);
                Thread worker = new Thread(() -> {
                    try {
                        while (running.get()) {
                            Op op = deck.get(random.nextInt(deck.size()));
                            long t0 = System.nanoTime();
                            try {
                                run(nodes.get(self % nodes.size()), clock, op, fixtures, random, self, threads,
                                        conversations);
                            } catch (io.habitcoach.core.InvalidInputException e) {
                                // a random move from in progress back to pending is refused by the rules
                                if (!"status".equals(e.field())) {
                                    errorCount.increment();
                                    if (errors.size() < 20) {
                                        errors.add(op + ": " + e);
                                    }
                                }
                            } catch (RuntimeException e) {
                                errorCount.increment();
                                if (errors.size() < 20) {
                                    errors.add(op + ": " + e);
                                }
                            }
                            counts.computeIfAbsent(op, k -> new LongAdder()).increment();
                            nanos.computeIfAbsent(op, k -> new LongAdder()).add(System.nanoTime() - t0);
                        }
                    } finally {
                        finished.countDown();
                    }
                }, "load-" + t);
                worker.start();
                workers.add(worker);
            }
            // The clock moves on a day three times during the run; each time the missed-period job runs
            // (under the same load) as a host's scheduler would.
            for (int advance = 1; advance <= 3; advance++) {
                Thread.sleep(seconds * 1000L / 4);
                clock.advance(Duration.ofDays(1));
                long t0 = System.nanoTime();
                try {
                    coach.jobs().sweepMissed();
                } catch (RuntimeException e) {
                    errorCount.increment();
                    errors.add("JOB: " + e);
                }
                counts.computeIfAbsent(Op.JOB, k -> new LongAdder()).increment();
                nanos.computeIfAbsent(Op.JOB, k -> new LongAdder()).add(System.nanoTime() - t0);
            }
            Thread.sleep(Math.max(0, seconds * 1000L - (System.nanoTime() - started) / 1_000_000));
            running.set(false);
            boolean allFinished = finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long total = counts.values().stream().mapToLong(LongAdder::sum).sum();

            StringBuilder report = new StringBuilder();
            report.append(String.format("load: %d threads, %d users, %.1f s: %d calls, %.0f calls/s, %d errors%n", threads,
                    fixtures.size(), elapsed, total, total / elapsed, errorCount.sum()));
            new TreeMap<>(counts).forEach((op, n) -> report.append(String.format("  %-14s %8d calls  mean %6.2f ms%n",
                    op, n.sum(), nanos.get(op).sum() / 1e6 / Math.max(1, n.sum()))));
            System.out.print(report);
            errors.forEach(e -> System.out.println("  error: " + e));

            assertThat(allFinished).as("every worker finished (no hung call)").isTrue();
            assertThat(errors).as("unexpected errors").isEmpty();
            // Backends flush their statistics when they exit: close the idle connections, then read.
            if (db.dataSource() instanceof com.zaxxer.hikari.HikariDataSource pool) {
                pool.getHikariPoolMXBean().softEvictConnections();
                Thread.sleep(500);
            }
            long deadlocks = deadlocks(db) - deadlocksBefore;
            System.out.printf("load: %d deadlocks detected by PostgreSQL%n", deadlocks);
            assertThat(deadlocks).as("deadlocks detected by PostgreSQL").isZero();

            // The job refreshes cached streaks that time alone made stale; then every cache must be exact.
            coach.jobs().sweepMissed();
            long checkStarted = System.nanoTime();
            List<String> habitProblems = Consistency.habitProblems(db.dataSource(), clock, null, true);
            List<String> goalProblems = Consistency.goalProblems(db.dataSource(), null, true);
            System.out.printf("load: consistency of %d habits and %d goals checked in %.1f s: %d problems%n",
                    fixtures.size() * 3, fixtures.size() * 2, (System.nanoTime() - checkStarted) / 1e9,
                    habitProblems.size() + goalProblems.size());
            assertThat(habitProblems).as("habit caches against a full recomputation").isEmpty();
            assertThat(goalProblems).as("goal counters against their subtasks").isEmpty();
        }
    }

    private static List<Fixture> setUp(HabitCoach coach, int userCount, MutableClock clock) {
        List<Fixture> fixtures = Collections.synchronizedList(new ArrayList<>());
        Random random = new Random(7);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            order.add(i);
        }
        String[] zones = new String[userCount];
        LocalTime[] starts = new LocalTime[userCount];
        for (int i = 0; i < userCount; i++) {
            zones[i] = ZONES.get(random.nextInt(ZONES.size()));
            starts[i] = random.nextBoolean() ? LocalTime.MIDNIGHT : LocalTime.of(4, 0);
        }
        order.parallelStream().forEach(i -> {
            String userId = coach.users().create(NewUser.builder().email("load-" + i + "-" + UUID.randomUUID() + "@example.com")
                    .timezone(zones[i]).dayStart(starts[i]).firstDayOfWeek(i % 5 == 0 ? DayOfWeek.SUNDAY : DayOfWeek.MONDAY)
                    .language(i % 2 == 0 ? "pt-BR" : "en").build()).id();
            List<String> habits = List.of(
                    coach.habits().create(userId, NewHabit.builder().name("Run").frequency(Frequency.daily()).build()).id(),
                    coach.habits().create(userId, NewHabit.builder().name("Read").frequency(
                            Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)).build()).id(),
                    coach.habits().create(userId, NewHabit.builder().name("Gym").frequency(Frequency.timesPerWeek(3))
                            .build()).id());
            Goal shared = coach.goals().create(userId, NewGoal.builder().title("Marathon").category(GoalCategory.HEALTH)
                    .subtask("5k").subtask("10k").subtask("21k").subtask("42k").build());
            Goal owned = coach.goals().create(userId, NewGoal.builder().title("Books").category(GoalCategory.EDUCATION)
                    .subtask("first").subtask("second").build());
            fixtures.add(new Fixture(userId, new UserDay(ZoneId.of(zones[i]), starts[i]), habits, shared.id(),
                    shared.subtasks().stream().map(Subtask::id).toList(), owned.id()));
        });
        fixtures.sort((a, b) -> a.userId.compareTo(b.userId));
        return fixtures;
    }

    private static void run(HabitCoach coach, MutableClock clock, Op op, List<Fixture> fixtures, Random random, int self,
            int threads, Map<String, String> conversations) {
        int index = random.nextInt(fixtures.size());
        Fixture f = fixtures.get(index);
        String habit = f.habits.get(random.nextInt(f.habits.size()));
        // A day inside the window now and after the next day change (today - 6 .. today).
        LocalDate day = f.day.today(clock).minusDays(random.nextInt(7));
        switch (op) {
            case COMPLETE -> coach.habits().complete(f.userId, habit, day);
            case SKIP -> coach.habits().skip(f.userId, habit, day);
            case UNDO -> coach.habits().undo(f.userId, habit, day);
            case DASHBOARD -> coach.dashboards().dashboard(f.userId);
            case WEEKLY -> coach.dashboards().weeklySummary(f.userId);
            case HABIT_GET -> coach.habits().get(f.userId, habit);
            case RECENT -> coach.habits().recentCompletions(f.userId, habit, 14);
            case GOAL_MOVE -> coach.goals().moveSubtask(f.userId, f.sharedSubtasks.get(random.nextInt(f.sharedSubtasks.size())),
                    SubtaskStatus.values()[random.nextInt(SubtaskStatus.values().length)]);
            case GOAL_UPDATE -> coach.goals().update(f.userId, random.nextBoolean() ? f.sharedGoal : f.ownedGoal,
                    GoalUpdate.builder().title("Goal " + random.nextInt(1000)).description(random.nextBoolean() ? "why" : "")
                            .build());
            case GOAL_STRUCTURE -> {
                // Only the worker that owns the user changes the structure of the owned goal, so the ids it
                // reads stay valid; moves on it still race with the other workers' reads.
                Fixture owned = fixtures.get((index / threads) * threads + self < fixtures.size()
                        ? (index / threads) * threads + self : self);
                Goal goal = coach.goals().get(owned.userId, owned.ownedGoal);
                List<Subtask> steps = goal.subtasks();
                int choice = random.nextInt(4);
                if (choice == 0 && steps.size() < 6) {
                    coach.goals().addSubtask(owned.userId, owned.ownedGoal, NewSubtask.builder().title("step "
                            + random.nextInt(100)).estimatedDays(random.nextInt(10)).build());
                } else if (choice == 1 && steps.size() > 1) {
                    coach.goals().removeSubtask(owned.userId, steps.get(random.nextInt(steps.size())).id());
                } else if (choice == 2 && !steps.isEmpty()) {
                    List<String> ids = new ArrayList<>(steps.stream().map(Subtask::id).toList());
                    Collections.shuffle(ids, random);
                    coach.goals().reorderSubtasks(owned.userId, owned.ownedGoal, ids);
                } else if (!steps.isEmpty()) {
                    coach.goals().moveSubtask(owned.userId, steps.get(random.nextInt(steps.size())).id(),
                            SubtaskStatus.values()[random.nextInt(SubtaskStatus.values().length)]);
                }
            }
            case CHAT -> {
                String conversation = conversations.get(f.userId);
                if (conversation == null || random.nextInt(5) == 0) {
                    conversations.put(f.userId, coach.chat().start(f.userId, "How do I keep going with "
                            + Arrays.asList("running", "reading", "the gym").get(random.nextInt(3)) + "?").conversation().id());
                } else {
                    coach.chat().send(f.userId, conversation, "And tomorrow? " + random.nextInt(100));
                }
            }
            case JOB -> coach.jobs().sweepMissed();
        }
    }

    private static long deadlocks(HabitCoachTestDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
