package io.habitcoach.jooq.privacy;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.accounts.AesGcmTokenCipher;
import io.habitcoach.jooq.accounts.BcryptPasswordHasher;
import io.habitcoach.jooq.accounts.NewAccount;
import io.habitcoach.jooq.users.NewUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class PrivacyServiceTest {

    /** The twelve tables that hold a user's rows, with the column that names the owner. */
    private static final Map<String, String> USER_TABLES = new LinkedHashMap<>();

    static {
        USER_TABLES.put("users", "id");
        for (String table : List.of("sessions", "accounts", "habits", "habit_completions", "habit_pauses", "goals",
                "goal_subtasks", "ai_messages", "chat_conversations", "chat_messages", "analytics_events")) {
            USER_TABLES.put(table, "user_id");
        }
    }

    private final MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
    private HabitCoach coach;
    private DSLContext sql;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .passwordHasher(new BcryptPasswordHasher(4))
                .tokenCipher(new AesGcmTokenCipher(new byte[32])).load();
        sql = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** A user with at least one row in every table, and the secrets that were given for them. */
    private record Filled(String id, String email, String password, String sessionToken, String accessToken,
            String refreshToken) {
    }

    private Filled filledUser() {
        String email = UUID.randomUUID() + "@example.com";
        String id = coach.users().create(NewUser.builder().email(email).name("Name of " + email).build()).id();
        String password = "password-" + UUID.randomUUID();
        coach.credentials().setPassword(id, password);
        String token = coach.sessions().create(id, Duration.ofDays(1), "agent", "203.0.113.9").token();
        String access = "access-" + UUID.randomUUID();
        String refresh = "refresh-" + UUID.randomUUID();
        coach.accounts().link(id, NewAccount.builder().provider("google").providerAccountId("g-" + id)
                .accessToken(access).refreshToken(refresh).build());

        // The other services' tables are filled with plain SQL (only the required columns), so this
        // fixture depends on the schema, not on how those services evolve.
        String habit = UUID.randomUUID().toString();
        sql.execute("INSERT INTO habits (id, user_id, name, frequency) VALUES (?, ?, 'Run', 'daily')", habit, id);
        sql.execute("INSERT INTO habit_completions (id, habit_id, user_id, completed_date) VALUES (?, ?, ?, ?::date)",
                UUID.randomUUID().toString(), habit, id, "2019-01-01");
        sql.execute("INSERT INTO habit_pauses (id, user_id, habit_id, paused_from, resumed_on) "
                + "VALUES (?, ?, ?, DATE '2019-01-02', DATE '2019-01-03')", UUID.randomUUID().toString(), id, habit);
        String goal = UUID.randomUUID().toString();
        sql.execute("INSERT INTO goals (id, user_id, title, category) VALUES (?, ?, 'Marathon', 'health')", goal, id);
        sql.execute("INSERT INTO goal_subtasks (id, goal_id, user_id, title) VALUES (?, ?, ?, '5k')",
                UUID.randomUUID().toString(), goal, id);
        sql.execute("INSERT INTO ai_messages (id, user_id, personality, message_type, message, habit_id, goal_id) "
                + "VALUES (?, ?, 'yoda', 'streak', 'Strong, your streak is.', ?, ?)",
                UUID.randomUUID().toString(), id, habit, goal);
        String conversation = UUID.randomUUID().toString();
        sql.execute("INSERT INTO chat_conversations (id, user_id, title) VALUES (?, ?, 'Chat')", conversation, id);
        sql.execute("INSERT INTO chat_messages (id, conversation_id, user_id, role, content) VALUES (?, ?, ?, 'user', ?)",
                UUID.randomUUID().toString(), conversation, id, "message of " + email);
        coach.analytics().recordJson(id, "app_opened", "{\"screen\": \"home\"}", "agent", "203.0.113.9");

        for (var table : USER_TABLES.entrySet()) {
            assertThat(rows(table.getKey(), table.getValue(), id)).as(table.getKey()).isPositive();
        }
        return new Filled(id, email, password, token, access, refresh);
    }

    private int rows(String table, String ownerColumn, String userId) {
        return sql.fetchCount(DSL.table(DSL.name(table)), DSL.field(DSL.name(ownerColumn)).eq(userId));
    }

    private List<String> ids(String table, String ownerColumn, String userId) {
        return sql.select(DSL.field(DSL.name("id"), String.class)).from(DSL.table(DSL.name(table)))
                .where(DSL.field(DSL.name(ownerColumn)).eq(userId)).fetch(0, String.class);
    }

    /** Every row of every table in the schema that mentions {@code text} anywhere. */
    private List<String> rowsMentioning(String text) {
        List<String> found = new ArrayList<>();
        for (String table : sql.fetch("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                .getValues(0, String.class)) {
            sql.fetch("SELECT t::text FROM " + DSL.quotedName(table) + " t WHERE strpos(t::text, ?) > 0", text)
                    .forEach(r -> found.add(table + ": " + r.get(0)));
        }
        return found;
    }

    @Test
    void theExportHoldsEveryRowOfTheUserInEveryTableAndNoneOfAnotherUsers() throws Exception {
        Filled ana = filledUser();
        Filled bob = filledUser();

        JsonNode export = new ObjectMapper().readTree(coach.privacy().export(ana.id()));

        assertThat(export.get("format").asText()).isEqualTo(PrivacyService.EXPORT_FORMAT);
        assertThat(export.get("exportedAt").asText()).isEqualTo(clock.instant().toString());
        assertThat(export.get("user").get("id").asText()).isEqualTo(ana.id());
        assertThat(export.get("user").get("email").asText()).isEqualTo(ana.email());
        for (var table : USER_TABLES.entrySet()) {
            if (table.getKey().equals("users")) {
                continue;
            }
            JsonNode rows = export.get(table.getKey());
            assertThat(rows).as(table.getKey()).isNotNull();
            List<String> exported = new ArrayList<>();
            rows.forEach(row -> {
                exported.add(row.get("id").asText());
                assertThat(row.get("user_id").asText()).as(table.getKey()).isEqualTo(ana.id());
            });
            assertThat(exported).as(table.getKey())
                    .containsExactlyInAnyOrderElementsOf(ids(table.getKey(), table.getValue(), ana.id()))
                    .isNotEmpty();
        }
        // every column is there, e.g. the habit's streak caches and the event's JSON data
        assertThat(export.get("habits").get(0).has("streak_run_length")).isTrue();
        assertThat(export.get("analytics_events").get(0).get("event_data").get("screen").asText()).isEqualTo("home");
        assertThat(export.get("chat_messages").get(0).get("content").asText()).isEqualTo("message of " + ana.email());

        String text = export.toString();
        assertThat(text).doesNotContain(bob.id(), bob.email());
    }

    @Test
    void theExportLeavesOutEverySecret() throws Exception {
        Filled ana = filledUser();
        String passwordHash = (String) sql.fetchValue("SELECT password FROM users WHERE id = ?", ana.id());
        String tokenHash = (String) sql.fetchValue("SELECT token FROM sessions WHERE user_id = ?", ana.id());
        Object[] sealed = sql.fetchOne("SELECT access_token, refresh_token FROM accounts WHERE user_id = ?", ana.id())
                .intoArray();

        JsonNode export = new ObjectMapper().readTree(coach.privacy().export(ana.id()));
        String text = export.toString();

        assertThat(text).doesNotContain(ana.password(), passwordHash, passwordHash.substring(7), ana.sessionToken(),
                tokenHash, ana.accessToken(), ana.refreshToken(), (String) sealed[0], (String) sealed[1]);
        assertThat(export.get("user").get("password").asText()).isEqualTo("[redacted]");
        assertThat(export.get("sessions").get(0).get("token").asText()).isEqualTo("[redacted]");
        assertThat(export.get("accounts").get(0).get("access_token").asText()).isEqualTo("[redacted]");
        assertThat(export.get("accounts").get(0).get("refresh_token").asText()).isEqualTo("[redacted]");
        assertThat(export.get("accounts").get(0).get("provider_account_id").asText()).isEqualTo("g-" + ana.id());
        assertThat(export.get("sessions").get(0).get("ip_address").asText()).isEqualTo("203.0.113.9");
    }

    @Test
    void theExportCoversEveryTableThatHasAUserIdColumn() throws Exception {
        // tables, not the partitions of one (habit_completions, V8)
        List<String> owned = sql.fetch("SELECT c.table_name FROM information_schema.columns c "
                + "JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = current_schema()::regnamespace "
                + "WHERE c.table_schema = current_schema() AND c.column_name = 'user_id' AND NOT t.relispartition")
                .getValues(0, String.class);
        // the global lookup tables (V6) are keyed by an email or a login, and their content is in
        // users and accounts: not part of the export (docs/scale-out.md)
        owned.removeAll(io.habitcoach.jooq.internal.UserTables.LOOKUPS.stream().map(t -> t.getName()).toList());
        String id = coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();

        JsonNode export = new ObjectMapper().readTree(coach.privacy().export(id));

        assertThat(owned).hasSize(13); // with habit_versions and goal_versions (issue 17)
        for (String table : owned) {
            assertThat(export.get(table)).as(table).isNotNull();
            assertThat(export.get(table).isArray()).as(table).isTrue();
        }
        assertThat(export.get("user").isObject()).isTrue();
        assertThat(export.get("user").get("password").isNull()).isTrue();
    }

    @Test
    void theStreamedExportHoldsWhatTheDocumentHoldsAndASoftDeletedUserCanStillBeExported() throws Exception {
        // issue 20: the one-jsonb export failed for large users, and a soft-deleted user (whose data
        // is still held) could not be exported at all
        Filled ana = filledUser();
        filledUser();
        JsonNode document = new ObjectMapper().readTree(coach.privacy().export(ana.id()));
        coach.users().delete(ana.id());

        java.io.StringWriter out = new java.io.StringWriter();
        coach.privacy().exportTo(ana.id(), out);

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(mapper.readTree(line));
        }
        assertThat(lines.get(0).get("format").asText()).isEqualTo(PrivacyService.STREAM_FORMAT);
        assertThat(lines.get(0).get("userId").asText()).isEqualTo(ana.id());
        java.util.Map<String, Integer> rows = new java.util.HashMap<>();
        for (JsonNode line : lines.subList(1, lines.size())) {
            rows.merge(line.get("table").asText(), 1, Integer::sum);
            assertThat(line.get("row").has("user_id") ? line.get("row").get("user_id").asText() : line.get("row").get("id").asText())
                    .isEqualTo(ana.id());
            assertThat(line.toString()).doesNotContain("$2a$");
        }
        for (var member : (Iterable<java.util.Map.Entry<String, JsonNode>>) document::fields) {
            if (member.getValue().isArray()) {
                assertThat(rows.getOrDefault(member.getKey(), 0)).as(member.getKey()).isEqualTo(member.getValue().size());
            }
        }
        assertThat(rows.get("user")).isEqualTo(1);
        coach.privacy().purge(ana.id());
        assertThatThrownBy(() -> coach.privacy().exportTo(ana.id(), new java.io.StringWriter()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSoftDeletedUserIsExportedByBothMethodsUntilPurgedAndAnUnknownOneIsNotFound() throws Exception {
        // issue 20: the data of a soft-deleted user is still held, so it can still be exported (LGPD
        // art. 18, GDPR art. 15) until the purge; export() refused it with NotFoundException
        Filled ana = filledUser();
        String live = coach.privacy().export(ana.id());
        java.io.StringWriter liveStream = new java.io.StringWriter();
        coach.privacy().exportTo(ana.id(), liveStream);
        coach.users().delete(ana.id());

        JsonNode deleted = new ObjectMapper().readTree(coach.privacy().export(ana.id()));
        JsonNode before = new ObjectMapper().readTree(live);
        assertThat(deleted.get("user").get("deleted_at").isNull()).isFalse();
        for (var member : (Iterable<Map.Entry<String, JsonNode>>) before::fields) {
            if (member.getValue().isArray()) {
                assertThat(deleted.get(member.getKey())).as(member.getKey()).isEqualTo(member.getValue());
            }
        }
        java.io.StringWriter deletedStream = new java.io.StringWriter();
        coach.privacy().exportTo(ana.id(), deletedStream);
        assertThat(deletedStream.toString().split("\n")).hasSameSizeAs(liveStream.toString().split("\n"));

        coach.privacy().purge(ana.id());
        assertThatThrownBy(() -> coach.privacy().export(ana.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.privacy().exportTo(ana.id(), new java.io.StringWriter()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.privacy().export("no-such-user")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.privacy().export(null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void afterAPurgeNothingOfTheUserRemainsAndOtherUsersAreUntouched() {
        Filled ana = filledUser();
        Filled bob = filledUser();
        Map<String, Integer> bobsBefore = new LinkedHashMap<>();
        USER_TABLES.forEach((table, owner) -> bobsBefore.put(table, rows(table, owner, bob.id())));

        coach.privacy().purge(ana.id());

        USER_TABLES.forEach((table, owner) -> {
            assertThat(rows(table, owner, ana.id())).as(table).isZero();
            assertThat(rows(table, owner, bob.id())).as(table).isEqualTo(bobsBefore.get(table));
        });
        assertThat(rowsMentioning(ana.id())).isEmpty();
        assertThat(rowsMentioning(ana.email())).isEmpty();
        assertThat(rowsMentioning(bob.id())).isNotEmpty();
        assertThat(coach.sessions().validate(ana.sessionToken())).isEmpty();
        assertThat(coach.accounts().findUser("google", "g-" + ana.id())).isEmpty();
        assertThat(coach.credentials().authenticate(ana.email(), ana.password())).isEmpty();
        assertThatThrownBy(() -> coach.privacy().purge(ana.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.privacy().purge(null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSoftDeletedUserCanBePurged() {
        Filled ana = filledUser();
        coach.users().delete(ana.id());

        coach.privacy().purge(ana.id());

        USER_TABLES.forEach((table, owner) -> assertThat(rows(table, owner, ana.id())).as(table).isZero());
    }

    @Test
    void aPurgeReleasesTheUsersEmailAndOAuthLoginInTheGlobalLookups() {
        // V6: the email and the login live in lookup tables of their own (docs/scale-out.md)
        Filled ana = filledUser();
        Filled bea = filledUser();
        coach.users().delete(bea.id());
        clock.advance(Duration.ofDays(40));

        coach.privacy().purge(ana.id());
        assertThat(coach.privacy().purgeDeletedBefore(Duration.ofDays(30))).isPositive();

        for (Filled gone : List.of(ana, bea)) {
            assertThat(coach.users().findByEmail(gone.email())).isEmpty();
            assertThat(coach.accounts().findUser("google", "g-" + gone.id())).isEmpty();
            assertThat(sql.fetchCount(DSL.table("user_emails"), DSL.field("user_id").eq(gone.id()))).isZero();
            assertThat(sql.fetchCount(DSL.table("account_logins"), DSL.field("user_id").eq(gone.id()))).isZero();
            String again = coach.users().create(NewUser.builder().email(gone.email()).build()).id();
            coach.accounts().link(again, NewAccount.builder().provider("google").providerAccountId("g-" + gone.id()).build());
            assertThat(coach.accounts().findUser("google", "g-" + gone.id())).map(u -> u.id()).contains(again);
        }
    }

    @Test
    void theRetentionJobPurgesOnlyUsersSoftDeletedLongerAgoThanTheRetention() {
        // years before the other tests' users, whom the class's shared database also holds
        clock.set("2020-01-01T00:00:00Z");
        Filled old = filledUser();
        coach.users().delete(old.id());
        clock.advance(Duration.ofDays(2));
        Filled recent = filledUser();
        coach.users().delete(recent.id());
        Filled live = filledUser();
        clock.advance(Duration.ofDays(29));
        // old was deleted 31 days ago, recent 29 days ago

        int purged = coach.privacy().purgeDeletedBefore(Duration.ofDays(30));

        assertThat(purged).isEqualTo(1);
        USER_TABLES.forEach((table, owner) -> {
            assertThat(rows(table, owner, old.id())).as(table).isZero();
            assertThat(rows(table, owner, recent.id())).as(table).isPositive();
            assertThat(rows(table, owner, live.id())).as(table).isPositive();
        });
        assertThat(coach.privacy().purgeDeletedBefore(Duration.ofDays(30))).isZero();
        assertThat(coach.privacy().purgeDeletedBefore(Duration.ZERO)).isEqualTo(1);
        assertThat(rows("users", "id", recent.id())).isZero();
        assertThat(rows("users", "id", live.id())).isOne();
        assertThatThrownBy(() -> coach.privacy().purgeDeletedBefore(Duration.ofDays(-1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> coach.privacy().purgeDeletedBefore(null)).isInstanceOf(InvalidInputException.class);
    }
}
