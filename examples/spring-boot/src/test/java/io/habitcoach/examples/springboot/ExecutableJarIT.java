package io.habitcoach.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example as a host deploys it: the executable jar that {@code spring-boot-maven-plugin} repackages
 * (every library nested in {@code BOOT-INF/lib}), started with {@code java -jar} against a real, empty
 * PostgreSQL. What only a nested jar can break: Flyway finding the migrations inside
 * {@code habitcoach-jooq}'s jar, {@link java.util.ServiceLoader} finding the built-in personalities
 * inside {@code habitcoach-ai}'s, the starter's auto-configuration being picked up. Run by failsafe in
 * {@code verify}, after {@code package}.
 */
class ExecutableJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theRepackagedJarMigratesAnEmptyDatabaseAndServesTheApi() throws Exception {
        Path jar = executableJar();
        int port = freePort();
        try (HabitCoachTestDatabase database = HabitCoachTestDatabase.createEmpty()) {
            Path log = Files.createTempFile("habitcoach-example", ".log");
            Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--server.port=" + port, "--spring.datasource.url=" + database.jdbcUrl(),
                    "--habitcoach.jobs.enabled=false")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String base = "http://127.0.0.1:" + port;
                awaitStarted(app, base, log);

                JsonNode user = send("POST", base + "/users", "{\"email\":\"jar@example.com\",\"language\":\"en\","
                        + "\"personality\":\"mentor\"}", 201);
                String userId = user.get("id").asText();
                JsonNode habit = send("POST", base + "/users/" + userId + "/habits",
                        "{\"name\":\"Run\",\"frequency\":{\"type\":\"daily\"}}", 201);
                String habitId = habit.get("id").asText();
                LocalDate today = LocalDate.now(ZoneId.of(user.get("timezone").asText()));
                send("PUT", base + "/users/" + userId + "/habits/" + habitId + "/entries/" + today.minusDays(1),
                        "{\"kind\":\"done\"}", 200);
                send("PUT", base + "/users/" + userId + "/habits/" + habitId + "/entries/" + today,
                        "{\"kind\":\"done\"}", 200);

                JsonNode read = send("GET", base + "/users/" + userId + "/habits/" + habitId, null, 200);
                assertThat(read.get("currentStreak").asInt()).isEqualTo(2);
                assertThat(read.get("totalCompleted").asInt()).isEqualTo(2);
                JsonNode chat = send("POST", base + "/users/" + userId + "/conversations",
                        "{\"message\":\"How am I doing?\"}", 201);
                // the built-in personality answered from its template: found by ServiceLoader in the nested jar
                assertThat(chat.get("source").asText()).isEqualTo("template");
                assertThat(chat.get("reply").get("content").asText()).contains("Run");
            } finally {
                app.destroy();
                if (!app.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    private static Path executableJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("habitcoach-example-spring-boot-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith(".original")).toList();
            assertThat(jars).as("the repackaged jar in target/ (run by failsafe after package)").hasSize(1);
            return jars.get(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitStarted(Process app, String base, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("the jar exited with " + app.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/users/none"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 404) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the jar did not start within 90 s:\n" + Files.readString(log));
    }

    private JsonNode send(String method, String url, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
