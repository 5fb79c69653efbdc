package io.habitcoach.examples.springboot.api;

import io.habitcoach.examples.springboot.api.Requests.MessageRequest;
import io.habitcoach.examples.springboot.api.Views.ChatView;
import io.habitcoach.examples.springboot.api.Views.DashboardView;
import io.habitcoach.examples.springboot.api.Views.MessageView;
import io.habitcoach.jooq.chat.ChatExchange;
import io.habitcoach.jooq.HabitCoach;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The home screen and the chat with the coach. */
@RestController
@RequestMapping("/users/{userId}")
class CoachController {

    private final HabitCoach coach;

    CoachController(HabitCoach coach) {
        this.coach = coach;
    }

    /** Active habits with their last seven days, active goals: one SQL statement. */
    @GetMapping("/dashboard")
    DashboardView dashboard(@PathVariable String userId) {
        return DashboardView.of(coach.dashboards().dashboard(userId));
    }

    /** Starts a conversation with a first message; the reply comes in the user's personality and language. */
    @PostMapping("/conversations")
    ResponseEntity<ChatView> start(@PathVariable String userId, @Valid @RequestBody MessageRequest request) {
        ChatExchange exchange = coach.chat().start(userId, request.message());
        return ResponseEntity.created(URI.create("/users/" + userId + "/conversations/"
                + exchange.conversation().id() + "/messages")).body(ChatView.of(exchange));
    }

    @PostMapping("/conversations/{conversationId}/messages")
    ChatView send(@PathVariable String userId, @PathVariable String conversationId,
                  @Valid @RequestBody MessageRequest request) {
        return ChatView.of(coach.chat().send(userId, conversationId, request.message()));
    }

    @GetMapping("/conversations/{conversationId}/messages")
    List<MessageView> messages(@PathVariable String userId, @PathVariable String conversationId) {
        return coach.chat().messages(userId, conversationId).stream().map(MessageView::of).toList();
    }
}
