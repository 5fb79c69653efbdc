package io.habitcoach.jooq.analytics;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class AnalyticsServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.at("2026-03-10T12:00:00Z");
    private final AtomicInteger statements = new AtomicInteger();
    private HabitCoach coach;
    private DSLContext sql;
    private String userId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .executeListener(ExecuteListener.onExecuteStart(ctx -> statements.incrementAndGet()))
                .load();
        sql = DSL.using(dataSource, SQLDialect.POSTGRES);
        userId = newUser();
    }

    private String newUser() {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    private int eventRows() {
        return sql.fetchCount(DSL.table("analytics_events"));
    }

    @Test
    void recordsAnEventWithJsonDataUserAgentAndIp() {
        ObjectNode data = JSON.createObjectNode().put("habit", "run").put("streak", 3);
        data.putArray("tags").add("morning");

        AnalyticsEvent event = coach.analytics().record(userId, "habit_completed", data, "Mozilla/5.0", "203.0.113.7");
        data.put("streak", 99); // a later change to the caller's node does not reach the stored event

        assertThat(event.userId()).isEqualTo(userId);
        assertThat(event.eventName()).isEqualTo("habit_completed");
        assertThat(event.data().get("streak").asInt()).isEqualTo(3);
        assertThat(event.data().get("tags").get(0).asText()).isEqualTo("morning");
        assertThat(event.userAgent()).isEqualTo("Mozilla/5.0");
        assertThat(event.ipAddress()).isEqualTo("203.0.113.7");
        assertThat(event.createdAt().toInstant()).isEqualTo(clock.instant());
        Object stored = sql.fetchValue("SELECT event_data->>'streak' FROM analytics_events WHERE id = ?", event.id());
        assertThat(stored).isEqualTo("3");

        AnalyticsEvent fromText = coach.analytics().recordJson(userId, "app_opened", "{\"screen\": \"home\"}", null,
                null);
        assertThat(fromText.data().get("screen").asText()).isEqualTo("home");
        assertThat(coach.analytics().recordJson(userId, "app_opened", null, null, "::1").data()).isNull();
    }

    @Test
    void malformedInputIsATypedErrorAndWritesNothing() {
        int before = eventRows();
        String tenMegabytes = "U".repeat(10 * 1024 * 1024);

        for (String json : List.of("{not json", "", "   ", "[1, 2]", "\"text\"", "42", "{} {}", "{\"a\": 1} x",
                "{\"a\": 1, \"a\": 2}", "{\"a\": NaN}", "{\"a\": \"" + "x".repeat(70_000) + "\"}",
                "[".repeat(40) + "]".repeat(40), "{\"a\":".repeat(40) + "1" + "}".repeat(40))) {
            assertInvalid(() -> coach.analytics().recordJson(userId, "e", json, null, null), "eventData");
        }
        assertInvalid(() -> coach.analytics().recordJson(userId, "e", "{\"a\": \"nul\\u0000\"}", null, null),
                "eventData");
        ObjectNode withNul = JSON.createObjectNode().put("a\0", 1);
        assertInvalid(() -> coach.analytics().record(userId, "e", withNul, null, null), "eventData");
        JsonNode array = JSON.createArrayNode().add(1);
        assertInvalid(() -> coach.analytics().record(userId, "e", array, null, null), "eventData");
        ObjectNode big = JSON.createObjectNode();
        for (int i = 0; i < 2_000; i++) {
            big.put("key" + i, "value-" + "v".repeat(30));
        }
        assertInvalid(() -> coach.analytics().record(userId, "e", big, null, null), "eventData");

        assertInvalid(() -> coach.analytics().record(userId, "e", null, tenMegabytes, null), "userAgent");
        assertInvalid(() -> coach.analytics().record(userId, "e", null, null, "203.0.113.256"), "ipAddress");
        assertInvalid(() -> coach.analytics().record(userId, "e", null, null, "evil.example.com"), "ipAddress");
        assertInvalid(() -> coach.analytics().record(userId, null, null, null, null), "eventName");
        assertInvalid(() -> coach.analytics().record(userId, " ", null, null, null), "eventName");
        assertInvalid(() -> coach.analytics().record(userId, "x".repeat(101), null, null, null), "eventName");
        assertInvalid(() -> coach.analytics().record(userId, "line\nbreak", null, null, null), "eventName");
        assertThatThrownBy(() -> coach.analytics().record("no-such-user", "e", null, null, null))
                .isInstanceOf(NotFoundException.class);

        assertThat(eventRows()).isEqualTo(before);
    }

    @Test
    void aSoftDeletedUserCannotRecordOrBeCounted() {
        coach.users().delete(userId);
        assertThatThrownBy(() -> coach.analytics().record(userId, "e", null, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.analytics().countsForUser(userId, Instant.EPOCH, clock.instant()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void countsByNameAndUtcDayForOneUserAndForAllInOneQueryEach() {
        String other = newUser();
        at("2026-04-01T00:00:00Z", userId, "open");      // first instant of the range: counted
        at("2026-04-01T23:59:59Z", userId, "open");
        at("2026-04-01T23:59:59Z", userId, "complete");
        at("2026-04-02T00:00:00Z", userId, "open");      // the next UTC day (still the 1st in São Paulo)
        at("2026-04-01T10:00:00Z", other, "open");
        at("2026-04-03T00:00:00Z", userId, "open");      // the end of the range: not counted
        at("2026-03-31T23:59:59Z", other, "open");       // before the range: not counted
        Instant from = Instant.parse("2026-04-01T00:00:00Z");
        Instant to = Instant.parse("2026-04-03T00:00:00Z");

        statements.set(0);
        List<EventCount> mine = coach.analytics().countsForUser(userId, from, to);
        assertThat(statements.get()).isEqualTo(1);
        assertThat(mine).containsExactly(
                new EventCount("complete", LocalDate.parse("2026-04-01"), 1),
                new EventCount("open", LocalDate.parse("2026-04-01"), 2),
                new EventCount("open", LocalDate.parse("2026-04-02"), 1));

        statements.set(0);
        List<EventCount> all = coach.analytics().countsForAll(from, to);
        assertThat(statements.get()).isEqualTo(1);
        assertThat(all).contains(
                new EventCount("complete", LocalDate.parse("2026-04-01"), 1),
                new EventCount("open", LocalDate.parse("2026-04-01"), 3),
                new EventCount("open", LocalDate.parse("2026-04-02"), 1));

        assertThat(coach.analytics().countsForUser(newUser(), from, to)).isEmpty();
        assertThatThrownBy(() -> coach.analytics().countsForUser("no-such-user", from, to))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.analytics().countsForUser(null, from, to)).isInstanceOf(NotFoundException.class);
        assertInvalid(() -> coach.analytics().countsForUser(userId, to, from), "to");
        assertInvalid(() -> coach.analytics().countsForUser(userId, from, from), "to");
        assertInvalid(() -> coach.analytics().countsForAll(null, to), "from");
        assertInvalid(() -> coach.analytics().countsForAll(from, null), "to");
    }

    private void at(String instant, String user, String name) {
        clock.set(instant);
        coach.analytics().record(user, name, null, null, null);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
