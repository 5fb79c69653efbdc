package io.habitcoach.jooq.jobs.internal;

import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.Context;

import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachPersonality;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The set-based counterpart of {@link CoachRecorder#record} for the jobs: reads the recent messages of
 * a whole batch of users in one statement, has {@link CoachRecorder#render} write each event's message
 * (same personality, language, seed and facts as one by one), and inserts them all in one multi-row
 * {@code INSERT ... ON CONFLICT (user_id, event_key) DO NOTHING}. The unique index decides: an event
 * whose key is stored already, by an earlier run or by another node right now, is not inserted again.
 */
public final class JobMessages {

    private static final Logger LOG = LoggerFactory.getLogger(JobMessages.class);

    /** A message's author and language: {@code users.selected_personality} and {@code users.language}. */
    record Recipient(String userId, String personality, String language) {
    }

    /** One event to store. */
    record Pending(Recipient recipient, CoachEvent event, String habitId, String eventKey) {
    }

    private final Context ctx;
    private final CoachRecorder recorder;

    private JobMessages(Context ctx, CoachRecorder recorder) {
        this.ctx = ctx;
        this.recorder = recorder;
    }

    public static JobMessages create(Context ctx, CoachRecorder recorder) {
        return new JobMessages(ctx, recorder);
    }

    /**
     * The latest {@link CoachContext#RECENT_MESSAGES_CONSIDERED} messages of each user, newest first, in
     * one statement (an index scan of {@code ai_messages (user_id, created_at desc)} per user).
     */
    public static Map<String, List<String>> recentMessages(DSLContext dsl, Collection<String> userIds) {
        Map<String, List<String>> recent = new HashMap<>();
        if (userIds.isEmpty()) {
            return recent;
        }
        String[] ids = userIds.stream().distinct().toArray(String[]::new);
        // from the users rows, not from the array itself: on Citus a lateral LIMIT subquery is pushed
        // to the shards only when it is joined to a distributed table by its distribution column
        for (var row : dsl.resultQuery("SELECT u.id, m.message FROM users u "
                        + "CROSS JOIN LATERAL (SELECT a.message, a.created_at, a.id FROM ai_messages a "
                        + "WHERE a.user_id = u.id ORDER BY a.created_at DESC, a.id DESC LIMIT {1}) m "
                        + "WHERE u.id = ANY({0}::text[]) "
                        + "ORDER BY u.id, m.created_at DESC, m.id DESC",
                DSL.val(ids, SQLDataType.VARCHAR.array()), DSL.inline(CoachContext.RECENT_MESSAGES_CONSIDERED))
                .fetch()) {
            recent.computeIfAbsent(row.get(0, String.class), k -> new ArrayList<>()).add(row.get(1, String.class));
        }
        return recent;
    }

    /**
     * Writes and inserts the messages; returns the number actually inserted (events not stored before).
     * One statement whatever the number of rows: the columns travel as arrays. Rows go in (user, key)
     * order, so two nodes inserting overlapping batches wait for each other instead of deadlocking.
     */
    public int insert(DSLContext dsl, List<Pending> events, Map<String, List<String>> recentByUser) {
        if (events.isEmpty()) {
            return 0;
        }
        List<Pending> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing((Pending p) -> p.recipient().userId()).thenComparing(Pending::eventKey));
        int n = sorted.size();
        String[][] columns = new String[8][n];
        // A user's later events in the batch avoid the sentences of the earlier ones, as one by one would.
        Map<String, LinkedList<String>> recent = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Pending p = sorted.get(i);
            LinkedList<String> history = recent.computeIfAbsent(p.recipient().userId(),
                    id -> new LinkedList<>(recentByUser.getOrDefault(id, List.of())));
            CoachRecorder.Rendered written = write(p, history);
            String id = ctx.ids().next();
            // (copies the history it saw only when model rewrites are on)
            recorder.rewriteAfterCommit(id, written.personalityId(), p.recipient().language(), history, p.event());
            history.addFirst(written.text());
            if (history.size() > CoachContext.RECENT_MESSAGES_CONSIDERED) {
                history.removeLast();
            }
            columns[0][i] = id;
            columns[1][i] = p.recipient().userId();
            columns[2][i] = written.personalityId();
            columns[3][i] = p.event().type().code();
            columns[4][i] = written.text();
            columns[5][i] = p.habitId();
            columns[6][i] = p.eventKey();
            columns[7][i] = written.factsJson();
        }
        Object[] parts = new Object[9];
        for (int c = 0; c < 8; c++) {
            parts[c] = DSL.val(columns[c], SQLDataType.VARCHAR.array());
        }
        parts[8] = DSL.val(ctx.now());
        // the rows RETURNING names, not the update count: Citus runs this INSERT ... SELECT through
        // the coordinator and counts the rows it sent, inserted or not (docs/scale-out.md)
        return dsl.resultQuery("INSERT INTO ai_messages (id, user_id, personality, message_type, message, habit_id, event_key,"
                + " facts, created_at)"
                + " SELECT m.id, m.user_id, m.personality, m.message_type, m.message, m.habit_id, m.event_key,"
                + " m.facts::jsonb, {8}"
                + " FROM unnest({0}::text[], {1}::text[], {2}::text[], {3}::text[], {4}::text[], {5}::text[],"
                + " {6}::text[], {7}::text[]) AS m(id, user_id, personality, message_type, message, habit_id, event_key,"
                + " facts)"
                + " ON CONFLICT (user_id, event_key) WHERE event_key IS NOT NULL DO NOTHING RETURNING id", parts)
                .fetch().size();
    }

    /**
     * The message as {@link CoachRecorder#record} writes it ({@link CoachRecorder#render}). A personality
     * that throws (a host's bug) does not stop the job for every other user: the default personality
     * writes that message instead.
     */
    private CoachRecorder.Rendered write(Pending p, List<String> recentNewestFirst) {
        UsersRecord user = new UsersRecord().setId(p.recipient().userId())
                .setSelectedPersonality(p.recipient().personality()).setLanguage(p.recipient().language());
        try {
            return recorder.render(user, recentNewestFirst, p.event(), p.eventKey());
        } catch (RuntimeException e) {
            CoachPersonality fallback = recorder.personalities().defaultPersonality();
            if (fallback.id().equals(user.getSelectedPersonality())) {
                throw e;
            }
            LOG.warn("Coach personality '{}' failed on a {} event; using '{}'", user.getSelectedPersonality(),
                    p.event().type(), fallback.id(), e);
            return recorder.render(user.setSelectedPersonality(fallback.id()), recentNewestFirst, p.event(),
                    p.eventKey());
        }
    }
}
