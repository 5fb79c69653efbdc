package io.habitcoach.jooq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.model.Plan;
import io.habitcoach.core.model.SubtaskStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.chat.ChatExchange;
import io.habitcoach.jooq.chat.ChatMessage;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.goals.GoalUpdate;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.HabitCoachDataException;
import io.habitcoach.jooq.habits.HabitUpdate;
import io.habitcoach.jooq.accounts.NewAccount;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.goals.NewSubtask;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.goals.Subtask;
import io.habitcoach.jooq.users.User;
import io.habitcoach.jooq.users.UserUpdate;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * Issue 9, hostile input: the public API driven with arbitrary strings (empty, 1 MB, every Unicode
 * plane, lone surrogates, NUL characters which PostgreSQL text cannot hold, SQL and JSON fragments),
 * arbitrary dates and instants, unknown zone ids, and ids that do not exist or belong to another
 * user. The only outcomes allowed are success or a {@link HabitCoachException}; after every try the
 * data is consistent (caches equal a recomputation, goal counters equal subtasks), and nothing of the
 * other user's changed. What a call stores is what a read returns.
 */
class HostileInputProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    /** One database and two users for the whole class: alice calls, mallory's ids are the foreign ones. */
    private static final class World {
        final HabitCoachTestDatabase db = HabitCoachTestDatabase.create(4);
        final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");   // 12:00 in São Paulo
        final HabitCoach coach = HabitCoach.configure().dataSource(db.dataSource()).clock(clock).load();
        final Backends admin;
        final Person alice;
        final Person mallory;
        final String scratch;
        final Map<String, String> malloryFingerprint;

        World() {
            try {
                admin = new Backends(db.jdbcUrl());
                alice = person("alice");
                mallory = person("mallory");
                scratch = coach.users().create(NewUser.builder().email("scratch@example.com").build()).id();
                malloryFingerprint = Consistency.fingerprint(admin.connection(), mallory.userId);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Person person(String name) {
            String userId = coach.users().create(NewUser.builder().email(name + "@example.com").build()).id();
            List<String> habits = List.of(
                    coach.habits().create(userId, NewHabit.builder().name("Run").frequency(Frequency.daily()).build()).id(),
                    coach.habits().create(userId, NewHabit.builder().name("Read").frequency(
                            Frequency.specificDays(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)).build()).id(),
                    coach.habits().create(userId, NewHabit.builder().name("Gym").frequency(Frequency.timesPerWeek(2))
                            .build()).id());
            for (String habit : habits) {
                coach.habits().complete(userId, habit, TODAY.minusDays(1));
            }
            Goal goal = coach.goals().create(userId, NewGoal.builder().title("Marathon").category(GoalCategory.HEALTH)
                    .subtask("5k").subtask("10k").subtask("21k").build());
            String conversation = coach.chat().start(userId, "hello").conversation().id();
            return new Person(userId, habits, goal.id(), goal.subtasks().stream().map(Subtask::id).toList(), conversation);
        }
    }

    private record Person(String userId, List<String> habits, String goalId, List<String> subtasks, String conversation) {
    }

    private static World world;

    private static synchronized World world() {
        if (world == null) {
            world = new World();
        }
        return world;
    }

    @AfterContainer
    static void closeWorld() throws Exception {
        if (world != null) {
            world.admin.close();
            world.db.close();
            world = null;
        }
    }

    /** After every try: nothing of mallory's changed (one statement). */
    @AfterTry
    void anotherUsersDataIsUntouched() throws Exception {
        World w = world();
        assertThat(Consistency.fingerprint(w.admin.connection(), w.mallory.userId))
                .as("another user's data").isEqualTo(w.malloryFingerprint);
    }

    /** After every property (and after every try of those that write entries): the data is consistent. */
    @AfterProperty
    void dataStaysConsistent() {
        assertConsistent();
    }

    private static void assertConsistent() {
        World w = world();
        List<String> users = List.of(w.alice.userId, w.mallory.userId);
        assertThat(Consistency.habitProblems(w.db.dataSource(), w.clock, users, true)).isEmpty();
        assertThat(Consistency.goalProblems(w.db.dataSource(), users, true)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------
    // Generators
    // ------------------------------------------------------------------------------------------------

    /** SQL, JSON, format and markup fragments, control and odd characters, blanks. */
    private static final List<String> FRAGMENTS = List.of("", " ", "\t\n\r", "\0", "a\0b", "\0\0\0", "'", "''", "\"",
            "\\", "\\0", "\\u0000", "'; DROP TABLE users; --", "' OR '1'='1", "1; SELECT pg_sleep(10)", "$$", "$1",
            "?", "%s%n%d", "{}", "[]", "{\"a\":", "{\"$where\": \"1==1\"}", "null", "true", "-0", "1e309", "NaN",
            "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uFEFF", "\u202E", "\u2028\u2029", "\u00A0", "\u3000", "\uFFFF",
            "\uFFFE", "\uD83C\uDFC3\u200D\u2640\uFE0F", "e\u0301", "\u0130", "ß", "ﬃ", "${jndi:ldap://x}",
            "<script>alert(1)</script>", "../../etc/passwd", "a".repeat(201), "é".repeat(5001), "\u0000".repeat(5));

    /** Any string: any UTF-16 units (lone surrogates, NUL), code points of every plane, fragments, plain words. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> anyUnits = Arbitraries.strings().all().ofMaxLength(250);
        Arbitrary<String> everyPlane = Arbitraries.integers().between(0, 16)
                .flatMap(plane -> Arbitraries.integers().between(plane << 16, (plane << 16) | 0xFFFF))
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .map(Character::toString).list().ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
        Arbitrary<String> mixed = Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> String.join("x", l));
        Arbitrary<String> word = Arbitraries.strings().alpha().numeric().withChars(' ', '-', '_').ofMinLength(1)
                .ofMaxLength(30);
        return Arbitraries.frequencyOf(Tuple.of(3, anyUnits), Tuple.of(3, everyPlane), Tuple.of(3, fragment),
                Tuple.of(2, mixed), Tuple.of(3, word)).injectNull(0.05);
    }

    /** Arbitrary dates: the whole LocalDate range, its ends, the year-0 and far-future edges, and days near today. */
    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-12, 4).map(TODAY::plusDays)),
                Tuple.of(2, Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                        .map(LocalDate::ofEpochDay)),
                Tuple.of(2, Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalDate.of(0, 1, 1),
                        LocalDate.of(-1, 12, 31), LocalDate.of(1, 1, 1), LocalDate.of(1582, 10, 4),
                        LocalDate.of(1582, 10, 15), LocalDate.of(1582, 10, 10), LocalDate.of(1000, 2, 28),
                        LocalDate.of(-4713, 11, 24), LocalDate.of(-4714, 11, 23),
                        LocalDate.of(9999, 12, 31), LocalDate.of(10000, 1, 1), LocalDate.of(5874897, 12, 31),
                        LocalDate.of(5874898, 1, 1), LocalDate.of(294276, 12, 31), LocalDate.of(2026, 2, 28))))
                .injectNull(0.03);
    }

    /** Instants beyond what OffsetDateTime holds (years +-1,000,000,000): see {@link #instantsBeyondOffsetDateTime}. */
    private static final Instant EARLIEST = java.time.OffsetDateTime.MIN.toInstant().plusSeconds(18 * 3600);
    private static final Instant LATEST = java.time.OffsetDateTime.MAX.toInstant().minusSeconds(18 * 3600);

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond())
                        .map(Instant::ofEpochSecond)),
                Tuple.of(3, Arbitraries.longs().between(-86_400L * 30, 86_400L * 30)
                        .map(s -> Instant.parse("2026-03-10T15:00:00Z").plusSeconds(s))),
                Tuple.of(2, Arbitraries.of(EARLIEST, LATEST, Instant.EPOCH, Instant.parse("-4713-11-24T00:00:00Z"),
                        Instant.parse("+294276-12-31T23:59:59Z"), Instant.parse("+294277-01-01T00:00:00Z"))))
                .injectNull(0.03);
    }

    /** A zone id: valid ones, unknown ones, offsets, and arbitrary text. */
    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.oneOf(Arbitraries.of("America/Sao_Paulo", "Asia/Tokyo", "Pacific/Kiritimati", "Etc/GMT+12",
                        "UTC", "Z", "+03:00", "GMT+3", "America/Nowhere", "Europe/Berlin ", "europe/berlin",
                        "EST", "SystemV/AST4", "Asia/Kathmandu", "../../etc/localtime"), text());
    }

    private Arbitrary<String> ids(List<String> own, List<String> foreign) {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(own)), Tuple.of(3, Arbitraries.of(foreign)),
                Tuple.of(1, Arbitraries.create(() -> UUID.randomUUID().toString())), Tuple.of(2, text()));
    }

    @Provide
    Arbitrary<String> habitIds() {
        return Arbitraries.lazy(() -> ids(world().alice.habits, world().mallory.habits));
    }

    @Provide
    Arbitrary<String> subtaskIds() {
        return Arbitraries.lazy(() -> ids(world().alice.subtasks, world().mallory.subtasks));
    }

    @Provide
    Arbitrary<String> goalIds() {
        return Arbitraries.lazy(() -> ids(List.of(world().alice.goalId), List.of(world().mallory.goalId)));
    }

    @Provide
    Arbitrary<String> conversationIds() {
        return Arbitraries.lazy(() -> ids(List.of(world().alice.conversation), List.of(world().mallory.conversation)));
    }

    @Provide
    Arbitrary<String> userIds() {
        return Arbitraries.lazy(() -> ids(List.of(world().alice.userId), List.of(world().mallory.userId, world().scratch)));
    }

    // ------------------------------------------------------------------------------------------------
    // The rule every call obeys
    // ------------------------------------------------------------------------------------------------

    /**
     * Runs the call: success, or a precise HabitCoachException (invalid input, not found, ...).
     * A database error ({@link HabitCoachDataException}) or any other exception caused by hostile input
     * fails the property at once, with the call and its input: the library must refuse bad input with a
     * typed exception before SQL. Nothing is collected to be printed later.
     */
    private static <T> Optional<T> attempt(String what, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (HabitCoachDataException e) {
            throw new AssertionError(what + " was answered by a database error [" + e.sqlState() + "] "
                    + e.getMessage() + " instead of a precise HabitCoachException", e);
        } catch (HabitCoachException e) {
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + " threw " + e + " (only a HabitCoachException may escape)", e);
        }
    }

    private static Optional<Boolean> attempt(String what, Runnable call) {
        return attempt(what, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    /** The call must fail with a precise HabitCoachException; a database error or anything else fails the property. */
    private static <T> HabitCoachException failure(String what, Supplier<T> call) {
        try {
            call.get();
        } catch (HabitCoachDataException e) {
            throw new AssertionError(what + " was answered by a database error [" + e.sqlState() + "] "
                    + e.getMessage() + " instead of a precise HabitCoachException", e);
        } catch (HabitCoachException e) {
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError(what + " threw " + e + " (only a HabitCoachException may escape)", e);
        }
        throw new AssertionError(what + " succeeded");
    }

    private static boolean has(List<String> ids, String id) {
        return id != null && ids.contains(id);
    }

    private static String what(Object... values) {
        return java.util.Arrays.stream(values).map(HostileInputProperties::show).toList().toString();
    }

    private static String show(Object value) {
        if (!(value instanceof String s)) {
            return String.valueOf(value);
        }
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().limit(60).forEach(cp -> b.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp)
                : String.format("\\u{%x}", cp)));
        return b.append(s.length() > 60 ? "...(" + s.length() + " chars)\"" : "\"").toString();
    }

    // ------------------------------------------------------------------------------------------------
    // Users
    // ------------------------------------------------------------------------------------------------

    @Property(tries = 100)
    void creatingAUserWithArbitraryFields(@ForAll("text") String email, @ForAll("text") String name,
            @ForAll("zones") String timezone, @ForAll("text") String language, @ForAll("text") String personality) {
        World w = world();
        // Half the tries with a valid email, so that the other fields reach the database.
        String address = email != null && email.hashCode() % 2 == 0 ? UUID.randomUUID() + "@example.com" : email;
        NewUser newUser = NewUser.builder().email(address).name(name).timezone(timezone)
                .language(language != null && language.hashCode() % 3 == 0 ? "en" : language)
                .personality(personality != null && personality.hashCode() % 3 == 0 ? null : personality).build();
        attempt("users().create(" + show(address) + ", " + show(name) + ", " + show(timezone) + ")",
                () -> w.coach.users().create(newUser)).ifPresent(created -> {
                    User read = w.coach.users().get(created.id());
                    assertThat(read).as("what create returned is what get reads").isEqualTo(created);
                    assertThat(read.name()).as("stored name of %s", show(name)).isEqualTo(name == null || name.isBlank() ? null : name.strip());
                });
    }

    @Property(tries = 60)
    void updatingAUserWithArbitraryFields(@ForAll("text") String name, @ForAll("zones") String timezone,
            @ForAll("text") String language, @ForAll("text") String personality) {
        World w = world();
        UserUpdate update = UserUpdate.builder().name(name).timezone(timezone).language(language)
                .personality(personality).plan(Plan.PRO).build();
        attempt("users().update(" + show(name) + ", " + show(timezone) + ", " + show(language) + ")",
                () -> w.coach.users().update(w.scratch, update))
                .ifPresent(updated -> assertThat(w.coach.users().get(w.scratch)).isEqualTo(updated));
        // one field at a time too, so that a valid field is not hidden behind an invalid one
        attempt("users().update(name " + show(name) + ")",
                () -> w.coach.users().update(w.scratch, UserUpdate.builder().name(name).build()))
                .ifPresent(updated -> assertThat(w.coach.users().get(w.scratch).name()).isEqualTo(updated.name()));
        attempt("users().update(timezone " + show(timezone) + ")",
                () -> w.coach.users().update(w.scratch, UserUpdate.builder().timezone(timezone).build()));
    }

    @Property(tries = 60)
    void readsWithArbitraryIds(@ForAll("userIds") String userId, @ForAll("text") String text) {
        World w = world();
        boolean foreignOrUnknown = !w.alice.userId.equals(userId);
        attempt("users().get(" + show(userId) + ")", () -> w.coach.users().get(userId));
        attempt("users().findByEmail(" + show(text) + ")", () -> w.coach.users().findByEmail(text));
        attempt("dashboard(" + show(userId) + ")", () -> w.coach.dashboards().dashboard(userId));
        attempt("weeklySummary(" + show(userId) + ")", () -> w.coach.dashboards().weeklySummary(userId));
        attempt("habits().list(" + show(userId) + ")", () -> w.coach.habits().list(userId));
        attempt("habits().list(" + show(userId) + ", null)", () -> w.coach.habits().list(userId, (HabitStatus) null));
        attempt("goals().list(" + show(userId) + ")", () -> w.coach.goals().list(userId));
        attempt("chat().list(" + show(userId) + ")", () -> w.coach.chat().list(userId));
        attempt("chat().modelRepliesUsedToday(" + show(userId) + ")", () -> w.coach.chat().modelRepliesUsedToday(userId));
        // alice reading someone else's (or no one's) things behaves exactly like a missing id
        if (foreignOrUnknown) {
            String habit = w.mallory.habits.get(0);
            assertThat(failure("habits().get(alice, mallory's)", () -> w.coach.habits().get(w.alice.userId, habit)))
                    .isInstanceOf(NotFoundException.class);
        }
        attempt("habits().get(alice, " + show(text) + ")", () -> w.coach.habits().get(w.alice.userId, text));
        attempt("goals().get(alice, " + show(text) + ")", () -> w.coach.goals().get(w.alice.userId, text));
        attempt("chat().messages(alice, " + show(text) + ")", () -> w.coach.chat().messages(w.alice.userId, text));
    }

    // ------------------------------------------------------------------------------------------------
    // Habits and entries
    // ------------------------------------------------------------------------------------------------

    @Property(tries = 100)
    void creatingAndChangingAHabitWithArbitraryText(@ForAll("text") String name, @ForAll("text") String description,
            @ForAll("text") String newName, @ForAll("text") String newDescription) {
        World w = world();
        attempt("habits().create(" + show(name) + ", " + show(description) + ")", () -> w.coach.habits().create(
                w.alice.userId, NewHabit.builder().name(name).description(description).frequency(Frequency.daily()).build()))
                .ifPresent(created -> {
                    Habit read = w.coach.habits().get(w.alice.userId, created.id());
                    assertThat(read.name()).as("stored name of %s", show(name)).isEqualTo(created.name()).isEqualTo(name.strip());
                    assertThat(read.description()).as("stored description of %s", show(description)).isEqualTo(created.description());
                    attempt("habits().update(" + show(newName) + ", " + show(newDescription) + ")",
                            () -> w.coach.habits().update(w.alice.userId, created.id(),
                                    HabitUpdate.builder().name(newName).description(newDescription).build()))
                            .ifPresent(updated -> {
                                Habit again = w.coach.habits().get(w.alice.userId, created.id());
                                assertThat(again.name()).isEqualTo(updated.name());
                                assertThat(again.description()).isEqualTo(updated.description());
                            });
                    w.coach.habits().archive(w.alice.userId, created.id());
                });
    }

    enum EntryCall { COMPLETE, COMPLETE_WITH_NOTE, SKIP, UNDO, RECENT, GET, PAUSE_RESUME }

    @Property(tries = 150)
    void entriesWithArbitraryDatesAndIds(@ForAll EntryCall call, @ForAll("habitIds") String habitId,
            @ForAll("dates") LocalDate date, @ForAll("text") String note, @ForAll int days) {
        World w = world();
        String alice = w.alice.userId;
        String what = call + "(alice, " + show(habitId) + ", " + date + ", " + show(note) + ", " + days + ")";
        Supplier<Object> run = switch (call) {
            case COMPLETE -> () -> w.coach.habits().complete(alice, habitId, date);
            case COMPLETE_WITH_NOTE -> () -> w.coach.habits().complete(alice, habitId, date, note);
            case SKIP -> () -> w.coach.habits().skip(alice, habitId, date);
            case UNDO -> () -> w.coach.habits().undo(alice, habitId, date);
            case RECENT -> () -> w.coach.habits().recentCompletions(alice, habitId, days % 50 == 0 ? 7 : days);
            case GET -> () -> w.coach.habits().get(alice, habitId);
            case PAUSE_RESUME -> () -> {
                w.coach.habits().pause(alice, habitId);
                return w.coach.habits().resume(alice, habitId);
            };
        };
        if (has(w.mallory.habits, habitId)) {
            HabitCoachException e = failure(what, run);
            assertThat(e).as(what).isInstanceOfAny(NotFoundException.class, InvalidInputException.class);
        } else {
            attempt(what, run);
        }
        assertConsistent();
    }

    // ------------------------------------------------------------------------------------------------
    // Goals
    // ------------------------------------------------------------------------------------------------

    @Property(tries = 100)
    void creatingAndChangingAGoalWithArbitraryTextAndDates(@ForAll("text") String title, @ForAll("text") String description,
            @ForAll("text") String subtask, @ForAll("dates") LocalDate start, @ForAll("dates") LocalDate deadline,
            @ForAll("dates") LocalDate newDeadline, @ForAll int estimatedDays) {
        World w = world();
        String alice = w.alice.userId;
        NewGoal newGoal = NewGoal.builder().title(title).description(description).category(GoalCategory.PERSONAL)
                .startDate(start).deadline(deadline)
                .subtask(NewSubtask.builder().title(subtask).description(description).successCriteria(subtask)
                        .estimatedDays(estimatedDays % 3 == 0 ? null : estimatedDays % 500).build())
                .subtask("plain").build();
        attempt("goals().create(" + show(title) + ", " + show(subtask) + ", " + start + ", " + deadline + ")",
                () -> w.coach.goals().create(alice, newGoal)).ifPresent(created -> {
                    Goal read = w.coach.goals().get(alice, created.id());
                    assertThat(read).as("what create returned is what get reads, for %s", what(title, subtask, start, deadline))
                            .isEqualTo(created);
                    if (start != null) {
                        assertThat(read.startDate()).as("stored start date").isEqualTo(start);
                    }
                    assertThat(read.deadline()).as("stored deadline").isEqualTo(deadline);
                    assertThat(read.title()).isEqualTo(title.strip());
                    attempt("goals().update(deadline " + newDeadline + ", title " + show(description) + ")",
                            () -> w.coach.goals().update(alice, created.id(), GoalUpdate.builder().deadline(newDeadline)
                                    .title(description).startDate(newDeadline).build()))
                            .ifPresent(updated -> {
                                assertThat(w.coach.goals().get(alice, created.id())).isEqualTo(updated);
                                if (newDeadline != null) {
                                    assertThat(updated.deadline()).isEqualTo(newDeadline);
                                    assertThat(updated.startDate()).isEqualTo(newDeadline);
                                }
                            });
                    w.coach.goals().archive(alice, created.id());
                });
    }

    enum GoalCall { MOVE, REOPEN, REMOVE, ADD, REORDER, UPDATE, ARCHIVE_OTHER }

    @Property(tries = 100)
    void goalCallsWithGarbageAndForeignIds(@ForAll GoalCall call, @ForAll("subtaskIds") String subtaskId,
            @ForAll("goalIds") String goalId, @ForAll("subtaskIds") String other, @ForAll SubtaskStatus status,
            @ForAll("text") String title, @ForAll boolean shuffleOwn) {
        World w = world();
        String alice = w.alice.userId;
        List<String> order = new ArrayList<>(shuffleOwn ? w.alice.subtasks : java.util.Arrays.asList(subtaskId, other));
        if (shuffleOwn) {
            Collections.shuffle(order);
            if (title != null && title.length() % 3 == 0) {
                order.set(0, subtaskId);   // one garbage (or foreign, or duplicate) id among the own ones
            }
        }
        String what = call + "(alice, " + show(subtaskId) + ", " + show(goalId) + ", " + order.stream().map(
                HostileInputProperties::show).toList() + ", " + status + ")";
        boolean foreign = has(w.mallory.subtasks, subtaskId) || w.mallory.goalId.equals(goalId);
        Supplier<Object> run = switch (call) {
            case MOVE -> () -> w.coach.goals().moveSubtask(alice, subtaskId, status);
            case REOPEN -> () -> w.coach.goals().reopenSubtask(alice, subtaskId);
            case REMOVE -> () -> has(w.mallory.subtasks, subtaskId) ? w.coach.goals().removeSubtask(alice, subtaskId)
                    : w.coach.goals().get(alice, w.alice.goalId);   // never remove alice's own steps: the goal stays
            case ADD -> () -> w.coach.goals().addSubtask(alice, goalId, NewSubtask.builder().title(title).build());
            case REORDER -> () -> w.coach.goals().reorderSubtasks(alice, goalId, order);
            case UPDATE -> () -> w.coach.goals().update(alice, goalId, GoalUpdate.builder().title(title).build());
            case ARCHIVE_OTHER -> () -> w.mallory.goalId.equals(goalId) ? w.coach.goals().archive(alice, goalId)
                    : w.coach.goals().get(alice, goalId);
        };
        boolean targetsForeign = switch (call) {
            case MOVE, REOPEN, REMOVE -> has(w.mallory.subtasks, subtaskId);
            case ADD, UPDATE, ARCHIVE_OTHER -> w.mallory.goalId.equals(goalId);
            case REORDER -> w.mallory.goalId.equals(goalId);
        };
        if (targetsForeign && foreign) {
            assertThat(failure(what, run)).as(what).isInstanceOfAny(NotFoundException.class, InvalidInputException.class);
        } else {
            attempt(what, run).ifPresent(result -> {
                if (call == GoalCall.ADD) {
                    // keep alice's goal small: remove what was added
                    Goal g = (Goal) result;
                    w.coach.goals().removeSubtask(alice, g.subtasks().get(g.subtasks().size() - 1).id());
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Chat
    // ------------------------------------------------------------------------------------------------

    @Property(tries = 60)
    void chattingWithArbitraryText(@ForAll("text") String message, @ForAll("conversationIds") String conversation,
            @ForAll boolean start) {
        World w = world();
        String alice = w.alice.userId;
        Supplier<ChatExchange> run = start ? () -> w.coach.chat().start(alice, message)
                : () -> w.coach.chat().send(alice, conversation, message);
        String what = (start ? "chat().start(" : "chat().send(" + show(conversation) + ", ") + show(message) + ")";
        if (!start && w.mallory.conversation.equals(conversation)) {
            assertThat(failure(what, run)).isInstanceOfAny(NotFoundException.class, InvalidInputException.class);
            return;
        }
        attempt(what, run).ifPresent(exchange -> {
            List<ChatMessage> stored = w.coach.chat().messages(alice, exchange.conversation().id());
            assertThat(stored).extracting(ChatMessage::id).contains(exchange.question().id(), exchange.reply().id());
            assertThat(stored.stream().filter(m -> m.id().equals(exchange.question().id())).findFirst().orElseThrow()
                    .content()).as("stored message %s", show(message)).isEqualTo(message);
        });
    }

    // ------------------------------------------------------------------------------------------------
    // The other services (sessions, accounts, analytics, search, reminders, privacy)
    // ------------------------------------------------------------------------------------------------

    @Property(tries = 60)
    void otherServicesWithArbitraryInput(@ForAll("text") String a, @ForAll("text") String b, @ForAll("text") String c,
            @ForAll("instants") Instant from, @ForAll("instants") Instant to, @ForAll("userIds") String userId,
            @ForAll int number) {
        World w = world();
        String alice = w.alice.userId;
        attempt("search(alice, " + show(a) + ")", () -> w.coach.search().search(alice, a));
        attempt("search(" + show(userId) + ", " + show(b) + ", " + number + ")",
                () -> w.coach.search().search(userId, b, Math.floorMod(number, 120)));
        attempt("sessions().create(alice, " + show(a) + ", " + show(b) + ")",
                () -> w.coach.sessions().create(alice, Duration.ofSeconds(Math.floorMod(number, 100_000) - 5), a, b));
        attempt("sessions().validate(" + show(c) + ")", () -> w.coach.sessions().validate(c));
        attempt("sessions().touch(" + show(c) + ", " + show(a) + ", " + show(b) + ")",
                () -> w.coach.sessions().touch(c, a, b));
        attempt("sessions().list(" + show(userId) + ")", () -> w.coach.sessions().list(userId));
        attempt("sessions().revoke(alice, " + show(c) + ")", () -> w.coach.sessions().revoke(alice, c));
        attempt("analytics().recordJson(alice, " + show(a) + ", " + show(b) + ", " + show(c) + ")",
                () -> w.coach.analytics().recordJson(alice, a, b, c, null));
        attempt("analytics().recordJson(alice, event, " + show(c) + ")",
                () -> w.coach.analytics().recordJson(alice, "event", c, null, a));
        attempt("analytics().countsForUser(" + show(userId) + ", " + from + ", " + to + ")",
                () -> w.coach.analytics().countsForUser(userId, from, to));
        attempt("analytics().countsForAll(" + from + ", " + to + ")", () -> w.coach.analytics().countsForAll(from, to));
        attempt("reminders().remindersDue(" + from + ", " + to + ")", () -> w.coach.reminders().remindersDue(from, to));
        attempt("reminders().remindersDue(" + from + ", +1h)",
                () -> w.coach.reminders().remindersDue(from, from == null || from.isAfter(Instant.MAX.minusSeconds(3600)) ? from
                        : from.plusSeconds(3600)));
        attempt("accounts().link(alice, " + show(a) + ", " + show(b) + ")", () -> w.coach.accounts().link(alice,
                NewAccount.builder().provider(a).providerAccountId(b).build()));
        attempt("accounts().get(alice, " + show(a) + ")", () -> w.coach.accounts().get(alice, a));
        attempt("accounts().findUser(" + show(a) + ", " + show(b) + ")", () -> w.coach.accounts().findUser(a, b));
        attempt("accounts().unlink(alice, " + show(c) + ")", () -> w.coach.accounts().unlink(alice, c));
        attempt("privacy().export(" + show(userId) + ")", () -> w.coach.privacy().export(userId));
    }

    @Property(tries = 10)
    void passwordsWithArbitraryText(@ForAll("text") String email, @ForAll("text") String password) {
        World w = world();
        attempt("credentials().authenticate(" + show(email) + ", " + show(password) + ")",
                () -> w.coach.credentials().authenticate(email, password));
        attempt("credentials().setPassword(scratch, " + show(password) + ")",
                () -> w.coach.credentials().setPassword(w.scratch, password));
    }

    // ------------------------------------------------------------------------------------------------
    // A megabyte of text, wherever text goes
    // ------------------------------------------------------------------------------------------------

    private static final String MEGABYTE = "x".repeat(1 << 20);
    private static final String MEGABYTE_OF_PLANES = "\uD83C\uDFC3\u00e9\u4e2d\uDB40\uDC01".repeat((1 << 20) / 6);

    @Example
    void aMegabyteOfTextIsRefusedAsInvalidInputEverywhere() {
        World w = world();
        String alice = w.alice.userId;
        for (String big : List.of(MEGABYTE, MEGABYTE_OF_PLANES, MEGABYTE + "\0")) {
            List<Supplier<Object>> calls = List.of(
                    () -> w.coach.users().create(NewUser.builder().email(big).build()),
                    () -> w.coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").name(big).build()),
                    () -> w.coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").timezone(big).build()),
                    () -> w.coach.users().update(w.scratch, UserUpdate.builder().language(big).build()),
                    () -> w.coach.users().findByEmail(big),
                    () -> w.coach.habits().create(alice, NewHabit.builder().name(big).frequency(Frequency.daily()).build()),
                    () -> w.coach.habits().create(alice, NewHabit.builder().name("ok").description(big)
                            .frequency(Frequency.daily()).build()),
                    () -> w.coach.habits().complete(alice, w.alice.habits.get(0), TODAY, big),
                    () -> w.coach.goals().create(alice, NewGoal.builder().title(big).build()),
                    () -> w.coach.goals().create(alice, NewGoal.builder().title("ok").subtask(big).build()),
                    () -> w.coach.goals().addSubtask(alice, w.alice.goalId, NewSubtask.builder().title("ok")
                            .successCriteria(big).build()),
                    () -> w.coach.chat().start(alice, big),
                    () -> w.coach.chat().send(alice, w.alice.conversation, big),
                    () -> w.coach.search().search(alice, big),
                    () -> w.coach.analytics().recordJson(alice, "event", "{\"a\":\"" + big + "\"}", null, null),
                    () -> w.coach.sessions().create(alice, Duration.ofHours(1), big, null));
            for (int i = 0; i < calls.size(); i++) {
                HabitCoachException e = failure("call " + i + " with " + big.length() + " chars", calls.get(i));
                assertThat(e).as("call %d with a megabyte", i).isInstanceOf(InvalidInputException.class);
            }
        }
        // ... and ids of a megabyte are just ids that do not exist
        for (Supplier<Object> call : List.<Supplier<Object>>of(() -> w.coach.users().get(MEGABYTE),
                () -> w.coach.habits().complete(alice, MEGABYTE_OF_PLANES, TODAY),
                () -> w.coach.goals().moveSubtask(alice, MEGABYTE, SubtaskStatus.COMPLETED),
                () -> w.coach.dashboards().dashboard(MEGABYTE))) {
            assertThat(failure("a megabyte id", call)).isInstanceOf(NotFoundException.class);
        }
    }

    @Example
    void goalDatesEitherRoundTripExactlyOrAreRefused() {
        World w = world();
        String alice = w.alice.userId;
        // Dates the JDBC binding (java.sql.Date, Julian before the reform) shifted or could not read back.
        for (LocalDate date : List.of(LocalDate.MIN, LocalDate.of(-100, 1, 1), LocalDate.of(0, 1, 1),
                LocalDate.of(1000, 2, 28), LocalDate.of(1582, 10, 10), LocalDate.of(1582, 10, 14), LocalDate.of(10000, 1, 1),
                LocalDate.MAX)) {
            assertThat(failure("goal start " + date, () -> w.coach.goals().create(alice,
                    NewGoal.builder().title("x").startDate(date).build()))).isInstanceOf(InvalidInputException.class);
            assertThat(failure("goal deadline " + date, () -> w.coach.goals().update(alice, w.alice.goalId,
                    GoalUpdate.builder().deadline(date).build()))).isInstanceOf(InvalidInputException.class);
        }
        for (LocalDate date : List.of(LocalDate.of(1582, 10, 15), LocalDate.of(1600, 2, 29), LocalDate.of(1900, 1, 1),
                LocalDate.of(9999, 12, 31))) {
            Goal goal = w.coach.goals().create(alice, NewGoal.builder().title("x").startDate(date).deadline(date).build());
            assertThat(w.coach.goals().get(alice, goal.id())).satisfies(read -> {
                assertThat(read.startDate()).isEqualTo(date);
                assertThat(read.deadline()).isEqualTo(date);
            });
            w.coach.goals().archive(alice, goal.id());
        }
    }

    @Example
    void nullsAtEveryBorderAreInvalidInput() {
        World w = world();
        String alice = w.alice.userId;
        List<Supplier<Object>> calls = List.of(
                () -> w.coach.users().create(null),
                () -> w.coach.users().update(alice, null),
                () -> w.coach.users().create(NewUser.builder().email("n@example.com").dayStart(null).build()),
                () -> w.coach.users().create(NewUser.builder().email("n@example.com").firstDayOfWeek(null).build()),
                () -> w.coach.users().create(NewUser.builder().email("n@example.com").plan(null).build()),
                () -> w.coach.habits().create(alice, null),
                () -> w.coach.habits().create(alice, NewHabit.builder().name("x").build()),
                () -> w.coach.habits().update(alice, w.alice.habits.get(0), null),
                () -> w.coach.habits().complete(alice, w.alice.habits.get(0), null),
                () -> w.coach.habits().list(alice, (HabitStatus[]) null),
                () -> w.coach.goals().create(alice, null),
                () -> w.coach.goals().create(alice, NewGoal.builder().title("x").category(null).build()),
                () -> w.coach.goals().update(alice, w.alice.goalId, null),
                () -> w.coach.goals().addSubtask(alice, w.alice.goalId, null),
                () -> w.coach.goals().moveSubtask(alice, w.alice.subtasks.get(0), null),
                () -> w.coach.goals().reorderSubtasks(alice, w.alice.goalId, null),
                () -> w.coach.goals().reorderSubtasks(alice, w.alice.goalId, java.util.Arrays.asList(null, null, null)),
                () -> w.coach.goals().list(alice, (io.habitcoach.core.model.GoalStatus[]) null),
                () -> w.coach.chat().start(alice, null),
                () -> w.coach.chat().send(alice, null, "hi"),
                () -> w.coach.chat().list(alice, (io.habitcoach.core.model.ConversationStatus[]) null));
        for (int i = 0; i < calls.size(); i++) {
            HabitCoachException e = failure("call " + i + " with a null", calls.get(i));
            assertThat(e).as("call %d with a null", i).isInstanceOfAny(InvalidInputException.class, NotFoundException.class);
        }
    }

    @Example
    void oddButValidZonesWorkEndToEnd() {
        // Zones Java knows that are aliases, deprecated or odd (+13:45, +14:00, 30-minute offsets, a
        // zone that switches by two hours), with a 12:00 day start: stored and used without error.
        World w = world();
        for (String zone : List.of("America/Buenos_Aires", "US/Pacific", "Etc/GMT-14", "Pacific/Kiritimati",
                "Asia/Kathmandu", "Antarctica/Troll", "Pacific/Chatham", "America/St_Johns")) {
            User u = w.coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").timezone(zone)
                    .dayStart(LocalTime.NOON).build());
            Habit h = w.coach.habits().create(u.id(), NewHabit.builder().name("h").frequency(Frequency.daily()).build());
            LocalDate today = new io.habitcoach.core.schedule.UserDay(u.timezone(), LocalTime.NOON).today(w.clock);
            w.coach.habits().complete(u.id(), h.id(), today);
            assertThat(w.coach.dashboards().dashboard(u.id()).today()).as(zone).isEqualTo(today);
            assertThat(w.coach.dashboards().weeklySummary(u.id()).habits()).as(zone).hasSize(1);
            assertThat(w.coach.habits().recentCompletions(u.id(), h.id(), 1)).as(zone).hasSize(1);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The coach jobs at arbitrary instants (a database of their own: a run as of another day refreshes
    // the cached streaks as of that day)
    // ------------------------------------------------------------------------------------------------

    private static HabitCoachTestDatabase jobsDb;

    /** Instants for the jobs: far ones, but not at the ends of java.time's range (see instantsBeyondOffsetDateTime). */
    @Provide
    Arbitrary<Instant> jobInstants() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(Instant.parse("-9999-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("+999999-12-31T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond)),
                Tuple.of(3, Arbitraries.longs().between(-86_400L * 30, 86_400L * 30)
                        .map(s -> Instant.parse("2026-03-10T15:00:00Z").plusSeconds(s))),
                Tuple.of(1, Arbitraries.of(Instant.EPOCH, Instant.parse("-4713-11-24T00:00:00Z"),
                        Instant.parse("+294276-12-31T23:59:59Z"), Instant.parse("+294277-01-01T00:00:00Z"))));
    }

    @Property(tries = 30)
    void jobsAtArbitraryInstants(@ForAll("jobInstants") Instant asOf) {
        synchronized (HostileInputProperties.class) {
            if (jobsDb == null) {
                jobsDb = HabitCoachTestDatabase.create(2);
            }
        }
        HabitCoach coach = HabitCoach.configure().dataSource(jobsDb.dataSource()).clock(world().clock).load();
        if (coach.users().findByEmail("jobs@example.com").isEmpty()) {
            String u = coach.users().create(NewUser.builder().email("jobs@example.com").build()).id();
            String h = coach.habits().create(u, NewHabit.builder().name("Run").frequency(Frequency.daily()).build()).id();
            coach.habits().complete(u, h, TODAY);
        }
        attempt("jobs().sweepMissed(" + asOf + ")", () -> coach.jobs().sweepMissed(asOf));
        attempt("jobs().weeklyAnalysis(" + asOf + ")", () -> coach.jobs().weeklyAnalysis(asOf));
    }

    @AfterContainer
    static void dropJobsDatabase() {
        if (jobsDb != null) {
            jobsDb.close();
            jobsDb = null;
        }
    }

    /**
     * Found by the properties above with the full Instant range: an instant that
     * java.time.OffsetDateTime cannot hold made these calls throw java.time.DateTimeException, and a
     * null instant a NullPointerException. They are refused with an InvalidInputException now.
     */
    @Example
    void instantsBeyondOffsetDateTime() {
        World w = world();
        Instant beyond = Instant.parse("+1000000000-01-21T09:21:34Z");
        List<Supplier<Object>> calls = List.of(
                () -> w.coach.jobs().sweepMissed(null),
                () -> w.coach.jobs().weeklyAnalysis(null),
                () -> w.coach.jobs().sweepMissed(Instant.MAX),
                () -> w.coach.jobs().sweepMissed(Instant.parse("-999999999-01-08T03:06:11Z")),
                () -> w.coach.jobs().weeklyAnalysis(beyond),
                () -> w.coach.analytics().countsForAll(Instant.EPOCH, Instant.MAX),
                () -> w.coach.analytics().countsForUser(w.alice.userId, Instant.EPOCH, beyond),
                () -> w.coach.privacy().purgeDeletedBefore(Duration.ofSeconds(Long.MAX_VALUE)));
        for (int i = 0; i < calls.size(); i++) {
            assertThat(failure("call " + i, calls.get(i))).isInstanceOf(InvalidInputException.class);
        }
    }
}
