package io.habitcoach.jooq.reminders;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.UserUpdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ReminderService#remindersDue}: zones, day starts, DST days, schedules and exclusions.
 *
 * <p>The test class shares one database and the reminder query reads every user, so each test only
 * looks at the reminders of the users it created.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class ReminderServiceTest {

    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private final List<String> statements = new ArrayList<>();
    private HabitCoach coach;
    private DSLContext dsl;
    private final List<String> mine = new ArrayList<>();

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .executeListener(ExecuteListener.onExecuteStart(ctx -> statements.add(ctx.sql()))).load();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private String user(String zone) {
        return user(zone, LocalTime.MIDNIGHT, DayOfWeek.MONDAY);
    }

    private String user(String zone, LocalTime dayStart, DayOfWeek firstDayOfWeek) {
        String id = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").timezone(zone)
                .language(zone.startsWith("America/Sao") ? "pt-BR" : "en").dayStart(dayStart)
                .firstDayOfWeek(firstDayOfWeek).build()).id();
        mine.add(id);
        return id;
    }

    private Habit habit(String userId, String name, Frequency frequency, String time) {
        return coach.habits().create(userId, NewHabit.builder().name(name).frequency(frequency)
                .preferredTime(time == null ? null : LocalTime.parse(time)).reminderEnabled(true).build());
    }

    /** This test's reminders in the window (other tests' users are ignored). */
    private List<DueReminder> due(String from, String to) {
        return due(Instant.parse(from), Instant.parse(to));
    }

    private List<DueReminder> due(Instant from, Instant to) {
        return coach.reminders().remindersDue(from, to).stream().filter(r -> mine.contains(r.userId())).toList();
    }

    /** The union of consecutive one-minute windows over [from, to). */
    private List<DueReminder> minuteByMinute(String from, String to) {
        List<DueReminder> all = new ArrayList<>();
        for (Instant t = Instant.parse(from); t.isBefore(Instant.parse(to)); t = t.plus(Duration.ofMinutes(1))) {
            all.addAll(due(t, t.plus(Duration.ofMinutes(1))));
        }
        return all;
    }

    @Test
    void threeZonesAcrossMidnightUtcInOneStatement() {
        String paulo = user("America/Sao_Paulo");      // UTC-3: the window is 20:30..21:30 on the 10th
        String tokyo = user("Asia/Tokyo");             // UTC+9: 08:30..09:30 on the 11th
        String berlin = user("Europe/Berlin");         // UTC+1: 00:30..01:30 on the 11th
        String owl = user("Europe/Berlin", LocalTime.of(4, 0), DayOfWeek.MONDAY);
        Habit read = habit(paulo, "Ler", Frequency.daily(), "21:00");
        habit(paulo, "Too early", Frequency.daily(), "20:29");
        habit(paulo, "End is exclusive", Frequency.daily(), "21:30");
        Habit tea = habit(tokyo, "Tea", Frequency.daily(), "08:30");
        habit(tokyo, "Tokyo evening", Frequency.daily(), "21:00");
        Habit walk = habit(berlin, "Walk", Frequency.daily(), "00:45");
        Habit late = habit(owl, "Journal", Frequency.daily(), "01:00");   // before the 04:00 day start
        // an instance's first look-up asks once whether the database is Citus (a statement the listener sees too)
        due("2026-03-10T00:00:00Z", "2026-03-10T00:01:00Z");
        statements.clear();

        List<DueReminder> due = due("2026-03-10T23:30:00Z", "2026-03-11T00:30:00Z");

        assertThat(statements).hasSize(1);
        assertThat(due).isSortedAccordingTo(java.util.Comparator.comparing(DueReminder::sendAt));
        assertThat(due).containsExactlyInAnyOrder(
                new DueReminder(tokyo, tea.id(), "Tea", LocalDate.parse("2026-03-11"),
                        Instant.parse("2026-03-10T23:30:00Z"), ZoneId.of("Asia/Tokyo"), "en"),
                new DueReminder(berlin, walk.id(), "Walk", LocalDate.parse("2026-03-11"),
                        Instant.parse("2026-03-10T23:45:00Z"), ZoneId.of("Europe/Berlin"), "en"),
                // 01:00 on the 11th is still the owl's 10th: the reminder is for that day
                new DueReminder(owl, late.id(), "Journal", LocalDate.parse("2026-03-10"),
                        Instant.parse("2026-03-11T00:00:00Z"), ZoneId.of("Europe/Berlin"), "en"),
                new DueReminder(paulo, read.id(), "Ler", LocalDate.parse("2026-03-10"),
                        Instant.parse("2026-03-11T00:00:00Z"), ZoneId.of("America/Sao_Paulo"), "pt-BR"));
        // consecutive one-minute windows give the same reminders, each once
        assertThat(minuteByMinute("2026-03-10T23:44:00Z", "2026-03-11T00:02:00Z"))
                .containsExactlyElementsOf(due("2026-03-10T23:44:00Z", "2026-03-11T00:02:00Z")).hasSize(3);
    }

    @Test
    void aPreferredTimeBeforeTheDayStartFiresOnTheNextCalendarDateForThePreviousDay() {
        clock.set("2026-04-08T12:00:00Z");
        String owl = user("America/Sao_Paulo", LocalTime.of(4, 0), DayOfWeek.MONDAY);
        Habit late = habit(owl, "Diário", Frequency.daily(), "02:00");
        // the user's day of April 7th ends at 04:00 on the 8th: its reminder is at 02:00 on the 8th (05:00Z)
        assertThat(due("2026-04-08T05:00:00Z", "2026-04-08T05:01:00Z")).singleElement()
                .satisfies(r -> assertThat(r.localDate()).isEqualTo(LocalDate.parse("2026-04-07")));
        coach.habits().complete(owl, late.id(), LocalDate.parse("2026-04-07"));
        assertThat(due("2026-04-08T05:00:00Z", "2026-04-08T05:01:00Z")).isEmpty();
        // done on the 8th does not silence the 8th's own reminder (02:00 on the 9th)
        assertThat(due("2026-04-09T05:00:00Z", "2026-04-09T05:01:00Z")).singleElement()
                .satisfies(r -> assertThat(r.localDate()).isEqualTo(LocalDate.parse("2026-04-08")));
    }

    @Test
    void aTimeSkippedBySpringForwardFiresOnceAtTheFirstInstantAfterTheGap() {
        String berlin = user("Europe/Berlin");
        Habit run = habit(berlin, "Laufen", Frequency.daily(), "02:30");
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z); 02:30 does not exist
        List<DueReminder> night = due("2026-03-28T22:00:00Z", "2026-03-29T04:00:00Z");
        assertThat(night).singleElement().satisfies(r -> {
            assertThat(r.habitId()).isEqualTo(run.id());
            assertThat(r.localDate()).isEqualTo(LocalDate.parse("2026-03-29"));
            assertThat(r.sendAt()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        });
        assertThat(minuteByMinute("2026-03-29T00:45:00Z", "2026-03-29T01:15:00Z")).containsExactlyElementsOf(night);
        assertThat(due("2026-03-29T00:59:00Z", "2026-03-29T01:00:00Z")).isEmpty();
        assertThat(due("2026-03-29T01:00:00Z", "2026-03-29T01:00:00.000001Z")).hasSize(1);
        // the days around it: 02:30 CET and 02:30 CEST
        assertThat(due("2026-03-28T00:00:00Z", "2026-03-28T23:59:00Z")).extracting(DueReminder::sendAt)
                .containsExactly(Instant.parse("2026-03-28T01:30:00Z"));
        assertThat(due("2026-03-30T00:00:00Z", "2026-03-30T23:59:00Z")).extracting(DueReminder::sendAt)
                .containsExactly(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void aTimeRepeatedByFallBackFiresOnceAtItsFirstOccurrence() {
        String berlin = user("Europe/Berlin");
        habit(berlin, "Laufen", Frequency.daily(), "02:30");
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET (01:00Z); 02:30 happens at 00:30Z and at 01:30Z
        List<DueReminder> night = due("2026-10-24T22:00:00Z", "2026-10-25T04:00:00Z");
        assertThat(night).extracting(DueReminder::sendAt).containsExactly(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(night.get(0).localDate()).isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(minuteByMinute("2026-10-25T00:25:00Z", "2026-10-25T01:35:00Z")).containsExactlyElementsOf(night);
        assertThat(due("2026-10-25T01:30:00Z", "2026-10-25T01:31:00Z")).isEmpty();
    }

    @Test
    void doneSkippedPausedArchivedDisabledUnscheduledAndDeletedAreNotDue() {
        clock.set("2026-05-06T12:00:00Z");                 // Wednesday May 6th, 09:00 in São Paulo
        LocalDate today = LocalDate.parse("2026-05-06");
        String ana = user("America/Sao_Paulo");
        Habit due = habit(ana, "Due", Frequency.daily(), "07:00");
        Habit onWednesdays = habit(ana, "On Wednesdays", Frequency.specificDays(DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "07:00");
        habit(ana, "On Thursdays", Frequency.specificDays(DayOfWeek.THURSDAY), "07:00");
        Habit done = habit(ana, "Done", Frequency.daily(), "07:00");
        coach.habits().complete(ana, done.id(), today);
        Habit skipped = habit(ana, "Skipped", Frequency.daily(), "07:00");
        coach.habits().skip(ana, skipped.id(), today);
        Habit paused = habit(ana, "Paused", Frequency.daily(), "07:00");
        coach.habits().pause(ana, paused.id());
        Habit archived = habit(ana, "Archived", Frequency.daily(), "07:00");
        coach.habits().archive(ana, archived.id());
        coach.habits().create(ana, NewHabit.builder().name("Disabled").frequency(Frequency.daily())
                .preferredTime(LocalTime.of(7, 0)).reminderEnabled(false).build());
        habit(ana, "No time", Frequency.daily(), null);
        habit(ana, "Other minute", Frequency.daily(), "07:01");
        String gone = user("America/Sao_Paulo");
        habit(gone, "Deleted user's", Frequency.daily(), "07:00");
        coach.users().delete(gone);
        String lisbon = user("Europe/Lisbon");              // 07:00 in Lisbon is another instant
        habit(lisbon, "Elsewhere", Frequency.daily(), "07:00");

        assertThat(due("2026-05-06T10:00:00Z", "2026-05-06T10:01:00Z")).extracting(DueReminder::habitName)
                .containsExactlyInAnyOrder("Due", "On Wednesdays");
        assertThat(due("2026-05-06T10:00:00Z", "2026-05-06T10:01:00Z")).extracting(DueReminder::habitId)
                .containsExactlyInAnyOrder(due.id(), onWednesdays.id());

        // day names written by hand in another case still count
        dsl.execute("UPDATE habits SET specific_days = '[\"wednesday\"]' WHERE id = ?", onWednesdays.id());
        assertThat(due("2026-05-06T10:00:00Z", "2026-05-06T10:01:00Z")).extracting(DueReminder::habitName)
                .containsExactlyInAnyOrder("Due", "On Wednesdays");

        // resuming makes the habit due again; undoing the entry too
        coach.habits().resume(ana, paused.id());
        coach.habits().undo(ana, done.id(), today);
        assertThat(due("2026-05-06T10:00:00Z", "2026-05-06T10:01:00Z")).extracting(DueReminder::habitName)
                .containsExactlyInAnyOrder("Due", "On Wednesdays", "Paused", "Done");
    }

    @Test
    void aThreePerWeekHabitStopsOnceItsWeekHasThree() {
        clock.set("2026-06-10T15:00:00Z");                 // Wednesday June 10th in São Paulo
        String monday = user("America/Sao_Paulo");
        String sunday = user("America/Sao_Paulo", LocalTime.MIDNIGHT, DayOfWeek.SUNDAY);
        Habit gym = habit(monday, "Gym", Frequency.timesPerWeek(3), "18:00");
        Habit swim = habit(sunday, "Swim", Frequency.timesPerWeek(3), "18:00");
        for (String day : List.of("2026-06-07", "2026-06-08", "2026-06-09")) {   // Sunday, Monday, Tuesday
            coach.habits().complete(monday, gym.id(), LocalDate.parse(day));
            coach.habits().complete(sunday, swim.id(), LocalDate.parse(day));
        }
        String wednesday = "2026-06-10T21:00:00Z";         // 18:00 in São Paulo
        // the Monday week holds 2 (Sunday belongs to the week before), the Sunday week already 3
        assertThat(due(wednesday, "2026-06-10T21:01:00Z")).extracting(DueReminder::habitName).containsExactly("Gym");
        coach.habits().complete(monday, gym.id(), LocalDate.parse("2026-06-10"));
        // done today: not due today; and the week now has 3: not due on Thursday either
        assertThat(due(wednesday, "2026-06-10T21:01:00Z")).isEmpty();
        assertThat(due("2026-06-11T21:00:00Z", "2026-06-11T21:01:00Z")).isEmpty();
        // a skipped day does not count towards the target
        coach.habits().undo(monday, gym.id(), LocalDate.parse("2026-06-10"));
        coach.habits().skip(monday, gym.id(), LocalDate.parse("2026-06-10"));
        assertThat(due("2026-06-11T21:00:00Z", "2026-06-11T21:01:00Z")).extracting(DueReminder::habitName)
                .containsExactly("Gym");
        // a new week starts over: Sunday the 14th for the Sunday user, Monday the 15th for the other
        assertThat(due("2026-06-14T21:00:00Z", "2026-06-14T21:01:00Z")).extracting(DueReminder::habitName)
                .containsExactlyInAnyOrder("Gym", "Swim");
    }

    @Test
    void theRemindersFollowTheUsersZone() {
        clock.set("2026-08-03T12:00:00Z");
        String ana = user("America/Sao_Paulo");
        Habit read = habit(ana, "Ler", Frequency.daily(), "08:00");
        assertThat(due("2026-08-04T11:00:00Z", "2026-08-04T11:01:00Z")).extracting(DueReminder::habitId)
                .containsExactly(read.id());
        coach.users().update(ana, UserUpdate.builder().timezone("Europe/Lisbon").build());
        assertThat(due("2026-08-04T11:00:00Z", "2026-08-04T11:01:00Z")).isEmpty();
        // 08:00 in Lisbon (UTC+1 in summer)
        assertThat(due("2026-08-04T07:00:00Z", "2026-08-04T07:01:00Z")).singleElement()
                .satisfies(r -> assertThat(r.zone()).isEqualTo(ZoneId.of("Europe/Lisbon")));
        // the copy of the zone on the habit follows the user's: written by the services since V6
        // (Citus runs no triggers on distributed tables, docs/scale-out.md), in the zone change's
        // transaction, for the habits created before and after it
        assertThat(dsl.fetchValue("SELECT user_timezone FROM habits WHERE id = ?", read.id()))
                .isEqualTo("Europe/Lisbon");
        Habit later = habit(ana, "Correr", Frequency.daily(), "09:00");
        assertThat(dsl.fetchValue("SELECT user_timezone FROM habits WHERE id = ?", later.id()))
                .isEqualTo("Europe/Lisbon");
    }

    @Test
    void aZoneThePostgresServerDoesNotKnowDoesNotStopTheOthers() {
        String ok = user("America/Sao_Paulo");
        habit(ok, "Fine", Frequency.daily(), "09:00");
        String odd = user("America/Sao_Paulo");
        habit(odd, "Odd", Frequency.daily(), "09:00");
        // written behind the services' back: Java would have refused it
        dsl.execute("UPDATE users SET timezone = 'Mars/Olympus' WHERE id = ?", odd);
        assertThat(due("2026-07-01T12:00:00Z", "2026-07-01T12:01:00Z")).extracting(DueReminder::habitName)
                .containsExactly("Fine");
    }

    @Test
    void theWindowMustBeNonEmptyAndAtMostADay() {
        Instant t = Instant.parse("2026-03-10T12:00:00Z");
        assertThatThrownBy(() -> coach.reminders().remindersDue(t, t)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.reminders().remindersDue(t, t.minusSeconds(60)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.reminders().remindersDue(t, t.plus(Duration.ofDays(1)).plusMillis(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("24 hours");
        assertThatThrownBy(() -> coach.reminders().remindersDue(null, t)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.reminders().remindersDue(t, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.reminders().remindersDue(Instant.MIN, Instant.MIN.plusSeconds(60)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.reminders().remindersDue(Instant.MAX.minusSeconds(60), Instant.MAX))
                .isInstanceOf(InvalidInputException.class);
        assertThat(coach.reminders().remindersDue(t, t.plus(Duration.ofDays(1)))).isNotNull();
    }
}
