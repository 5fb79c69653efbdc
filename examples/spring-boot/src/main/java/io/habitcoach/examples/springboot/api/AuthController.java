package io.habitcoach.examples.springboot.api;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.accounts.IssuedSession;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up and login issue a session token ({@code coach.sessions()}); {@link SessionTokenFilter} takes
 * the user from it on every other request. The token is returned once; send it as
 * {@code Authorization: Bearer <token>}. A real host would also rate-limit these two endpoints.
 */
@RestController
@RequestMapping("/auth")
class AuthController {

    static final Duration SESSION_TTL = Duration.ofDays(7);

    private final HabitCoach coach;

    AuthController(HabitCoach coach) {
        this.coach = coach;
    }

    record Credentials(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1000) String password) {
    }

    record TokenView(String userId, String token) {
    }

    @PostMapping("/signup")
    ResponseEntity<TokenView> signup(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        User user = coach.users().create(NewUser.builder().email(credentials.email()).build());
        coach.credentials().setPassword(user.id(), credentials.password());
        return ResponseEntity.status(HttpStatus.CREATED).body(issue(user, request));
    }

    @PostMapping("/login")
    ResponseEntity<TokenView> login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        Optional<User> user = coach.credentials().authenticate(credentials.email(), credentials.password());
        return user.map(u -> ResponseEntity.ok(issue(u, request)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
    }

    private TokenView issue(User user, HttpServletRequest request) {
        IssuedSession session = coach.sessions().create(user.id(), SESSION_TTL, request.getHeader("User-Agent"),
                request.getRemoteAddr());
        return new TokenView(user.id(), session.token());
    }
}
