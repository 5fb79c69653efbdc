package io.habitcoach.jooq.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.model.GoalCategory;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.Page;
import io.habitcoach.jooq.PageRequest;
import io.habitcoach.jooq.accounts.Session;
import io.habitcoach.jooq.analytics.AnalyticsEvent;
import io.habitcoach.jooq.chat.ChatMessage;
import io.habitcoach.jooq.chat.Conversation;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.goals.NewGoal;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.habits.NewHabit;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20: the lists that grow without bound read keyset pages (a limit and an opaque cursor, not an
 * offset). Walking every page returns every row exactly once and in the list's order, also when rows
 * are added between two page reads; a cursor that was edited, is not a cursor, or belongs to another
 * list is refused, and so is a limit outside 1 to 500. The clock stands still, so many rows share one
 * {@code created_at} and only the id orders them.
 */
@ExtendWith(HabitCoachDatabaseExtension.class)
class KeysetPagesTest {

    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private HabitCoach coach;
    private String user;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        user = newUser();
    }

    private String newUser() {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    /**
     * Reads every page of {@code size}; {@code between} runs after each page but the last. Asserts that no
     * page is larger than asked and that only the last has no cursor.
     */
    private static <T> List<T> walk(int size, Function<PageRequest, Page<T>> read, Runnable between) {
        List<T> all = new ArrayList<>();
        Page<T> page = read.apply(PageRequest.first(size));
        int pages = 1;
        while (true) {
            assertThat(page.items().size()).isLessThanOrEqualTo(size);
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                return all;
            }
            assertThat(page.items()).hasSize(size);
            between.run();
            page = read.apply(PageRequest.after(page.nextCursor().get(), size));
            assertThat(++pages).isLessThan(1_000);
        }
    }

    private void advance() {
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void habitsPageOldestFirstAndOneCreatedMidWalkComesOnceAtTheEnd() {
        for (int i = 0; i < 7; i++) {
            coach.habits().create(user, NewHabit.builder().name("H" + i).frequency(Frequency.daily()).build());
        }
        List<String> before = coach.habits().list(user).stream().map(Habit::id).toList();
        int[] added = {0};
        List<String> walked = walk(3, page -> coach.habits().list(user, page), () -> coach.habits().create(user,
                NewHabit.builder().name("mid " + added[0]++).frequency(Frequency.daily()).build()))
                .stream().map(Habit::id).toList();
        List<String> after = coach.habits().list(user).stream().map(Habit::id).toList();
        assertThat(walked).doesNotHaveDuplicates().startsWith(before.toArray(String[]::new));
        assertThat(after).containsSubsequence(walked);
        assertThat(walked).isEqualTo(after.subList(0, walked.size()));
        // the status filter applies to pages too
        coach.habits().archive(user, before.get(0));
        assertThat(walk(2, page -> coach.habits().list(user, page, HabitStatus.ARCHIVED), () -> { }))
                .extracting(Habit::id).containsExactly(before.get(0));
    }

    @Test
    void goalsPageNewestFirstAndOnesCreatedMidWalkDoNotRepeat() {
        for (int i = 0; i < 8; i++) {
            coach.goals().create(user, NewGoal.builder().title("G" + i).category(GoalCategory.HEALTH).subtask("s").build());
            if (i % 3 == 0) {
                advance();
            }
        }
        List<String> before = coach.goals().list(user).stream().map(Goal::id).toList();
        List<Goal> walked = walk(3, page -> coach.goals().list(user, page), () -> coach.goals().create(user,
                NewGoal.builder().title("mid").category(GoalCategory.HEALTH).build()));
        assertThat(walked).extracting(Goal::id).containsExactlyElementsOf(before);
        assertThat(walked).allSatisfy(g -> assertThat(g.subtasks()).hasSize(1));
    }

    @Test
    void conversationsAndTheirMessagesPageInTheirListsOrder() {
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            conversations.add(coach.chat().start(user, "hello " + i).conversation().id());
            advance();
        }
        List<String> before = coach.chat().list(user).stream().map(Conversation::id).toList();
        List<String> newestFirst = new ArrayList<>(conversations);
        java.util.Collections.reverse(newestFirst);
        assertThat(before).containsExactlyElementsOf(newestFirst);
        List<Conversation> walked = walk(2, page -> coach.chat().list(user, page), () -> {
            advance();
            coach.chat().start(user, "new one");
        });
        assertThat(walked).extracting(Conversation::id).containsExactlyElementsOf(before);

        String conversation = conversations.get(0);
        for (int i = 0; i < 3; i++) {
            coach.chat().send(user, conversation, "more " + i);   // two messages each: question and reply
        }
        List<String> messagesBefore = coach.chat().messages(user, conversation).stream().map(ChatMessage::id).toList();
        assertThat(messagesBefore).hasSize(8);
        List<String> messagesWalked = walk(3, page -> coach.chat().messages(user, conversation, page),
                () -> coach.chat().send(user, conversation, "during the walk")).stream().map(ChatMessage::id).toList();
        List<String> messagesAfter = coach.chat().messages(user, conversation).stream().map(ChatMessage::id).toList();
        assertThat(messagesWalked).doesNotHaveDuplicates().startsWith(messagesBefore.toArray(String[]::new))
                .isEqualTo(messagesAfter);
        assertThatThrownBy(() -> coach.chat().messages(newUser(), conversation, PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void sessionsAndAnalyticsEventsPageNewestFirst() {
        for (int i = 0; i < 5; i++) {
            coach.sessions().create(user, Duration.ofDays(1), "agent " + i, null);
            coach.analytics().record(user, "opened", Map.of("n", i), null, null);
        }
        List<String> sessionsBefore = coach.sessions().list(user).stream().map(Session::id).toList();
        assertThat(sessionsBefore).hasSize(5);
        assertThat(walk(2, page -> coach.sessions().list(user, page),
                () -> coach.sessions().create(user, Duration.ofDays(1), "mid", null)))
                .extracting(Session::id).containsExactlyElementsOf(sessionsBefore);
        List<AnalyticsEvent> events = walk(2, page -> coach.analytics().events(user, page),
                () -> coach.analytics().record(user, "mid", null, null, null));
        assertThat(events).extracting(e -> e.data().get("n")).containsExactly(4, 3, 2, 1, 0);
        assertThat(coach.analytics().events(newUser(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void anInvalidEditedOrForeignCursorAndALimitOutOfRangeAreRefused() {
        for (int i = 0; i < 3; i++) {
            coach.habits().create(user, NewHabit.builder().name("H" + i).frequency(Frequency.daily()).build());
            coach.goals().create(user, NewGoal.builder().title("G" + i).category(GoalCategory.HEALTH).build());
        }
        String cursor = coach.habits().list(user, PageRequest.first(1)).nextCursor().orElseThrow();
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[bytes.length / 2] ^= 1;   // one bit of the payload
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String goalsCursor = coach.goals().list(user, PageRequest.first(1)).nextCursor().orElseThrow();
        for (String bad : List.of("", "not a cursor!", "AAAA", edited, cursor + "A", cursor.substring(1), goalsCursor,
                "x".repeat(10_000))) {
            assertThatThrownBy(() -> coach.habits().list(user, PageRequest.after(bad, 10)))
                    .as(bad.length() > 40 ? bad.substring(0, 40) : bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("cursor");
                        assertThat(e.allowed()).contains("habits");
                    });
        }
        List<Supplier<Object>> others = List.of(
                () -> coach.chat().list(user, PageRequest.after(cursor, 10)),
                () -> coach.sessions().list(user, PageRequest.after(cursor, 10)),
                () -> coach.analytics().events(user, PageRequest.after(cursor, 10)),
                () -> coach.goals().list(user, PageRequest.after(cursor, 10)));
        for (Supplier<Object> call : others) {
            assertThatThrownBy(call::get).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("cursor"));
        }
        for (int limit : new int[] {0, -1, 501}) {
            assertThatThrownBy(() -> PageRequest.first(limit)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.field()).isEqualTo("limit");
                assertThat(e.allowed()).contains("1 to 500");
            });
        }
        assertThat(coach.habits().list(user, PageRequest.first(500)).items()).hasSize(3);
        assertThat(coach.habits().list(user, PageRequest.after(cursor, 500)).items()).hasSize(2);
        assertThatThrownBy(() -> coach.habits().list(user, (PageRequest) null)).isInstanceOf(InvalidInputException.class);
        // another user's cursor is only a position: their rows never come back
        String other = newUser();
        assertThat(coach.habits().list(other, PageRequest.after(cursor, 10)).items()).isEmpty();
    }
}
