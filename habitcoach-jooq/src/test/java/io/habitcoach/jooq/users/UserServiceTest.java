package io.habitcoach.jooq.users;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.NewGoal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.ConflictException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.Plan;
import io.habitcoach.core.testing.FixedPersonality;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class UserServiceTest {

    private final MutableClock clock = MutableClock.at("2026-03-10T12:00:00Z");
    private HabitCoach coach;
    private DataSource dataSource;

    @BeforeEach
    void setUp(DataSource dataSource) {
        this.dataSource = dataSource;
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
    }

    private int userRows() {
        return DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES).fetchCount(DSL.table("users"));
    }

    @Test
    void createsWithTheSeedsDefaultsAndNormalizesEmailAndLanguage() {
        User user = coach.users().create(NewUser.builder().email("  Ana.Souza@Example.COM ").language("pt-br").build());

        assertThat(user.email()).isEqualTo("ana.souza@example.com");
        assertThat(user.timezone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
        assertThat(user.language()).isEqualTo("pt-BR");
        assertThat(user.personality()).isEqualTo(coach.personalities().defaultPersonality().id());
        assertThat(user.plan()).isEqualTo(Plan.FREE);
        assertThat(user.dayStart()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(user.firstDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(user.createdAt().toInstant()).isEqualTo(clock.instant());
        assertThat(coach.users().get(user.id())).isEqualTo(user);
    }

    @Test
    void theBuildersDefaultPersonalityIsGivenToNewUsersAndAnUnknownOneIsRefusedAtLoad() {
        HabitCoach pirates = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .personality(new FixedPersonality("pirate", "Arr."))
                .defaultPersonality("pirate").load();
        assertThat(pirates.users().create(NewUser.builder().email("jack@example.com").build()).personality())
                .isEqualTo("pirate");
        assertThatThrownBy(() -> HabitCoach.configure().dataSource(dataSource).defaultPersonality("nobody").load())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("defaultId");
                    assertThat(e.getMessage()).contains("nobody");
                });
    }

    @Test
    void aSecondAccountWithTheSameEmailInAnyCaseIsAConflict() {
        coach.users().create(NewUser.builder().email("dup@example.com").build());
        int before = userRows();
        assertThatThrownBy(() -> coach.users().create(NewUser.builder().email("DUP@example.com").build()))
                .isInstanceOf(ConflictException.class)
                // issue 20: a message that echoes the address ends up in logs and error pages
                .message().doesNotContainIgnoringCase("dup@example.com").contains("email");
        assertThat(userRows()).isEqualTo(before);
    }

    @Test
    void invalidFieldsAreRefusedByNameAndNothingIsWritten() {
        int before = userRows();
        assertInvalid(NewUser.builder().email("no-at-sign").build(), "email");
        assertInvalid(NewUser.builder().email("a@b.c").timezone("Mars/Olympus").build(), "timezone");
        assertInvalid(NewUser.builder().email("a@b.c").timezone("+03:00").build(), "timezone");
        assertInvalid(NewUser.builder().email("a@b.c").language("").build(), "language");
        assertInvalid(NewUser.builder().email("a@b.c").language("pt_BR!").build(), "language");
        assertInvalid(NewUser.builder().email("a@b.c").dayStart(LocalTime.of(13, 0)).build(), "dayStart");
        assertInvalid(NewUser.builder().email("a@b.c").name("x\0y").build(), "name");
        assertInvalid(NewUser.builder().email("a@b.c").firstDayOfWeek(null).build(), "firstDayOfWeek");
        assertThat(userRows()).isEqualTo(before);
    }

    @Test
    void updateChangesOnlyTheGivenFields() {
        User user = coach.users().create(NewUser.builder().email("upd@example.com").name("Ana").build());
        clock.advance(java.time.Duration.ofHours(1));

        User updated = coach.users().update(user.id(), UserUpdate.builder().timezone("Asia/Tokyo")
                .dayStart(LocalTime.of(4, 0)).firstDayOfWeek(DayOfWeek.SUNDAY).build());

        assertThat(updated.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(updated.dayStart()).isEqualTo(LocalTime.of(4, 0));
        assertThat(updated.firstDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(updated.name()).isEqualTo("Ana");
        assertThat(updated.language()).isEqualTo(user.language());
        assertThat(updated.updatedAt()).isAfter(user.updatedAt());
    }

    @Test
    void aSoftDeletedUserIsInvisibleAndRefusesWrites() {
        User user = coach.users().create(NewUser.builder().email("gone@example.com").build());
        coach.users().delete(user.id());

        assertThatThrownBy(() -> coach.users().get(user.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.users().update(user.id(), UserUpdate.builder().name("x").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.users().delete(user.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.goals().create(user.id(), NewGoal.builder().title("t").build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(coach.users().findByEmail("gone@example.com")).isEmpty();
    }

    @Test
    void sqlLookingNamesAreStoredVerbatim() {
        String name = "'); DROP TABLE habits;--";
        User user = coach.users().create(NewUser.builder().email("bobby@example.com").name(name).build());
        assertThat(coach.users().get(user.id()).name()).isEqualTo(name);
        assertThat(DSL.using(dataSource, org.jooq.SQLDialect.POSTGRES).fetchCount(DSL.table("habits"))).isZero();
    }

    private void assertInvalid(NewUser newUser, String field) {
        assertThatThrownBy(() -> coach.users().create(newUser))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
