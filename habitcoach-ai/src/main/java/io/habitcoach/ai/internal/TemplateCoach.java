package io.habitcoach.ai.internal;

import io.habitcoach.ai.internal.TemplateLanguage.Noun;
import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachEvent.ChatReply;
import io.habitcoach.core.coach.CoachEvent.GoalCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitMissed;
import io.habitcoach.core.coach.CoachEvent.StreakMilestone;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis;
import io.habitcoach.core.coach.StreakUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an event into a message from a personality's phrasebooks: picks the slots the facts call for,
 * fills in the facts in the user's language, and lets {@link CoachContext#choose} pick each phrasing.
 * Immutable and thread-safe.
 */
public final class TemplateCoach {

    /** How many habits a chat template lists; the model sees them all. */
    static final int CHAT_HABITS_LISTED = 3;

    private final Phrasebook english;
    private final Phrasebook portuguese;

    private TemplateCoach(Phrasebook english, Phrasebook portuguese) {
        this.english = Objects.requireNonNull(english, "english");
        this.portuguese = Objects.requireNonNull(portuguese, "portuguese");
    }

    /** A coach that writes from {@code english} and {@code portuguese}. */
    public static TemplateCoach create(Phrasebook english, Phrasebook portuguese) {
        return new TemplateCoach(english, portuguese);
    }

    public Phrasebook phrasebook(Locale locale) {
        return TemplateLanguage.of(Objects.requireNonNull(locale, "locale")) == TemplateLanguage.ENGLISH
                ? english : portuguese;
    }

