package io.habitcoach.jooq.habits;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A habit whose streak cache columns were edited by hand (an import, a support fix) so that they
 * disagree with each other or with the entries: reads do not fail on it, {@code complete()}
 * recomputes it from the entries under the row lock and completes, and
 * {@code habits().recompute} rebuilds it on demand (docs/operations.md).
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class CacheHealingTest {

    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private DataSource dataSource;
    private HabitCoach coach;
    private HabitCoach other;
    private String userId;
    private String habitId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        this.dataSource = dataSource;
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        // a second instance that remembers nothing: its completions read the row first
        other = HabitCoach.configure().dataSource(dataSource).clock(clock).completionCacheSize(0).load();
        userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").timezone("UTC")
                .build()).id();
        habitId = coach.habits().create(userId, NewHabit.builder().name("Run").frequency(Frequency.daily()).build())
                .id();
        for (int back = 3; back >= 1; back--) {
            coach.habits().complete(userId, habitId, TODAY.minusDays(back));
        }
    }

    /** Breaks the columns' invariants: a run length of 7 with no run start, and a wrong total. */
    private void editByHand() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE habits SET streak_run_length = 7, streak_run_start = NULL,"
                        + " total_completed = 40, longest_streak = 5 WHERE id = ?")) {
            s.setString(1, habitId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void anInconsistentRowIsReadWithoutFailingAndCompleteRecomputesItFromTheEntries() throws SQLException {
        editByHand();
        assertThat(coach.habits().get(userId, habitId).name()).isEqualTo("Run");
        assertThat(coach.habits().list(userId)).hasSize(1);
        assertThat(coach.dashboards().dashboard(userId).habits()).hasSize(1);

        // the instance that remembered the habit finds its memory stale and goes the locked way
        coach.habits().complete(userId, habitId, TODAY);
        assertThat(coach.habits().get(userId, habitId).streak()).isEqualTo(new StreakSummary(4, 4, 4, false));
    }

    @Test
    void anInstanceThatReadsTheRowFirstHealsItToo() throws SQLException {
        editByHand();
        other.habits().complete(userId, habitId, TODAY);
        assertThat(other.habits().get(userId, habitId).streak()).isEqualTo(new StreakSummary(4, 4, 4, false));
    }

    @Test
    void theJobsHealARowTheyMeet() throws SQLException {
        editByHand();
        clock.advance(Duration.ofDays(2));   // today's period closed unmet
        coach.jobs().sweepMissed();
        assertThat(coach.habits().get(userId, habitId).streak()).isEqualTo(new StreakSummary(0, 3, 3, false));
    }

    @Test
    void recomputeRebuildsTheCachesFromTheEntries() throws SQLException {
        editByHand();
        Habit rebuilt = coach.habits().recompute(userId, habitId);
        assertThat(rebuilt.streak()).isEqualTo(new StreakSummary(3, 3, 3, true));
        assertThat(coach.habits().get(userId, habitId).streak()).isEqualTo(new StreakSummary(3, 3, 3, true));
        // the row now holds a consistent state: the next completion is the common one
        coach.habits().complete(userId, habitId, TODAY);
        assertThat(coach.habits().get(userId, habitId).streak()).isEqualTo(new StreakSummary(4, 4, 4, false));
    }
}
