package io.habitcoach.jooq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.model.GoalStatus;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.jooq.dashboards.Dashboard;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, upgrades: a database migrated to the first release's schema (V1) and filled with data in
 * every table migrates to the newest schema with every row intact: per table, the same rows with the
 * same values in every column V1 had (an md5 over the rows as text, in id order). The column lists
 * are read from the catalog after V1, so the test keeps working as migrations are added; a migration
 * that rewrites existing values on purpose must say so here.
 */
class SchemaUpgradeTest {

    /** The first release's schema: the migrations up to and including this version. */
    private static final String FIRST_RELEASE = "1";

    /** Rows in every table of V1: edge values on purpose (NULLs, Unicode, quotes, JSON, far dates). */
    private static final String V1_DATA = """
            INSERT INTO users (id, email, password, email_verified, name, image, selected_personality, timezone, language,
                               plan, subscription_status, subscription_id, subscription_expires_at, created_at, updated_at,
                               deleted_at, day_start, first_day_of_week) VALUES
              ('u1', 'ana@example.com', '$2a$10$abcdefghijklmnopqrstuv', '2026-01-02T03:04:05Z', 'Ana', 'https://img/a.png',
               'yoda', 'America/Sao_Paulo', 'pt-BR', 'pro', 'active', 'sub_1', '2027-01-01T00:00:00Z',
               '2026-01-01T10:00:00Z', '2026-01-05T10:00:00.123456Z', NULL, '04:00', 1),
              ('u2', 'bob@example.com', NULL, NULL, NULL, NULL, 'mentor', 'Asia/Tokyo', 'en', 'free', NULL, NULL, NULL,
               '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', NULL, '00:00', 7),
              ('u3', 'zoe@example.com', NULL, NULL, E'Zo\\u00eb \\U0001F3C3 "quoted" \\\\ back\\nline', NULL, 'general',
               'Europe/Berlin', 'de-DE', 'free', 'cancelled', NULL, NULL, '2025-12-31T23:59:59Z', '2026-03-01T00:00:00Z',
               '2026-03-02T00:00:00Z', '12:00', 3);
            INSERT INTO sessions (id, user_id, token, user_agent, ip_address, expires_at, created_at, revoked_at, last_used_at) VALUES
              ('s1', 'u1', 'hash-1', 'Mozilla/5.0', '203.0.113.7', '2026-04-01T00:00:00Z', '2026-03-01T00:00:00Z', NULL,
               '2026-03-02T00:00:00Z'),
              ('s2', 'u2', 'hash-2', NULL, NULL, '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z', NULL);
            INSERT INTO accounts (id, user_id, provider, provider_account_id, refresh_token, access_token, token_expiry, created_at) VALUES
              ('a1', 'u1', 'google', 'g-123', 'r-tok', 'a-tok', '2026-03-10T00:00:00Z', '2026-01-01T00:00:00Z'),
              ('a2', 'u2', 'github', 'gh-9', NULL, NULL, NULL, '2026-02-01T00:00:00Z');
            INSERT INTO habits (id, user_id, name, description, frequency, specific_days, times_per_week, preferred_time,
                                reminder_enabled, current_streak, longest_streak, total_completed, status, created_at,
                                updated_at, completed_last_at, streak_run_length, streak_run_start, streak_run_end,
                                streak_next_due, streak_previous_run_length, streak_previous_run_end,
                                streak_last_unmet_week, streak_last_unmet_week_done, streak_excused_through) VALUES
              ('h1', 'u1', 'Run', 'Around the park', 'daily', NULL, NULL, '06:30', true, 2, 2, 2, 'active',
               '2026-03-01T10:00:00Z', '2026-03-09T10:00:00Z', '2026-03-09', 2, '2026-03-08', '2026-03-09', '2026-03-10',
               0, NULL, NULL, 0, NULL),
              ('h2', 'u1', E'Ler \\u00e0 noite', NULL, 'specific_days', '["Monday", "Friday"]', NULL, NULL, false, 0, 1, 1,
               'paused', '2026-02-01T10:00:00Z', '2026-03-01T10:00:00Z', '2026-02-06', 1, '2026-02-06', '2026-02-06',
               '2026-02-09', 0, NULL, NULL, 0, '9999-12-31'),
              ('h3', 'u2', 'Gym', 'x'' OR 1=1 --', 'per_week', NULL, 3, '23:59', false, 0, 0, 0, 'archived',
               '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', NULL, 0, NULL, NULL, NULL, 0, NULL, NULL, 0,
               '2026-02-03');
            INSERT INTO habit_completions (id, habit_id, completed_date, notes, created_at, updated_at, user_id, kind) VALUES
              ('c1', 'h1', '2026-03-08', NULL, '2026-03-08T12:00:00Z', '2026-03-08T12:00:00Z', 'u1', 'done'),
              ('c2', 'h1', '2026-03-09', E'felt \\U0001F525', '2026-03-09T12:00:00Z', '2026-03-09T12:00:00Z', 'u1', 'done'),
              ('c3', 'h1', '2026-03-07', NULL, '2026-03-07T12:00:00Z', '2026-03-07T12:00:00Z', 'u1', 'skipped'),
              ('c4', 'h2', '2026-02-06', NULL, '2026-02-06T12:00:00Z', '2026-02-06T12:00:00Z', 'u1', 'done'),
              ('c5', 'h3', '2026-02-03', '{"json": "in a note"}', '2026-02-03T00:00:00Z', '2026-02-03T00:00:00Z', 'u2', 'skipped');
            INSERT INTO habit_pauses (id, user_id, habit_id, paused_from, resumed_on, created_at) VALUES
              ('p1', 'u1', 'h1', '2026-03-03', '2026-03-05', '2026-03-03T00:00:00Z'),
              ('p2', 'u1', 'h2', '2026-03-01', NULL, '2026-03-01T00:00:00Z');
            INSERT INTO goals (id, user_id, title, description, category, start_date, deadline, total_subtasks,
                               completed_subtasks, status, completed_at, created_at, updated_at) VALUES
              ('g1', 'u1', 'Marathon', 'Sub 4h', 'health', '2026-01-01', '2026-10-01', 3, 1, 'active', NULL,
               '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'),
              ('g2', 'u2', 'Read 12 books', NULL, 'education', '2025-01-01', NULL, 1, 1, 'completed', '2025-12-30T00:00:00Z',
               '2025-01-01T00:00:00Z', '2025-12-30T00:00:00Z'),
              ('g3', 'u1', 'Far future', NULL, 'other', '2026-01-01', '9999-12-31', 0, 0, 'archived', NULL,
               '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            INSERT INTO goal_subtasks (id, goal_id, title, description, estimated_days, success_criteria, "order", status,
                                       completed_at, created_at, updated_at, user_id) VALUES
              ('t1', 'g1', '10k', NULL, 30, 'under 1h', 0, 'completed', '2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z',
               '2026-02-01T00:00:00Z', 'u1'),
              ('t2', 'g1', 'Half', 'the hard part', NULL, NULL, 1, 'in_progress', NULL, '2026-01-01T00:00:00Z',
               '2026-01-01T00:00:00Z', 'u1'),
              ('t3', 'g1', 'Full', NULL, 0, NULL, 2, 'pending', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'u1'),
              ('t4', 'g2', 'Books', NULL, 365, NULL, 0, 'completed', '2025-12-30T00:00:00Z', '2025-01-01T00:00:00Z',
               '2025-12-30T00:00:00Z', 'u2');
            INSERT INTO ai_messages (id, user_id, personality, message_type, message, habit_id, goal_id, created_at,
                                     event_key, facts, source) VALUES
              ('m1', 'u1', 'yoda', 'habit_complete', 'Done, it is.', 'h1', NULL, '2026-03-09T12:00:00Z', NULL,
               '{"habit": "Run", "streak": 2}', 'template'),
              ('m2', 'u1', 'yoda', 'streak', 'Three days!', 'h1', NULL, '2026-03-09T12:00:01Z', 'streak:h1:2026-03-07:3',
               '{"milestone": 3}', 'template'),
              ('m3', 'u2', 'mentor', 'goal_complete', E'Well done \\u2014 "12"', NULL, 'g2', '2025-12-30T00:00:00Z',
               'goal_complete:g2', NULL, 'model'),
              ('m4', 'u1', 'yoda', 'chat', 'Hmm.', NULL, NULL, '2026-03-09T13:00:00Z', NULL, NULL, 'template');
            INSERT INTO chat_conversations (id, user_id, title, status, created_at, updated_at) VALUES
              ('v1', 'u1', 'How do I keep going?', 'active', '2026-03-09T13:00:00Z', '2026-03-09T13:00:01Z'),
              ('v2', 'u2', NULL, 'archived', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');
            INSERT INTO chat_messages (id, conversation_id, role, content, created_at, user_id) VALUES
              ('cm1', 'v1', 'user', 'How do I keep going?', '2026-03-09T13:00:00Z', 'u1'),
              ('cm2', 'v1', 'assistant', 'Hmm.', '2026-03-09T13:00:01Z', 'u1'),
              ('cm3', 'v2', 'user', E'<script>alert(1)</script> \\U0001D11E', '2026-02-01T00:00:00Z', 'u2');
            INSERT INTO analytics_events (id, user_id, event_name, event_data, user_agent, ip_address, created_at) VALUES
              ('e1', 'u1', 'habit_completed', '{"habit": "h1", "nested": {"a": [1, 2, null]}}', 'Mozilla/5.0',
               '2001:db8::1', '2026-03-09T12:00:00Z'),
              ('e2', 'u2', 'login', NULL, NULL, NULL, '2026-02-01T00:00:00Z');
            """;

