package io.habitcoach.examples.springboot.web;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * A new demo user for each sign-in, with three habits and the last week filled in (the completion
 * window reaches seven days back), so the pictures have something to show. The habits are created
 * today, so the days before that week read "before it started".
 */
@Component
class DemoUser {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final HabitCoach coach;

    DemoUser(HabitCoach coach) {
        this.coach = coach;
    }

    String create() {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        String userId = coach.users().create(NewUser.builder()
                .email("demo-" + HexFormat.of().formatHex(suffix) + "@example.com")
                .name("Demo").language("en").personality("mentor").build()).id();
        LocalDate today = coach.dashboards().dashboard(userId).today();
        Habit walk = coach.habits().create(userId, NewHabit.builder().name("Walk 20 minutes")
                .frequency(Frequency.daily()).build());
        Habit read = coach.habits().create(userId, NewHabit.builder().name("Read")
                .frequency(Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)).build());
        Habit gym = coach.habits().create(userId, NewHabit.builder().name("Gym")
                .frequency(Frequency.timesPerWeek(3)).build());
        for (int back = 7; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            if (back == 3) {
                coach.habits().skip(userId, walk.id(), day);     // a rest day
            } else {
                coach.habits().complete(userId, walk.id(), day);
            }
            if (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.FRIDAY) {
                coach.habits().complete(userId, read.id(), day);
            }
            if (back % 2 == 0) {
                coach.habits().complete(userId, gym.id(), day);
            }
        }
        coach.goals().create(userId, NewGoal.builder().title("Run a 5k").subtask("Walk every day")
                .subtask("Jog 1 km").subtask("Jog 3 km").build());
        return userId;
    }
}
