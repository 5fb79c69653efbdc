package io.habitcoach.examples.springboot.web;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.streak.HabitCalendar;
import io.habitcoach.core.streak.HabitStrength;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.chat.ChatExchange;
import io.habitcoach.jooq.dashboards.Dashboard;
import io.habitcoach.jooq.habits.Habit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages. The signed-in user comes from a {@code coach.sessions()} token in an HttpOnly cookie,
 * never from the URL; every read and write passes that user's id, so one user cannot reach another's
 * habits.
 */
@Controller
class WebController {

    private final HabitCoach coach;
    private final WebSessions sessions;
    private final DemoUser demo;

    WebController(HabitCoach coach, WebSessions sessions, DemoUser demo) {
        this.coach = coach;
        this.sessions = sessions;
        this.demo = demo;
    }

    @GetMapping("/")
    String home(HttpServletRequest request) {
        return sessions.userId(request).isPresent() ? "redirect:/app" : "signin";
    }

    @PostMapping("/demo")
    String signInAsDemo(HttpServletRequest request, HttpServletResponse response) {
        sessions.signIn(demo.create(), request, response);
        return "redirect:/app";
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response);
        return "redirect:/";
    }

    @GetMapping("/app")
    String dashboard(HttpServletRequest request, Model model) {
        Optional<String> user = sessions.userId(request);
        if (user.isEmpty()) {
            return "redirect:/";
        }
        String userId = user.get();
        Dashboard dashboard = coach.dashboards().dashboard(userId);
        Map<String, HabitCalendar> recent = coach.dashboards().recentDays(userId, 28);   // four rows of seven
        List<HabitView> habits = dashboard.habits().stream()
                .map(card -> HabitView.of(card.habit(), recent.get(card.habit().id()), dashboard.today()))
                .toList();
        model.addAttribute("today", dashboard.today());
        model.addAttribute("habits", habits);
        model.addAttribute("goals", dashboard.goals());
        model.addAttribute("notes", coach.chat().coachMessages(userId, null, 5));
        model.addAttribute("week", coach.dashboards().weeklySummary(userId));
        return "dashboard";
    }

    @PostMapping("/app/habits/{habitId}/today")
    String completeToday(@PathVariable String habitId, @RequestParam(defaultValue = "/app") String back,
            HttpServletRequest request) {
        Optional<String> user = sessions.userId(request);
        if (user.isEmpty()) {
            return "redirect:/";
        }
        LocalDate today = coach.dashboards().dashboard(user.get()).today();
        coach.habits().complete(user.get(), habitId, today);
        return "redirect:" + (back.startsWith("/app") ? back : "/app");
    }

    @GetMapping("/app/habits/{habitId}")
    String habit(@PathVariable String habitId, HttpServletRequest request, Model model) {
        Optional<String> user = sessions.userId(request);
        if (user.isEmpty()) {
            return "redirect:/";
        }
        String userId = user.get();
        Habit habit = coach.habits().get(userId, habitId);
        Dashboard dashboard = coach.dashboards().dashboard(userId);
        LocalDate today = dashboard.today();
        // Twelve whole calendar weeks in the user's own week, the current one last.
        LocalDate from = CalendarWeek.containing(today, dashboard.user().firstDayOfWeek()).start().minusWeeks(11);
        HabitCalendar calendar = coach.habits().calendar(userId, habitId, from, from.plusWeeks(12).minusDays(1));
        List<HabitStrength.DailyScore> strength = coach.habits().strengthHistory(userId, habitId, today.minusDays(89), today);
        model.addAttribute("habit", HabitView.of(habit, calendar, today));
        model.addAttribute("strengthSvg", Charts.strengthLine(strength));
        model.addAttribute("strengthNow", Math.round(habit.strength() * 100));
        model.addAttribute("weeks", calendar.weeks());
        model.addAttribute("weekdays", HabitView.weekdayHeaders(dashboard.user().firstDayOfWeek()));
        model.addAttribute("notes", coach.chat().coachMessages(userId, habitId, 10));
        return "habit";
    }

    @GetMapping("/app/chat")
    String chat(HttpServletRequest request, Model model) {
        if (sessions.userId(request).isEmpty()) {
            return "redirect:/";
        }
        return "chat";
    }

    @PostMapping("/app/chat")
    String send(@RequestParam String message, @RequestParam(required = false) String conversationId,
            HttpServletRequest request, Model model) {
        Optional<String> user = sessions.userId(request);
        if (user.isEmpty()) {
            return "redirect:/";
        }
        try {
            ChatExchange exchange = conversationId == null || conversationId.isBlank()
                    ? coach.chat().start(user.get(), message)
                    : coach.chat().send(user.get(), conversationId, message);
            model.addAttribute("conversationId", exchange.conversation().id());
            model.addAttribute("messages", coach.chat().messages(user.get(), exchange.conversation().id()));
        } catch (HabitCoachException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "chat";
    }
}
