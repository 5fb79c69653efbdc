package io.habitcoach.jooq.users;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.jooq.internal.WeekStarts;
import io.habitcoach.jooq.schema.tables.records.HabitsRecord;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/rules.md, "Changing the first day of the week", through the services on a real PostgreSQL: a
 * user's change of the first day never re-buckets the weeks that ended before it.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class FirstDayOfWeekChangeTest {

    private final MutableClock clock = MutableClock.at("2026-02-23T12:00:00Z");
    private DataSource dataSource;
    private HabitCoach coach;

    @BeforeEach
    void setUp(DataSource dataSource) {
        this.dataSource = dataSource;
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
    }

    private static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    private void doneOn(String user, String habit, LocalDate... dates) {
        for (LocalDate date : dates) {
            clock.set(date + "T12:00:00Z");
            coach.habits().complete(user, habit, date);
        }
    }

    @Test
    void theWeeksBeforeTheChangeKeepTheirDaysAndTheStreak() throws Exception {
        String user = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com")
                .timezone("UTC").build()).id();
        String weekly = coach.habits().create(user, NewHabit.builder().name("Swim")
                .frequency(Frequency.timesPerWeek(3)).build()).id();
        String daily = coach.habits().create(user, NewHabit.builder().name("Read")
                .frequency(Frequency.daily()).build()).id();
        // Monday weeks: 23 Feb (23, 24, 25) and 2 Mar (2, 7, 8) met; 9 Mar under way
        doneOn(user, weekly, LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 24), LocalDate.of(2026, 2, 25),
                march(2), march(7), march(8), march(9));
        doneOn(user, daily, march(9), march(10), march(11));
        clock.set("2026-03-11T12:00:00Z");   // Wednesday
        assertThat(coach.habits().get(user, weekly).streak()).isEqualTo(new StreakSummary(2, 2, 7, true));

        coach.users().update(user, UserUpdate.builder().firstDayOfWeek(DayOfWeek.SUNDAY).build());

        // Sunday weeks from the start would put 1-7 Mar at 2 of 3 (missed) and read 0; the two Monday
        // weeks keep their days, and 9-14 Mar is a partial week (1 of 3 so far: open, excused if short)
        Habit swim = coach.habits().get(user, weekly);
        assertThat(swim.streak()).isEqualTo(new StreakSummary(2, 2, 7, false));
        assertThat(storedCurrentStreak(weekly)).isEqualTo(2);
        assertThat(history(user)).isEqualTo("1<2026-03-09");
        // a recomputation from the entries agrees with what the change stored
        assertThat(coach.habits().recompute(user, weekly).streak()).isEqualTo(swim.streak());
        // the daily habit never depended on the weeks
        assertThat(coach.habits().get(user, daily).streak().current()).isEqualTo(3);

        // Tue 10 and Wed 11 meet the partial week: 3
        doneOn(user, weekly, march(10), march(11));
        assertThat(coach.habits().get(user, weekly).streak()).isEqualTo(new StreakSummary(3, 3, 9, false));
        // the first Sunday week, 15-21 Mar, met on Sun 15, Mon 16 and Sat 21: 4
        doneOn(user, weekly, march(15), march(16), march(21));
        assertThat(coach.habits().get(user, weekly).streak()).isEqualTo(new StreakSummary(4, 4, 12, false));
        assertThat(coach.habits().recompute(user, weekly).streak()).isEqualTo(new StreakSummary(4, 4, 12, false));
        // 22-28 Mar closes empty: broken on Sunday 29
        clock.set("2026-03-28T12:00:00Z");
        assertThat(coach.habits().get(user, weekly).streak()).isEqualTo(new StreakSummary(4, 4, 12, true));
        clock.set("2026-03-29T12:00:00Z");
        assertThat(coach.habits().get(user, weekly).streak().current()).isZero();
    }

    @Test
    void settingTheSameFirstDayOrChangingBackInTheSameWeekLeavesNoHistory() throws Exception {
        String user = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com")
                .timezone("UTC").build()).id();
        clock.set("2026-03-11T12:00:00Z");
        coach.users().update(user, UserUpdate.builder().firstDayOfWeek(DayOfWeek.MONDAY).build());
        assertThat(history(user)).isNull();
        coach.users().update(user, UserUpdate.builder().firstDayOfWeek(DayOfWeek.SUNDAY).build());
        assertThat(history(user)).isEqualTo("1<2026-03-09");
        clock.set("2026-03-12T12:00:00Z");
        User back = coach.users().update(user, UserUpdate.builder().firstDayOfWeek(DayOfWeek.MONDAY).build());
        assertThat(back.firstDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(history(user)).isNull();
        // a week later, to Saturday: from the later of today's Monday week's start (Mon 16 Mar) and
        // today's Saturday week's start (Sat 14 Mar)
        clock.set("2026-03-19T12:00:00Z");
        coach.users().update(user, UserUpdate.builder().firstDayOfWeek(DayOfWeek.SATURDAY).build());
        assertThat(history(user)).isEqualTo("1<2026-03-16");
    }

    @Test
    void aPerWeekHabitCreatedAfterAChangeStartsFromTheStateARecomputationHas() {
        String user = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com")
                .timezone("UTC").build()).id();
        clock.set("2026-03-11T12:00:00Z");
        coach.users().update(user, UserUpdate.builder().firstDayOfWeek(DayOfWeek.SUNDAY).build());
        String weekly = coach.habits().create(user, NewHabit.builder().name("Swim")
                .frequency(Frequency.timesPerWeek(3)).build()).id();
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        HabitsRecord h = dsl.selectFrom(HABITS).where(HABITS.ID.eq(weekly)).fetchOne();
        // a back-filled Sunday 8 March belongs to the Monday week of 2 March: the incremental form must
        // not put it in the Sunday week of 8 March, so dates before 9 March fall back
        StreakState initial = WeekStarts.initialState(dsl, h, DayOfWeek.SUNDAY);
        assertThat(initial).isEqualTo(new StreakState(0, null, null, null, 0, 0, null, 0, null, null, 0, march(8)));
        assertThat(coach.habits().recompute(user, weekly).streak()).isEqualTo(StreakSummary.NONE);
        assertThat(dsl.select(HABITS.STREAK_EXCUSED_THROUGH).from(HABITS).where(HABITS.ID.eq(weekly)).fetchOne(0,
                LocalDate.class)).isEqualTo(march(8));
    }

    private String history(String user) throws Exception {
        return one("SELECT first_day_of_week_history FROM users WHERE id = ?", user);
    }

    private int storedCurrentStreak(String habit) throws Exception {
        return Integer.parseInt(one("SELECT current_streak::text FROM habits WHERE id = ?", habit));
    }

    private String one(String sql, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