    @Test
    void aFirstReleaseDatabaseWithDataMigratesToTheNewestSchemaWithEveryRowIntact() throws Exception {
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.createEmpty();
                Connection c = db.dataSource().getConnection()) {
            Flyway.configure().dataSource(db.dataSource()).locations(HabitCoach.MIGRATIONS_LOCATION)
                    .table(HabitCoach.SCHEMA_HISTORY_TABLE).target(FIRST_RELEASE).load().migrate();
            try (Statement s = c.createStatement()) {
                s.execute(V1_DATA);
            }
            Map<String, List<String>> v1Columns = columns(c);
            assertThat(v1Columns.keySet()).hasSize(12);
            Map<String, String> before = checksums(c, v1Columns);
            before.forEach((table, sum) -> assertThat(sum).as("rows in %s", table).doesNotStartWith("0:"));

            MutableClock clock = MutableClock.at("2026-03-10T15:00:00Z");
            HabitCoach coach = HabitCoach.configure().dataSource(db.dataSource()).clock(clock).load();
            coach.migrate();

            List<MigrationInfo> applied = List.of(Flyway.configure().dataSource(db.dataSource())
                    .locations(HabitCoach.MIGRATIONS_LOCATION).table(HabitCoach.SCHEMA_HISTORY_TABLE).load().info().applied());
            System.out.println("upgrade: V" + FIRST_RELEASE + " -> " + applied.stream()
                    .map(m -> "V" + m.getVersion()).collect(Collectors.joining(", ")) + "; tables checked: "
                    + before.keySet());
            assertThat(applied.get(applied.size() - 1).getVersion().getVersion()).isNotEqualTo(FIRST_RELEASE);

            Map<String, List<String>> after = columns(c);
            v1Columns.forEach((table, cols) -> assertThat(after).as("table %s is still there", table).containsKey(table));
            v1Columns.forEach((table, cols) -> assertThat(after.get(table)).as("columns of %s", table).containsAll(cols));
            assertThat(checksums(c, v1Columns)).isEqualTo(before);

            // ... and the services read and write the upgraded rows.
            Habit run = coach.habits().get("u1", "h1");
            assertThat(run.name()).isEqualTo("Run");
            assertThat(run.streak().totalCompleted()).isEqualTo(2);
            assertThat(coach.habits().get("u1", "h2").status()).isEqualTo(HabitStatus.PAUSED);
            Goal marathon = coach.goals().get("u1", "g1");
            assertThat(marathon.subtasks()).hasSize(3);
            assertThat(coach.goals().get("u2", "g2").status()).isEqualTo(GoalStatus.COMPLETED);
            Dashboard dashboard = coach.dashboards().dashboard("u1");
            assertThat(dashboard.habits()).hasSize(1);
            coach.habits().complete("u1", "h1", LocalDate.of(2026, 3, 10));
            assertThat(coach.habits().get("u1", "h1").streak().current()).isEqualTo(3);
            assertThat(coach.chat().messages("u1", "v1")).hasSize(2);
        }
    }

    /** The columns of every table of the schema (the migrations' history aside), in ordinal order. */
    private static Map<String, List<String>> columns(Connection c) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                  AND c.table_name <> 'habitcoach_schema_history'
                ORDER BY c.table_name, c.ordinal_position""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    /** Per table: the row count and the md5 of its rows (the given columns, as text) in id order. */
    private static Map<String, String> checksums(Connection c, Map<String, List<String>> columns) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (var table : columns.entrySet()) {
            String row = table.getValue().stream().map(col -> "t.\"" + col + "\"").collect(Collectors.joining(", "));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) || ':' || "
                    + "coalesce(md5(string_agg(ROW(" + row + ")::text, '|' ORDER BY t.id)), '') FROM \""
                    + table.getKey() + "\" t")) {
                rs.next();
                sums.put(table.getKey(), rs.getString(1));
            }
        }
        return sums;
    }
}
