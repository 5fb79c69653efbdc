package io.habitcoach.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 20: with {@code example.auth.required=true} the user comes from a session token, not from the URL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "example.auth.required=true")
class SessionTokenFilterTest {

    private static HabitCoachTestDatabase database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = HabitCoachTestDatabase.createEmpty();
        registry.add("spring.datasource.url", database::jdbcUrl);
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @LocalServerPort
    int port;

    // the test's own Jackson 2 reader: a Boot 4 application has Jackson 3 (as in HabitCoachApiTest)
    private final ObjectMapper json = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signupAndLoginIssueTokensAndTheUserComesFromTheToken() throws Exception {
        String email = "u" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> signup = send("POST", "/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}", null);
        assertThat(signup.statusCode()).isEqualTo(201);
        JsonNode issued = json.readTree(signup.body());
        String userId = issued.path("userId").asText();
        String other = json.readTree(send("POST", "/auth/signup", "{\"email\":\"o" + UUID.randomUUID()
                + "@example.com\",\"password\":\"another password\"}", null).body()).path("userId").asText();

        assertThat(send("GET", "/users/" + userId, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/users/" + userId, null, "not-a-token").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/users/" + userId, null, issued.path("token").asText()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/users/" + other, null, issued.path("token").asText()).statusCode()).isEqualTo(403);

        assertThat(send("POST", "/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong password\"}", null)
                .statusCode()).isEqualTo(401);
        HttpResponse<String> login = send("POST", "/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}", null);
        assertThat(login.statusCode()).isEqualTo(200);
        String token = json.readTree(login.body()).path("token").asText();
        assertThat(send("GET", "/users/" + userId + "/habits", null, token).statusCode()).isEqualTo(200);
    }
}
