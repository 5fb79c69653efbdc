package io.habitcoach.examples.springboot.api;

import io.habitcoach.examples.springboot.api.Requests.NewUserRequest;
import io.habitcoach.examples.springboot.api.Views.UserView;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users. In this example the user's id is part of the path; a real application takes it from its
 * authentication (a session, a token) and never from the request.
 */
@RestController
@RequestMapping("/users")
class UserController {

    private final HabitCoach coach;

    UserController(HabitCoach coach) {
        this.coach = coach;
    }

    @PostMapping
    ResponseEntity<UserView> create(@Valid @RequestBody NewUserRequest request) {
        NewUser.Builder user = NewUser.builder().email(request.email()).name(request.name());
        if (request.timezone() != null) {
            user.timezone(request.timezone());
        }
        if (request.language() != null) {
            user.language(request.language());
        }
        if (request.personality() != null) {
            user.personality(request.personality());
        }
        User created = coach.users().create(user.build());
        return ResponseEntity.created(URI.create("/users/" + created.id())).body(UserView.of(created));
    }

    @GetMapping("/{userId}")
    UserView get(@PathVariable String userId) {
        return UserView.of(coach.users().get(userId));
    }
}
