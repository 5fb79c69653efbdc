package io.habitcoach.examples.springboot.api;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.accounts.Session;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The user comes from the session token, never from the URL alone: a request to
 * {@code /users/{userId}/...} must carry {@code Authorization: Bearer <token>} of a session of that
 * user (401 without a valid token, 403 for another user's path). {@code /auth/**} is open.
 *
 * <p>With {@code example.auth.required=false} (the default, so the unauthenticated demo API and its
 * tests keep working on 127.0.0.1) a request without the header passes; a request with one is always
 * checked. Set it to true before the API is reachable by anyone else.
 */
@Component
class SessionTokenFilter extends OncePerRequestFilter {

    private static final Pattern USER_PATH = Pattern.compile("^/users/([^/]+)(/.*)?$");
    private static final String BEARER = "Bearer ";

    private final HabitCoach coach;
    private final boolean required;

    SessionTokenFilter(HabitCoach coach, @Value("${example.auth.required:false}") boolean required) {
        this.coach = coach;
        this.required = required;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = USER_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        String header = request.getHeader("Authorization");
        if (!path.matches() || (header == null && !required)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Session> session = header != null && header.startsWith(BEARER) && header.length() > BEARER.length()
                ? coach.sessions().validate(header.substring(BEARER.length()).trim()) : Optional.empty();
        if (session.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (!session.get().userId().equals(path.group(1))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
