package io.habitcoach.examples.springboot.api;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.jooq.chat.ChatExchange;
import io.habitcoach.jooq.chat.ChatMessage;
import io.habitcoach.jooq.habits.Completion;
import io.habitcoach.jooq.dashboards.Dashboard;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.users.User;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The JSON the API returns: the library's records, flattened into plain fields with the library's
 * lower-case codes ({@code per_week}, {@code skipped}), so the API does not change shape when the
 * library adds a component.
 */
public final class Views {

    private Views() {
    }

    public record UserView(String id, String email, String name, String timezone, String language,
                           String personality, String plan, String firstDayOfWeek) {
        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.name(), user.timezone().getId(), user.language(),
                    user.personality(), user.plan().code(), user.firstDayOfWeek().name().toLowerCase());
        }
    }

    public record FrequencyView(String type, List<String> days, Integer timesPerWeek) {
        static FrequencyView of(Frequency frequency) {
            return new FrequencyView(frequency.type().code(),
                    frequency instanceof Frequency.SpecificDays specific ? specific.dayNames() : null,
                    frequency.weeklyTarget().isPresent() ? frequency.weeklyTarget().getAsInt() : null);
        }
    }

    /**
     * A habit as of the user's today.
     *
     * @param strength the habit strength in [0, 1], or null where it is not computed (the dashboard)
     */
    public record HabitView(String id, String name, String description, FrequencyView frequency, String status,
                            int currentStreak, int longestStreak, int totalCompleted, boolean atRisk,
                            Double strength, LocalDate lastCompleted) {
        static HabitView of(Habit habit) {
            return new HabitView(habit.id(), habit.name(), habit.description(), FrequencyView.of(habit.frequency()),
                    habit.status().code(), habit.streak().current(), habit.streak().longest(),
                    habit.streak().totalCompleted(), habit.streak().atRisk(),
                    Double.isNaN(habit.strength()) ? null : habit.strength(), habit.lastCompleted());
        }
    }

    public record EntryView(LocalDate date, String kind, String notes) {
        static EntryView of(Completion completion) {
            return new EntryView(completion.date(), completion.kind().code(), completion.notes());
        }
    }

    public record HabitCardView(HabitView habit, List<EntryView> lastSevenDays) {
    }

    public record GoalView(String id, String title, String status, int completedSubtasks, int totalSubtasks) {
        static GoalView of(Goal goal) {
            return new GoalView(goal.id(), goal.title(), goal.status().code(), goal.completedSubtasks(),
                    goal.totalSubtasks());
        }
    }

    public record DashboardView(LocalDate today, List<HabitCardView> habits, List<GoalView> goals) {
        static DashboardView of(Dashboard dashboard) {
            return new DashboardView(dashboard.today(),
                    dashboard.habits().stream().map(card -> new HabitCardView(HabitView.of(card.habit()),
                            card.lastSevenDays().stream().map(EntryView::of).toList())).toList(),
                    dashboard.goals().stream().map(GoalView::of).toList());
        }
    }

    public record MessageView(String id, String role, String content, OffsetDateTime createdAt) {
        static MessageView of(ChatMessage message) {
            return new MessageView(message.id(), message.role().code(), message.content(), message.createdAt());
        }
    }

    /** @param source {@code model} when a language model wrote the reply, {@code template} otherwise */
    public record ChatView(String conversationId, MessageView question, MessageView reply, String source) {
        static ChatView of(ChatExchange exchange) {
            return new ChatView(exchange.conversation().id(), MessageView.of(exchange.question()),
                    MessageView.of(exchange.reply()), exchange.source().name().toLowerCase());
        }
    }
}
