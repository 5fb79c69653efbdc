package io.habitcoach.jooq.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class CoachMessagesTest {

    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private HabitCoach coach;
    private String userId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        userId = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").language("en").build()).id();
    }

    @Test
    void theCoachsEventMessagesAreReadNewestFirstForAllHabitsOrOne() {
        Habit run = coach.habits().create(userId, NewHabit.builder().name("Run").frequency(Frequency.daily()).build());
        Habit read = coach.habits().create(userId, NewHabit.builder().name("Read").frequency(Frequency.daily()).build());
        coach.habits().complete(userId, run.id(), LocalDate.of(2026, 3, 10));
        clock.advance(Duration.ofMinutes(1));
        coach.habits().complete(userId, read.id(), LocalDate.of(2026, 3, 10));
        coach.chat().start(userId, "hello");

        List<CoachNote> all = coach.chat().coachMessages(userId, null, 10);
        assertThat(all).extracting(CoachNote::habitId).containsExactly(read.id(), run.id());
        assertThat(all).extracting(CoachNote::type).containsOnly(CoachEventType.HABIT_COMPLETE);
        assertThat(all.get(0).text()).isNotBlank();
        assertThat(coach.chat().coachMessages(userId, run.id(), 10)).extracting(CoachNote::habitId).containsExactly(run.id());
        assertThat(coach.chat().coachMessages(userId, null, 1)).hasSize(1);

        String other = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
        assertThat(coach.chat().coachMessages(other, run.id(), 10)).isEmpty();
        assertThatThrownBy(() -> coach.chat().coachMessages(userId, null, 0)).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("limit");
    }
}
