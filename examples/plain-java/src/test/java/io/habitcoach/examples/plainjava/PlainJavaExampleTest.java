package io.habitcoach.examples.plainjava;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.HabitStrength;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.core.streak.Streaks;
import io.habitcoach.examples.plainjava.Script.Done;
import io.habitcoach.examples.plainjava.Script.HabitKey;
import io.habitcoach.examples.plainjava.Script.Pause;
import io.habitcoach.examples.plainjava.Script.Resume;
import io.habitcoach.examples.plainjava.Script.Skip;
import io.habitcoach.examples.plainjava.Script.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the example the way a host with its own PostgreSQL would ({@code HABITCOACH_JDBC_URL}: a schema of
 * its own, dropped at the end), on the server named by {@code HABITCOACH_TEST_JDBC_URL} or else on an
 * embedded one, and checks its report against streaks computed here from the script with core's rules.
 */
class PlainJavaExampleTest {

    private static final String TEST_SERVER = "HABITCOACH_TEST_JDBC_URL";

    @Test
    void theReportShowsTheStreaksOfTheScriptAndTheHostsOtherDataIsLeftAlone() throws SQLException {
        String external = System.getProperty(TEST_SERVER, System.getenv(TEST_SERVER));
        try (ExampleDatabase server = external == null || external.isBlank() ? ExampleDatabase.open(null) : null) {
            String serverUrl = server != null ? server.jdbcUrl() : external.trim();
            String hostSchema = "host_data_" + Long.toHexString(System.nanoTime());
            execute(serverUrl, "CREATE SCHEMA " + hostSchema,
                    "CREATE TABLE " + hostSchema + ".notes (text TEXT)",
                    "INSERT INTO " + hostSchema + ".notes VALUES ('keep me')");
            try {
                String report;
                String exampleSchema;
                try (ExampleDatabase database = ExampleDatabase.open(serverUrl)) {
                    exampleSchema = database.schema();
                    report = runExample(database);
                }
                System.out.println(report);

                assertReportShowsExpectedStreaks(report);
                assertThat(report.replaceAll("\\s+", " "))
                        .contains("Goal: Run a 10k race, completed, 3 of 3 subtasks, completed on Sat 22 Mar")
                        // Run on Friday 7, strength in the week of 3 March, meditation on Tuesday 18.
                        .contains("3 missed periods and 3 weekly analyses raised")
                        .contains("is refused: date 2025-03-16 is outside the completion window")
                        .contains("Master Yoda (yoda)", "(general)", "(mentor)")
                        .contains("goal_complete", "weekly_analysis", "habit_fail", "streak", "chat");

                assertThat(exampleSchema).startsWith("habitcoach_example_");
                assertThat(query(serverUrl, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                        + exampleSchema + "'")).isEqualTo("0");
                assertThat(query(serverUrl, "SELECT text FROM " + hostSchema + ".notes")).isEqualTo("keep me");
            } finally {
                execute(serverUrl, "DROP SCHEMA IF EXISTS " + hostSchema + " CASCADE");
            }
        }
    }

    private static String runExample(ExampleDatabase database) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            PlainJavaExample.run(database.dataSource(), database.description(), out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void assertReportShowsExpectedStreaks(String report) {
        for (HabitKey key : HabitKey.values()) {
            HabitHistory history = historyFromScript(key);
            StreakSummary expected = Streaks.compute(history, Script.REPORT_DAY);
            long strength = Math.round(HabitStrength.score(history, Script.REPORT_DAY) * 100);

            Matcher line = Pattern.compile("(?m)^  " + Pattern.quote(key.displayName())
                    + " +.*? (\\d+) (?:day|week)s? +(\\d+) (?:day|week)s? +(\\d+) +(\\d+)% +(.*)$").matcher(report);
            assertThat(line.find()).as("the report's line for %s", key.displayName()).isTrue();
            assertThat(Integer.parseInt(line.group(1))).as("current streak of %s", key).isEqualTo(expected.current());
            assertThat(Integer.parseInt(line.group(2))).as("longest streak of %s", key).isEqualTo(expected.longest());
            assertThat(Integer.parseInt(line.group(3))).as("done entries of %s", key).isEqualTo(expected.totalCompleted());
            assertThat(Long.parseLong(line.group(4))).as("strength of %s", key).isEqualTo(strength);
            assertThat(line.group(5).startsWith("at risk")).as("at risk: %s", key).isEqualTo(expected.atRisk());
        }
        // The same numbers counted by hand from the script, so a change to the script or to the
        // rules that moves them is seen here:
        //   Meditate: 3-17 March done but the 6th (skipped): 14 days; missed the 18th; 19-23: 5 days.
        //   Run (Mon/Wed/Fri): missed Fri 7; then 10, 12, (paused Fri 14), 17, 19, 21: 5 days;
        //     Thu 13 counts in the total only.
        //   Strength (3 a week): week of 3 March 1 of 3; 10 March 3 of 3; 17 March 2 done and 1 skip: 2 weeks.
        assertThat(Streaks.compute(historyFromScript(HabitKey.MEDITATE), Script.REPORT_DAY))
                .isEqualTo(new StreakSummary(5, 14, 19, true));
        assertThat(Streaks.compute(historyFromScript(HabitKey.RUN), Script.REPORT_DAY))
                .isEqualTo(new StreakSummary(5, 5, 8, true));
        assertThat(Streaks.compute(historyFromScript(HabitKey.STRENGTH), Script.REPORT_DAY))
                .isEqualTo(new StreakSummary(2, 2, 6, true));
    }

    /** The habit's history as the script writes it, without the database. */
    private static HabitHistory historyFromScript(HabitKey key) {
        HabitHistory.Builder history = HabitHistory.builder(key.frequency()).startDate(Script.FIRST_DAY);
        LocalDate pausedFrom = null;
        List<Step> steps = Script.steps();
        for (Step step : steps) {
            if (step instanceof Done done && done.habit() == key) {
                history.done(done.date());
            } else if (step instanceof Skip skip && skip.habit() == key) {
                history.skipped(skip.date());
            } else if (step instanceof Pause pause && pause.habit() == key) {
                pausedFrom = pause.on();
            } else if (step instanceof Resume resume && resume.habit() == key) {
                history.paused(pausedFrom, resume.on());
                pausedFrom = null;
            }
        }
        if (pausedFrom != null) {
            history.paused(pausedFrom, null);
        }
        return history.build();
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