    public String message(CoachEvent event, CoachContext context) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(context, "context");
        StringBuilder message = new StringBuilder();
        for (Part part : parts(event, context.locale())) {
            // A different seed per slot, so the parts of a message vary independently.
            String chosen = context.withSeed(context.seed() * 31 + part.slot().ordinal())
                    .choose(event, part.phrasings());
            message.append(message.length() == 0 ? "" : " ").append(chosen);
        }
        return message.toString();
    }

    /**
     * One place in a message and every phrasing that may fill it, already rendered with the event's
     * facts: a message is one phrasing of each part, in order. The samples in docs/coach-samples.md list
     * them all.
     */
    record Part(Slot slot, List<String> phrasings) {
    }

    /** The parts of the message for {@code event} in the language of {@code locale}. */
    List<Part> parts(CoachEvent event, Locale locale) {
        TemplateLanguage language = TemplateLanguage.of(Objects.requireNonNull(locale, "locale"));
        Phrasebook book = phrasebook(locale);
        Map<String, String> values = new HashMap<>();
        List<Slot> slots = new ArrayList<>(3);
        boolean tomorrow = false;
        if (event instanceof HabitCompleted e) {
            values.put("habit", Names.forSlot(e.habitName()));
            values.put("streak", language.count(e.currentStreak(), noun(e.unit())));
            values.put("total", language.count(e.totalCompleted(), Noun.TIME));
            slots.add(completionSlot(e));
            // "Tomorrow" only when the habit is due then; a per-week habit has no scheduled day.
            tomorrow = Boolean.TRUE.equals(e.dueTomorrow()) && e.unit() == StreakUnit.DAYS
                    && slots.get(0) == Slot.COMPLETE;
        } else if (event instanceof StreakMilestone e) {
            values.put("habit", Names.forSlot(e.habitName()));
            values.put("milestone", language.count(e.milestone(), noun(e.unit())));
            slots.add(Slot.STREAK);
        } else if (event instanceof HabitMissed e) {
            values.put("habit", Names.forSlot(e.habitName()));
            values.put("previous", language.count(e.previousStreak(), noun(e.unit())));
            values.put("period", e.unit() == StreakUnit.DAYS
                    ? language.onWeekday(e.periodEnd().getDayOfWeek()) : language.lastWeek());
            slots.add(e.previousStreak() > 0 ? Slot.MISSED_AFTER_STREAK : Slot.MISSED);
        } else if (event instanceof GoalCompleted e) {
            values.put("goal", Names.forSlot(e.goalTitle()));
            slots.add(Slot.GOAL);
            if (e.subtaskCount() > 0) {
                values.put("subtasks", language.count(e.subtaskCount(), Noun.STEP));
                slots.add(Slot.GOAL_SUBTASKS);
            }
            if (e.daysTaken() != null && e.daysTaken() > 0) {
                values.put("days", language.count(e.daysTaken(), Noun.DAY));
                slots.add(Slot.GOAL_DAYS);
            }
        } else if (event instanceof WeeklyAnalysis e) {
            weekly(e, language, values, slots);
        } else {
            ChatReply e = (ChatReply) event;
            List<String> listed = new ArrayList<>();
            for (ChatReply.HabitSnapshot habit : e.habits().subList(0, Math.min(CHAT_HABITS_LISTED, e.habits().size()))) {
                listed.add(language.habitWithStreak(Names.forSlot(habit.habitName()), habit.currentStreak(),
                        noun(habit.unit())));
            }
            values.put("habits", language.list(listed));
            slots.add(e.habits().isEmpty() ? Slot.CHAT_NO_HABITS
                    : e.habits().size() > CHAT_HABITS_LISTED ? Slot.CHAT_SOME : Slot.CHAT);
        }
        List<Part> parts = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            List<String> phrasings = new ArrayList<>(book.phrasings(slot));
            if (tomorrow && slot == Slot.COMPLETE) {
                phrasings.addAll(book.phrasings(Slot.COMPLETE_TOMORROW));
            }
            parts.add(new Part(slot, phrasings.stream().map(p -> Phrasebook.render(p, values)).toList()));
        }
        return parts;
    }

    /** First completion, a streak that begins, a streak of 2 or more, or no current streak. */
    static Slot completionSlot(HabitCompleted e) {
        if (e.first()) {
            return Slot.COMPLETE_FIRST;
        }
        if (e.currentStreak() == 0) {
            return Slot.COMPLETE_NO_STREAK;
        }
        return e.currentStreak() == 1 ? Slot.COMPLETE_STREAK_START : Slot.COMPLETE;
    }

    private static void weekly(WeeklyAnalysis e, TemplateLanguage language, Map<String, String> values,
                               List<Slot> slots) {
        if (e.scheduled() == 0) {
            slots.add(Slot.WEEKLY_EMPTY);
            return;
        }
        values.put("done", Integer.toString(e.done()));
        values.put("scheduled", Integer.toString(e.scheduled()));
        values.put("planned", language.planned(e.scheduled()));
        values.put("rate", language.percent(e.completionRatePercent()));
        slots.add(e.done() == 0 ? Slot.WEEKLY_NONE : Slot.WEEKLY);
        if (e.bestWeekday() != null) {
            values.put("best", language.weekday(e.bestWeekday()));
            values.put("bestOn", language.onWeekday(e.bestWeekday()));
            slots.add(Slot.WEEKLY_BEST);
        }
        WeeklyAnalysis.HabitLine focus = focus(e.habits());
        if (focus != null) {
            values.put("focus", Names.forSlot(focus.habitName()));
            slots.add(Slot.WEEKLY_FOCUS);
        }
    }

    /** The habit with the lowest share done among those that fell short; the first on a tie. */
    static WeeklyAnalysis.HabitLine focus(List<WeeklyAnalysis.HabitLine> lines) {
        WeeklyAnalysis.HabitLine focus = null;
        for (WeeklyAnalysis.HabitLine line : lines) {
            if (line.scheduled() == 0 || line.done() >= line.scheduled()) {
                continue;
            }
            // Compare done/scheduled without floating point.
            if (focus == null || (long) line.done() * focus.scheduled() < (long) focus.done() * line.scheduled()) {
                focus = line;
            }
        }
        return focus;
    }

    private static Noun noun(StreakUnit unit) {
        return unit == StreakUnit.DAYS ? Noun.DAY : Noun.WEEK;
    }
}
