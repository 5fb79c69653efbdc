package io.habitcoach.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.spring.boot.HabitCoachJobScheduler;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example over real HTTP (the JDK's client against the embedded Tomcat on a random port) and a real
 * PostgreSQL: the testkit's, embedded or named by {@code HABITCOACH_TEST_JDBC_URL}. The database starts
 * empty: the starter migrates it. One application context for all tests; each test makes its own users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HabitCoachApiTest {

    /** Wednesday 5 March 2025, 15:00 UTC: noon in São Paulo, the users' default zone. */
    static final Instant NOW = Instant.parse("2025-03-05T15:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 3, 5);

    private static HabitCoachTestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HabitCoachTestDatabase.createEmpty();
        registry.add("spring.datasource.url", database::jdbcUrl);
        // a low cap on conversations, for the 409 test (no other test starts more than one per user)
        registry.add("habitcoach.limits.max-conversations-per-user", () -> "2");
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    /** The test's own reader: Spring Boot 4 configures Jackson 3 for the application, not this Jackson 2 one. */
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    HabitCoach coach;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    HabitCoachJobScheduler jobs;

    @Test
    void theStarterBuiltTheCoachWithTheApplicationsClockAndScheduledTheJobs() {
        assertThat(coach.clock().instant()).isEqualTo(NOW);
        assertThat(jobs.isRunning()).isTrue();
    }

    @Test
    void createsAndReadsUsers() throws Exception {
        String email = email();
        Reply created = post("/users", "{\"email\":\"" + email + "\",\"name\":\"Ana\",\"language\":\"en\","
                + "\"personality\":\"mentor\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.location()).isEqualTo("/users/" + id);

        Reply read = get("/users/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("email").asText()).isEqualTo(email);
        assertThat(read.body().get("timezone").asText()).isEqualTo("America/Sao_Paulo");
        assertThat(read.body().get("personality").asText()).isEqualTo("mentor");

        Reply again = post("/users", "{\"email\":\"" + email + "\"}");
        assertProblem(again, 409);

        assertProblem(get("/users/" + UUID.randomUUID()), 404);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() throws Exception {
        Reply badEmail = post("/users", "{\"email\":\"not an email\"}");
        assertProblem(badEmail, 400);
        assertThat(badEmail.body().get("errors").get(0).get("field").asText()).isEqualTo("email");

        Reply badZone = post("/users", "{\"email\":\"" + email() + "\",\"timezone\":\"Mars/Olympus\"}");
        assertProblem(badZone, 400);
        assertThat(badZone.body().get("field").asText()).isEqualTo("timezone");

        String user = newUser();
        Reply badFrequency = post("/users/" + user + "/habits",
                "{\"name\":\"Swim\",\"frequency\":{\"type\":\"per_week\",\"timesPerWeek\":9}}");
        assertProblem(badFrequency, 400);
        assertThat(badFrequency.body().get("field").asText()).isEqualTo("timesPerWeek");

        Reply noName = post("/users/" + user + "/habits", "{\"name\":\" \",\"frequency\":{\"type\":\"daily\"}}");
        assertProblem(noName, 400);
        assertThat(noName.body().get("errors").get(0).get("field").asText()).isEqualTo("name");

        String habit = newHabit(user, "{\"type\":\"daily\"}");
        assertProblem(put("/users/" + user + "/habits/" + habit + "/entries/2025-13-01", "{}"), 400);
        assertProblem(put("/users/" + user + "/habits/" + habit + "/entries/" + TODAY, "{\"kind\":\"maybe\"}"), 400);
        assertProblem(post("/users", "{\"email\":"), 400);
    }

    @Test
    void completeSkipAndUndoMoveTheStreak() throws Exception {
        String user = newUser();
        Reply created = post("/users/" + user + "/habits", "{\"name\":\"Read\",\"description\":\"20 pages\","
                + "\"frequency\":{\"type\":\"specific_days\",\"days\":[\"Monday\",\"Tuesday\",\"Wednesday\"]}}");
        assertThat(created.status()).isEqualTo(201);
        String habit = created.body().get("id").asText();
        assertThat(created.body().get("frequency").get("days")).hasSize(3);
        String entries = "/users/" + user + "/habits/" + habit + "/entries/";

        Reply done = put(entries + TODAY.minusDays(2), "{\"kind\":\"done\"}");         // Monday
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().get("kind").asText()).isEqualTo("done");
        assertThat(put(entries + TODAY.minusDays(1), "{\"kind\":\"skipped\"}").body().get("kind").asText())
                .isEqualTo("skipped");                                                 // Tuesday
        Reply today = put(entries + TODAY, "{\"notes\":\"on the bus\"}");               // Wednesday, done by default
        assertThat(today.body().get("notes").asText()).isEqualTo("on the bus");
        assertThat(put(entries + TODAY, null).status()).isEqualTo(200);                 // idempotent

        JsonNode read = get("/users/" + user + "/habits/" + habit).body();
        assertThat(read.get("currentStreak").asInt()).isEqualTo(2);
        assertThat(read.get("totalCompleted").asInt()).isEqualTo(2);
        assertThat(read.get("atRisk").asBoolean()).isFalse();

        assertThat(delete(entries + TODAY).status()).isEqualTo(204);
        assertThat(delete(entries + TODAY).status()).isEqualTo(204);
        read = get("/users/" + user + "/habits/" + habit).body();
        assertThat(read.get("currentStreak").asInt()).isEqualTo(1);
        assertThat(read.get("atRisk").asBoolean()).isTrue();

        JsonNode list = get("/users/" + user + "/habits").body();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("Read");
    }

    @Test
    void aDayOutsideTheWindowIsA422Problem() throws Exception {
        String user = newUser();
        String habit = newHabit(user, "{\"type\":\"daily\"}");
        String entries = "/users/" + user + "/habits/" + habit + "/entries/";

        Reply tooOld = put(entries + TODAY.minusDays(8), "{}");
        assertProblem(tooOld, 422);
        assertThat(tooOld.body().get("earliest").asText()).isEqualTo(TODAY.minusDays(7).toString());
        assertThat(tooOld.body().get("latest").asText()).isEqualTo(TODAY.toString());
        assertProblem(put(entries + TODAY.plusDays(1), "{\"kind\":\"skipped\"}"), 422);
        assertProblem(delete(entries + TODAY.minusDays(30)), 422);
        assertThat(put(entries + TODAY.minusDays(7), "{}").status()).isEqualTo(200);
    }

    @Test
    void anotherUsersHabitIsA404Problem() throws Exception {
        String ana = newUser();
        String bob = newUser();
        String anasHabit = newHabit(ana, "{\"type\":\"per_week\",\"timesPerWeek\":3}");

        assertThat(get("/users/" + ana + "/habits/" + anasHabit).status()).isEqualTo(200);
        Reply read = get("/users/" + bob + "/habits/" + anasHabit);
        assertProblem(read, 404);
        assertThat(read.body().get("entity").asText()).isEqualTo("habit");
        assertProblem(put("/users/" + bob + "/habits/" + anasHabit + "/entries/" + TODAY, "{}"), 404);
        assertProblem(delete("/users/" + bob + "/habits/" + anasHabit + "/entries/" + TODAY), 404);
        assertThat(get("/users/" + bob + "/habits").body()).isEmpty();
    }

    @Test
    void dashboardAndChatWithTheCoach() throws Exception {
        String user = post("/users", "{\"email\":\"" + email() + "\",\"language\":\"en\",\"personality\":\"yoda\"}")
                .body().get("id").asText();
        String habit = newHabit(user, "{\"type\":\"daily\"}");
        put("/users/" + user + "/habits/" + habit + "/entries/" + TODAY, "{}");

        Reply dashboard = get("/users/" + user + "/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body().get("today").asText()).isEqualTo(TODAY.toString());
        JsonNode card = dashboard.body().get("habits").get(0);
        assertThat(card.get("habit").get("currentStreak").asInt()).isEqualTo(1);
        assertThat(card.get("lastSevenDays").get(0).get("date").asText()).isEqualTo(TODAY.toString());

        Reply started = post("/users/" + user + "/conversations", "{\"message\":\"How am I doing?\"}");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.body().get("source").asText()).isEqualTo("template");
        assertThat(started.body().get("reply").get("role").asText()).isEqualTo("assistant");
        assertThat(started.body().get("reply").get("content").asText()).contains("Habit");
        String conversation = started.body().get("conversationId").asText();

        Reply sent = post("/users/" + user + "/conversations/" + conversation + "/messages",
                "{\"message\":\"And tomorrow?\"}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body().get("conversationId").asText()).isEqualTo(conversation);

        JsonNode messages = get("/users/" + user + "/conversations/" + conversation + "/messages").body();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("content").asText()).isEqualTo("How am I doing?");

        assertProblem(post("/users/" + user + "/conversations", "{\"message\":\"\"}"), 400);
        assertProblem(post("/users/" + newUser() + "/conversations/" + conversation + "/messages",
                "{\"message\":\"hi\"}"), 404);
    }

    @Test
    void actuatorShowsTheCoachsHealthAndACompletionsMeters() throws Exception {
        String user = newUser();
        String habit = newHabit(user, "{\"type\":\"daily\"}");
        assertThat(put("/users/" + user + "/habits/" + habit + "/entries/" + TODAY, null).status()).isEqualTo(200);

        Reply health = get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().get("components").get("habitcoach").get("status").asText()).isIn("UP", "UNKNOWN");

        Reply complete = get("/actuator/metrics/habitcoach.complete?tag=outcome:new");
        assertThat(complete.status()).isEqualTo(200);
        JsonNode count = complete.body().get("measurements").get(0);
        assertThat(count.get("statistic").asText()).isEqualTo("COUNT");
        assertThat(count.get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(get("/actuator/metrics").body().get("names").toString()).contains("habitcoach.complete");
    }

    @Test
    void aConversationPastTheUsersCapIsA409ProblemNamingTheLimit() throws Exception {
        String user = newUser();
        for (int i = 0; i < 2; i++) {
            assertThat(post("/users/" + user + "/conversations", "{\"message\":\"Hello\"}").status()).isEqualTo(201);
        }
        Reply refused = post("/users/" + user + "/conversations", "{\"message\":\"One more\"}");
        assertProblem(refused, 409);
        assertThat(refused.body().get("limit").asInt()).isEqualTo(2);
        assertThat(refused.body().get("what").asText()).contains("conversation");
        assertThat(coach.chat().list(user)).hasSize(2);   // nothing written by the refused call
    }

    private String newUser() throws Exception {
        return post("/users", "{\"email\":\"" + email() + "\"}").body().get("id").asText();
    }

    private String newHabit(String user, String frequency) throws Exception {
        Reply created = post("/users/" + user + "/habits", "{\"name\":\"Habit\",\"frequency\":" + frequency + "}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static String email() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith("application/problem+json");
        assertThat(reply.body().get("status").asInt()).isEqualTo(status);
        assertThat(reply.body().hasNonNull("title")).isTrue();
        assertThat(reply.body().hasNonNull("detail")).isTrue();
    }

    private Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private Reply post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply put(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (body == null) {
            request.PUT(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        }
        return send(request);
    }

    private Reply delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Accept", "application/json, application/problem+json")
                .build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode body = text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null), body);
    }

    record Reply(int status, String contentType, String location, JsonNode body) {
    }
}
