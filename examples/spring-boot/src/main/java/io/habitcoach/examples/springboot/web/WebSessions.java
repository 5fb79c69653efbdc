package io.habitcoach.examples.springboot.web;

import io.habitcoach.jooq.HabitCoach;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The web page's sign-in: a {@code coach.sessions()} token in an HttpOnly, SameSite=Strict cookie.
 * Only the token's hash is stored; the user id comes from the validated session, never from a request
 * parameter.
 */
@Component
class WebSessions {

    static final String COOKIE = "habitcoach_session";
    private static final Duration TTL = Duration.ofDays(7);

    private final HabitCoach coach;

    WebSessions(HabitCoach coach) {
        this.coach = coach;
    }

    Optional<String> userId(HttpServletRequest request) {
        return token(request).flatMap(token -> coach.sessions().validate(token)).map(s -> s.userId());
    }

    void signIn(String userId, HttpServletRequest request, HttpServletResponse response) {
        String token = coach.sessions().create(userId, TTL, request.getHeader("User-Agent"), request.getRemoteAddr())
                .token();
        response.addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; Max-Age=" + TTL.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : ""));
    }

    void signOut(HttpServletRequest request, HttpServletResponse response) {
        token(request).ifPresent(token -> coach.sessions().revokeToken(token));
        response.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    private static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                        .filter(v -> !v.isBlank()).findFirst();
    }
}
