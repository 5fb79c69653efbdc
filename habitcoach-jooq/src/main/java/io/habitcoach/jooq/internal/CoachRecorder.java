package io.habitcoach.jooq.internal;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachPersonalities;
import io.habitcoach.core.coach.CoachPersonality;
import io.habitcoach.core.coach.StreakUnit;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.core.streak.Milestones;
import io.habitcoach.core.streak.StreakState;
import io.habitcoach.core.streak.StreakSummary;
import io.habitcoach.jooq.schema.tables.records.GoalsRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Result;

/**
 * Turns coach events raised inside a service's transaction into stored coach messages, written by
 * the user's personality from templates (cheap enough to write under the transaction's locks; a
 * language model is never called here). Each event with a key is stored at most once per user:
 * the unique index on {@code (user_id, event_key)} decides, so retries and concurrent jobs cannot
 * double a message.
 */
public final class CoachRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Context ctx;
    private final CoachPersonalities personalities;
    private final ModelRewrites rewrites;

    private CoachRecorder(Context ctx, CoachPersonalities personalities, ModelRewrites rewrites) {
        this.ctx = ctx;
        this.personalities = personalities;
        this.rewrites = rewrites;
    }

    /** @param rewrites the model rewrites of event messages after commit; null: template messages only */
    public static CoachRecorder create(Context ctx, CoachPersonalities personalities, ModelRewrites rewrites) {
        return new CoachRecorder(ctx, personalities, rewrites);
    }

    /** Asks the model to rewrite a message this transaction inserted, after commit, if so configured. */
    public void rewriteAfterCommit(String messageId, String personalityId, String language,
            List<String> recentNewestFirst, CoachEvent event) {
        if (rewrites != null) {
            rewrites.afterCommit(messageId, personalityId, language, recentNewestFirst, event);
        }
    }

    /** Whether the model rewrites event messages after commit: a message's stored text may then still change. */
    public boolean rewritesMessages() {
        return rewrites != null;
    }

    public CoachPersonalities personalities() {
        return personalities;
    }

    /** Reads the user's latest coach messages (for callers that did not fetch them already). */
    public static List<String> recentMessages(DSLContext tx, String userId) {
        Result<?> rows = tx.select(AI_MESSAGES.MESSAGE).from(AI_MESSAGES).where(AI_MESSAGES.USER_ID.eq(userId))
                .orderBy(AI_MESSAGES.CREATED_AT.desc(), AI_MESSAGES.ID.desc())
                .limit(CoachContext.RECENT_MESSAGES_CONSIDERED).fetch();
        return rows.getValues(AI_MESSAGES.MESSAGE);
    }

    /** A coach message ready to store: who wrote it, its text, and the facts it was allowed to state. */
    public static final class Rendered {

        private final String personalityId;
        private final String text;
        private final String factsJson;

        private Rendered(String personalityId, String text, String factsJson) {
            this.personalityId = personalityId;
            this.text = text;
            this.factsJson = factsJson;
        }

        public String personalityId() {
            return personalityId;
        }

        public String text() {
            return text;
        }

        public String factsJson() {
            return factsJson;
        }
    }

    /** Writes the message for {@code event} in the user's personality and language (templates only). */
    public Rendered render(UsersRecord user, List<String> recentNewestFirst, CoachEvent event, String eventKey) {
        return render(user.getSelectedPersonality(), user.getLanguage(), recentNewestFirst, event, eventKey);
    }

    /** {@link #render(UsersRecord, List, CoachEvent, String)} from the user's personality id and language tag. */
    public Rendered render(String personalityId, String language, List<String> recentNewestFirst, CoachEvent event,
            String eventKey) {
        CoachPersonality personality = personalities.resolveOrDefault(personalityId);
        CoachContext context = CoachContext.forLanguageTag(language)
                .withSeed(eventKey == null ? ctx.clock().millis() : eventKey.hashCode())
                .withRecentMessages(recentNewestFirst);
        return new Rendered(personality.id(), personality.message(event, context), event.facts().toJson());
    }

    /** An event to write a message for, and its key (null: not de-duplicated). */
    public static final class Event {

        private final CoachEvent event;
        private final String key;

        private Event(CoachEvent event, String key) {
            this.event = event;
            this.key = key;
        }

        public CoachEvent event() {
            return event;
        }

        public String key() {
            return key;
        }
    }

    /**
     * Messages for several events raised by one call, in order. Each one after the first sees the
     * messages before it as the newest recent ones, so one call's messages do not repeat each other.
     */
    public List<Rendered> renderAll(String personalityId, String language, List<String> recentNewestFirst,
            List<Event> events) {
        List<Rendered> rendered = new ArrayList<>(events.size());
        List<String> recent = recentNewestFirst;
        for (Event event : events) {
            Rendered message = render(personalityId, language, recent, event.event(), event.key());
            rendered.add(message);
            if (rendered.size() < events.size()) {
                recent = newestFirst(message.text(), recent);
            }
        }
        return rendered;
    }

    /** {@code recent} with {@code newest} in front, as many as the no-repeat rule considers. */
    public static List<String> newestFirst(String newest, List<String> recent) {
        List<String> list = new ArrayList<>(CoachContext.RECENT_MESSAGES_CONSIDERED);
        list.add(newest);
        for (int i = 0; i < recent.size() && list.size() < CoachContext.RECENT_MESSAGES_CONSIDERED; i++) {
            list.add(recent.get(i));
        }
        return list;
    }

    /**
     * The events a recorded completion raises, in order: the completion, then each milestone the
     * streak as of today crossed (keyed once per habit, run and milestone). Both completion paths
     * use it, so they raise the same events.
     *
     * @param before the streak as of today before the completion; {@code after} the one after it
     * @param state  the stored state after the completion (its run identifies the milestones)
     * @param today  the owner's today, which decides whether the habit is due tomorrow
     */
    public static List<Event> completionEvents(String habitId, String habitName, Frequency frequency, LocalDate date,
            StreakSummary before, StreakSummary after, StreakState state, LocalDate today) {
        FrequencyType type = frequency.type();
        StreakUnit unit = type == FrequencyType.PER_WEEK ? StreakUnit.WEEKS : StreakUnit.DAYS;
        // A per-week habit has no scheduled day; an active habit cannot have a pause that starts tomorrow.
        boolean dueTomorrow = type != FrequencyType.PER_WEEK && frequency.countsOn(today.plusDays(1).getDayOfWeek());
        List<Event> events = new ArrayList<>(2);
        events.add(new Event(new CoachEvent.HabitCompleted(habitName, date, after.current(), after.longest(),
                after.totalCompleted(), unit, dueTomorrow), null));
        if (after.current() > before.current() && state.runStart() != null) {
            for (int milestone : Milestones.crossed(type, before.current(), after.current())) {
                events.add(new Event(new CoachEvent.StreakMilestone(habitName, milestone, unit),
                        "streak:" + habitId + ":" + state.runStart() + ":" + milestone));
            }
        }
        return events;
    }

    /**
     * Writes the message for {@code event}; returns it, or null when an event with the same key was
     * already stored (then nothing is written).
     */
    public String record(DSLContext tx, UsersRecord user, List<String> recentNewestFirst, CoachEvent event,
            String habitId, String goalId, String eventKey) {
        Rendered rendered = render(user, recentNewestFirst, event, eventKey);
        String id = ctx.ids().next();
        int inserted = tx.insertInto(AI_MESSAGES)
                .set(AI_MESSAGES.ID, id)
                .set(AI_MESSAGES.USER_ID, user.getId())
                .set(AI_MESSAGES.PERSONALITY, rendered.personalityId())
                .set(AI_MESSAGES.MESSAGE_TYPE, event.type())
                .set(AI_MESSAGES.MESSAGE, rendered.text())
                .set(AI_MESSAGES.HABIT_ID, habitId)
                .set(AI_MESSAGES.GOAL_ID, goalId)
                .set(AI_MESSAGES.EVENT_KEY, eventKey)
                .set(AI_MESSAGES.FACTS, facts(rendered.factsJson()))
                .set(AI_MESSAGES.CREATED_AT, ctx.now())
                .onConflict(AI_MESSAGES.USER_ID, AI_MESSAGES.EVENT_KEY).where(AI_MESSAGES.EVENT_KEY.isNotNull())
                .doNothing()
                .execute();
        if (inserted != 1) {
            return null;
        }
        rewriteAfterCommit(id, rendered.personalityId(), user.getLanguage(), recentNewestFirst, event);
        return rendered.text();
    }

    private static JsonNode facts(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("CoachFacts.toJson() produced invalid JSON", e);
        }
    }

    /** A goal became completed: at most one message per goal, ever. */
    public void goalCompleted(DSLContext tx, UsersRecord user, GoalsRecord goal) {
        Integer days = goal.getCompletedAt() == null ? null : (int) Math.max(0,
                ChronoUnit.DAYS.between(goal.getStartDate(), Days.today(ctx.clock(), user)));
        record(tx, user, recentMessages(tx, user.getId()),
                new CoachEvent.GoalCompleted(goal.getTitle(), goal.getTotalSubtasks(), days),
                null, goal.getId(), "goal_complete:" + goal.getId());
    }
}
