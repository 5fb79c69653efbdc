package io.habitcoach.jooq.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.testing.JdbcCounter;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.UserUpdate;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The host's {@code ExecuteListener} sees every statement the services send: counted at the JDBC
 * driver (what went to the server) and through the listener, the two are equal for each call,
 * on every path of {@code complete()} (remembered, read, locked, full history, already done,
 * stale) and the other services' calls.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class ExecuteListenerCoverageTest {

    // 12:00 in São Paulo (UTC-3) on Tuesday 2026-03-10
    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final JdbcCounter jdbc = new JdbcCounter();
    private final AtomicInteger seen = new AtomicInteger();
    private DataSource dataSource;
    private HabitCoach coach;
    private HabitCoach other;

    @BeforeEach
    void setUp(DataSource dataSource) {
        this.dataSource = dataSource;
        coach = HabitCoach.configure().dataSource(jdbc.wrap(dataSource)).clock(clock)
                .executeListener(ExecuteListener.onExecuteStart(ctx -> seen.incrementAndGet())).load();
        other = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
    }

    /** Runs {@code call} and checks the listener saw as many statements as were sent; returns how many. */
    private int sameCount(String what, Runnable call) {
        jdbc.reset();
        seen.set(0);
        call.run();
        assertThat(seen.get()).as(what + ": statements the listener saw vs executions at the driver")
                .isEqualTo(jdbc.executions.get());
        assertThat(jdbc.executions.get()).as(what + ": executions").isPositive();
        return jdbc.executions.get();
    }

    @Test
    void everyPathOfCompleteIsSeen() throws SQLException {
        String[] ids = new String[3];
        sameCount("create user", () -> ids[0] = coach.users().create(NewUser.builder()
                .email(UUID.randomUUID() + "@example.com").timezone("America/Sao_Paulo").build()).id());
        String userId = ids[0];
        sameCount("create habit", () -> ids[1] = coach.habits().create(userId, NewHabit.builder().name("Run")
                .frequency(Frequency.daily()).build()).id());
        String habitId = ids[1];

        sameCount("complete: read, then append", () -> coach.habits().complete(userId, habitId, TODAY.minusDays(3)));
        sameCount("complete: remembered append", () -> coach.habits().complete(userId, habitId, TODAY.minusDays(2)));
        sameCount("complete: already done", () -> coach.habits().complete(userId, habitId, TODAY.minusDays(2)));
        sameCount("complete: a day before the run, full history under the lock",
                () -> coach.habits().complete(userId, habitId, TODAY.minusDays(5)));
        other.habits().complete(userId, habitId, TODAY.minusDays(1));
        sameCount("complete: remembered but stale", () -> coach.habits().complete(userId, habitId, TODAY));
        sameCount("skip", () -> coach.habits().skip(userId, habitId, TODAY.minusDays(6)));
        sameCount("complete: a skipped day", () -> coach.habits().complete(userId, habitId, TODAY.minusDays(6)));
        sameCount("undo", () -> coach.habits().undo(userId, habitId, TODAY));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE habits SET streak_run_length = 7,"
                        + " streak_run_start = NULL WHERE id = ?")) {
            s.setString(1, habitId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        sameCount("complete: columns edited by hand, healed", () -> coach.habits().complete(userId, habitId, TODAY));

        sameCount("get", () -> coach.habits().get(userId, habitId));
        sameCount("list", () -> coach.habits().list(userId));
        sameCount("recent completions", () -> coach.habits().recentCompletions(userId, habitId, 7));
        sameCount("calendar", () -> coach.habits().calendar(userId, habitId, TODAY.minusDays(13), TODAY));
        sameCount("recompute", () -> coach.habits().recompute(userId, habitId));
        sameCount("pause", () -> coach.habits().pause(userId, habitId));
        sameCount("resume", () -> coach.habits().resume(userId, habitId));
        sameCount("dashboard", () -> coach.dashboards().dashboard(userId));
        sameCount("weekly summary", () -> coach.dashboards().weeklySummary(userId));
        sameCount("recent days", () -> coach.dashboards().recentDays(userId, 7));
        sameCount("update user", () -> coach.users().update(userId, UserUpdate.builder().language("en").build()));
        sameCount("create goal", () -> ids[2] = coach.goals().create(userId, NewGoal.builder().title("Marathon")
                .subtask("Buy shoes").build()).id());
        sameCount("goal", () -> coach.goals().get(userId, ids[2]));
        sameCount("search", () -> coach.search().search(userId, "run"));
        sameCount("export", () -> coach.privacy().exportTo(userId, new StringWriter()));

        clock.advance(Duration.ofDays(3));
        sameCount("sweep missed", () -> coach.jobs().sweepMissed());
        sameCount("weekly analysis", () -> coach.jobs().weeklyAnalysis());
        sameCount("reminders", () -> coach.reminders().remindersDue(Instant.now(clock), Instant.now(clock)
                .plus(Duration.ofHours(1))));
    }
}
