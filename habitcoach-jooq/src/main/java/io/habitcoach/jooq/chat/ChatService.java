package io.habitcoach.jooq.chat;

import io.habitcoach.jooq.HabitCoach;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.CHAT_CONVERSATIONS;
import static io.habitcoach.jooq.schema.Tables.CHAT_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABITS;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.coach.ChatTurn;
import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachMessage;
import io.habitcoach.core.coach.CoachQuota;
import io.habitcoach.core.coach.CoachQuotaExceededException;
import io.habitcoach.core.coach.CoachWriter;
import io.habitcoach.core.coach.ConversationTitle;
import io.habitcoach.core.coach.StreakUnit;
import io.habitcoach.core.model.ChatRole;
import io.habitcoach.core.model.ConversationStatus;
import io.habitcoach.core.model.HabitStatus;
import io.habitcoach.core.schedule.FrequencyType;
import io.habitcoach.jooq.internal.CoachRecorder;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.InstrumentedCoachModel;
import io.habitcoach.jooq.internal.Instrumentation;
import io.habitcoach.jooq.internal.Meters;
import io.habitcoach.jooq.internal.Days;
import io.habitcoach.jooq.internal.HabitRows;
import io.habitcoach.jooq.internal.Pages;
import io.habitcoach.jooq.internal.Texts;
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.schema.tables.records.ChatConversationsRecord;
import io.habitcoach.jooq.schema.tables.records.ChatMessagesRecord;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Chat with the coach. Each message is stored in {@code chat_messages}; each coach reply also in
 * {@code ai_messages} with type {@code chat}. The language model (if the host configured one) is
 * called between two short transactions, never while a row lock is held, so a slow provider slows
 * the reply and nothing else. Obtain it from {@link HabitCoach#chat()}.
 */
public final class ChatService {

    private final Context ctx;
    private final CoachWriter writer;
    private final boolean modelConfigured;
    private final CoachQuota quota;
    private final int historyMessages;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public ChatService(Context ctx, CoachWriter writer, boolean modelConfigured, CoachQuota quota, int historyMessages) {
        this.ctx = ctx;
        this.writer = writer;
        this.modelConfigured = modelConfigured;
        this.quota = quota;
        this.historyMessages = historyMessages;
    }

    /**
     * Starts a conversation with the user's first message and returns it with the coach's reply. A
     * user who already has {@link io.habitcoach.jooq.Limits#maxConversationsPerUser} conversations
     * (archived ones count) gets {@link io.habitcoach.core.LimitExceededException}; nothing is stored.
     */
    public ChatExchange start(String userId, String firstMessage) {
        return exchange(userId, null, firstMessage);
    }

    /**
     * Sends a message to an active conversation and returns the coach's reply. With a language
     * model configured, each message counts against the user's plan's daily quota, counted over the
     * last 24 hours whatever the user's time zone and day start
     * ({@link CoachQuotaExceededException} once it is used up; nothing is stored then).
     */
    public ChatExchange send(String userId, String conversationId, String message) {
        InvalidInputException.requirePresent(conversationId, "conversationId");
        return exchange(userId, conversationId, message);
    }

    /**
     * One page of the user's conversations with the given statuses (all when none are given), in
     * {@link #list(String, ConversationStatus...)}'s order: latest activity first ({@code updated_at},
     * then id, both descending). A keyset page: a conversation started, or one already read that gets a
     * message, while the pages are read moves before the first page and is not read again; one not yet
     * read that gets a message moves there too, and shows on the next first page instead. A cursor that
     * is not this list's is {@link InvalidInputException}.
     */
    public io.habitcoach.jooq.Page<Conversation> list(String userId, io.habitcoach.jooq.PageRequest page,
            ConversationStatus... statuses) {
        InvalidInputException.requirePresent(page, "page");
        InvalidInputException.requirePresent(statuses, "statuses");
        List<ConversationStatus> wanted = statuses.length == 0 ? Arrays.asList(ConversationStatus.values())
                : Arrays.asList(statuses);
        var after = Pages.after(page, "conversations", CHAT_CONVERSATIONS.UPDATED_AT, CHAT_CONVERSATIONS.ID, true);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            var rows = dsl.selectFrom(CHAT_CONVERSATIONS).where(CHAT_CONVERSATIONS.USER_ID.eq(userId))
                    .and(CHAT_CONVERSATIONS.STATUS.in(wanted)).and(after)
                    .orderBy(CHAT_CONVERSATIONS.UPDATED_AT.desc(), CHAT_CONVERSATIONS.ID.desc())
                    .limit(Pages.fetchSize(page))
                    .fetch();
            return Pages.of(rows, page, "conversations", CHAT_CONVERSATIONS.UPDATED_AT, CHAT_CONVERSATIONS.ID,
                    ChatService::toConversation);
        });
    }

    /**
     * The user's conversations with the given statuses (all when none are given), latest activity first.
     * Every matching conversation, so at most {@link io.habitcoach.jooq.Limits#maxConversationsPerUser}
     * (1,000 by default); {@link #list(String, io.habitcoach.jooq.PageRequest, ConversationStatus...)} reads
     * them a page at a time.
     */
    public List<Conversation> list(String userId, ConversationStatus... statuses) {
        InvalidInputException.requirePresent(statuses, "statuses");
        List<ConversationStatus> wanted = statuses.length == 0 ? Arrays.asList(ConversationStatus.values())
                : Arrays.asList(statuses);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            return dsl.selectFrom(CHAT_CONVERSATIONS).where(CHAT_CONVERSATIONS.USER_ID.eq(userId))
                    .and(CHAT_CONVERSATIONS.STATUS.in(wanted))
                    .orderBy(CHAT_CONVERSATIONS.UPDATED_AT.desc(), CHAT_CONVERSATIONS.ID.desc())
                    .fetch(ChatService::toConversation);
        });
    }

    /** The most messages {@link #messages(String, String)} returns: the latest ones. */
    public static final int MAX_MESSAGES = 1_000;

    /**
     * The conversation's latest {@value #MAX_MESSAGES} messages (all of a shorter one), oldest first.
     * {@link #messages(String, String, io.habitcoach.jooq.PageRequest)} reads every message a page at a time.
     */
    public List<ChatMessage> messages(String userId, String conversationId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            conversation(dsl, userId, conversationId, false);
            List<ChatMessage> latest = new ArrayList<>(dsl.selectFrom(CHAT_MESSAGES)
                    .where(CHAT_MESSAGES.CONVERSATION_ID.eq(conversationId))
                    .and(CHAT_MESSAGES.USER_ID.eq(userId))
                    .orderBy(CHAT_MESSAGES.CREATED_AT.desc(), CHAT_MESSAGES.ID.desc())
                    .limit(MAX_MESSAGES)
                    .fetch(ChatService::toMessage));
            Collections.reverse(latest);
            return latest;
        });
    }

    /**
     * One page of the conversation's messages, oldest first ({@code created_at}, then id). A keyset
     * page: messages sent while the pages are read come after the ones already read. A cursor that is
     * not this list's is {@link InvalidInputException}; another user's conversation is
     * {@link NotFoundException}.
     */
    public io.habitcoach.jooq.Page<ChatMessage> messages(String userId, String conversationId,
            io.habitcoach.jooq.PageRequest page) {
        InvalidInputException.requirePresent(page, "page");
        var after = Pages.after(page, "messages", CHAT_MESSAGES.CREATED_AT, CHAT_MESSAGES.ID, false);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            conversation(dsl, userId, conversationId, false);
            var rows = dsl.selectFrom(CHAT_MESSAGES).where(CHAT_MESSAGES.CONVERSATION_ID.eq(conversationId))
                    .and(CHAT_MESSAGES.USER_ID.eq(userId)).and(after)
                    .orderBy(CHAT_MESSAGES.CREATED_AT, CHAT_MESSAGES.ID)
                    .limit(Pages.fetchSize(page))
                    .fetch();
            return Pages.of(rows, page, "messages", CHAT_MESSAGES.CREATED_AT, CHAT_MESSAGES.ID, ChatService::toMessage);
        });
    }

    /**
     * The coach's latest event messages to the user, newest first: at most {@code limit} (1 to 100),
     * all of them or those about one habit ({@code habitId} null for all). Chat replies are in
     * {@link #messages(String, String)}.
     */
    public List<CoachNote> coachMessages(String userId, String habitId, int limit) {
        InvalidInputException.require(limit >= 1 && limit <= 100, "limit", "1 to 100, got " + limit);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            var condition = AI_MESSAGES.USER_ID.eq(userId).and(AI_MESSAGES.MESSAGE_TYPE.ne(io.habitcoach.core.coach.CoachEventType.CHAT));
            if (habitId != null) {
                condition = condition.and(AI_MESSAGES.HABIT_ID.eq(habitId));
            }
            return dsl.selectFrom(AI_MESSAGES).where(condition)
                    .orderBy(AI_MESSAGES.CREATED_AT.desc(), AI_MESSAGES.ID.desc()).limit(limit)
                    .fetch(m -> new CoachNote(m.getId(), m.getMessageType(), m.getMessage(), m.getPersonality(),
                            "model".equals(m.getSource()), m.getHabitId(), m.getGoalId(), m.getCreatedAt()));
        });
    }

    /** Archives the conversation: it keeps its messages and accepts no new ones. */
    public Conversation archive(String userId, String conversationId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            ChatConversationsRecord c = conversation(dsl, userId, conversationId, true);
            c.setStatus(ConversationStatus.ARCHIVED);
            c.setUpdatedAt(ctx.now());
            c.update();
            return toConversation(c);
        });
    }

    /**
     * How many messages the user sent to the language model in the last 24 hours (the quota's
     * rolling window; the name predates it).
     */
    public int modelRepliesUsedToday(String userId) {
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            return usedToday(dsl, UserRows.live(dsl, userId));
        });
    }

    private ChatExchange exchange(String userId, String conversationId, String message) {
        Instrumentation.Timing timing = ctx.instrumentation().start(Meters.CHAT,
                "operation", conversationId == null ? "start" : "send");
        try {
            ChatExchange exchange = exchangeUnobserved(userId, conversationId, message);
            timing.stop(exchange.source() == CoachMessage.Source.MODEL ? "model" : "template");
            return exchange;
        } catch (RuntimeException e) {
            timing.error(e, Meters.refusal(e));
            throw e;
        }
    }

    private ChatExchange exchangeUnobserved(String userId, String conversationId, String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidInputException("message", "1 to " + CoachEvent.ChatReply.MAX_USER_TEXT_CHARS
                    + " characters, not blank");
        }
        if (message.length() > CoachEvent.ChatReply.MAX_USER_TEXT_CHARS || message.indexOf('\0') >= 0
                || Texts.hasUnpairedSurrogate(message)) {
            throw new InvalidInputException("message", "at most " + CoachEvent.ChatReply.MAX_USER_TEXT_CHARS
                    + " characters, no NUL characters, valid Unicode (no unpaired surrogates)");
        }
        Prepared prepared = ctx.db().tx(cfg -> prepare(DSL.using(cfg), userId, conversationId, message));
        // Outside any transaction: the model may take up to its timeout.
        CoachContext context = CoachContext.forLanguageTag(prepared.user.getLanguage())
                .withSeed(prepared.question.id().hashCode())
                .withRecentMessages(prepared.recentCoachMessages);
        CoachMessage reply = writer.chat(prepared.user.getSelectedPersonality(),
                new CoachEvent.ChatReply(message, prepared.habits), prepared.history, context);
        InstrumentedCoachModel.countMessage(ctx.instrumentation(), reply, "chat");
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            var now = ctx.now();
            ChatMessagesRecord stored = dsl.insertInto(CHAT_MESSAGES)
                    .set(CHAT_MESSAGES.ID, ctx.ids().next()).set(CHAT_MESSAGES.USER_ID, prepared.user.getId())
                    .set(CHAT_MESSAGES.CONVERSATION_ID, prepared.conversation.id())
                    .set(CHAT_MESSAGES.ROLE, ChatRole.ASSISTANT).set(CHAT_MESSAGES.CONTENT, reply.text())
                    .set(CHAT_MESSAGES.CREATED_AT, now)
                    .returning().fetchSingle();
            dsl.insertInto(AI_MESSAGES)
                    .set(AI_MESSAGES.ID, ctx.ids().next()).set(AI_MESSAGES.USER_ID, prepared.user.getId())
                    .set(AI_MESSAGES.PERSONALITY, reply.personalityId())
                    .set(AI_MESSAGES.MESSAGE_TYPE, reply.type()).set(AI_MESSAGES.MESSAGE, reply.text())
                    .set(AI_MESSAGES.SOURCE, reply.source() == CoachMessage.Source.MODEL ? "model" : "template")
                    .set(AI_MESSAGES.CREATED_AT, now)
                    .execute();
            dsl.update(CHAT_CONVERSATIONS).set(CHAT_CONVERSATIONS.UPDATED_AT, now)
                    .where(CHAT_CONVERSATIONS.ID.eq(prepared.conversation.id()))
                    .and(CHAT_CONVERSATIONS.USER_ID.eq(prepared.user.getId())).execute();
            return new ChatExchange(prepared.conversation, prepared.question, toMessage(stored), reply.source());
        });
    }

    private record Prepared(UsersRecord user, Conversation conversation, ChatMessage question,
            List<ChatTurn> history, List<CoachEvent.ChatReply.HabitSnapshot> habits, List<String> recentCoachMessages) {
    }

    /**
     * First transaction: checks the user, the conversation and the quota, stores the user's
     * message, and reads what the prompt needs. The user's row is locked so that concurrent
     * messages of one user count against the quota one after the other.
     */
    private Prepared prepare(DSLContext dsl, String userId, String conversationId, String message) {
        UsersRecord user = userId == null ? null : dsl.selectFrom(io.habitcoach.jooq.schema.Tables.USERS)
                .where(io.habitcoach.jooq.schema.Tables.USERS.ID.eq(userId))
                .and(io.habitcoach.jooq.schema.Tables.USERS.DELETED_AT.isNull()).forNoKeyUpdate().fetchOne();
        if (user == null) {
            throw new NotFoundException("user", String.valueOf(userId));
        }
        if (modelConfigured) {
            int used = usedToday(dsl, user);
            if (!quota.allows(user.getPlan(), used)) {
                throw new CoachQuotaExceededException(user.getPlan(), quota.dailyLimit(user.getPlan()), used);
            }
        }
        var now = ctx.now();
        ChatConversationsRecord conversation;
        if (conversationId == null) {
            // under the user's row lock (above): concurrent starts of one user count one after the other
            UserRows.requireBelow(dsl.fetchCount(CHAT_CONVERSATIONS, CHAT_CONVERSATIONS.USER_ID.eq(user.getId())),
                    ctx.settings().limits().maxConversationsPerUser(), "conversations");
            conversation = dsl.insertInto(CHAT_CONVERSATIONS)
                    .set(CHAT_CONVERSATIONS.ID, ctx.ids().next()).set(CHAT_CONVERSATIONS.USER_ID, user.getId())
                    .set(CHAT_CONVERSATIONS.TITLE, ConversationTitle.fromFirstMessage(message))
                    .set(CHAT_CONVERSATIONS.CREATED_AT, now).set(CHAT_CONVERSATIONS.UPDATED_AT, now)
                    .returning().fetchSingle();
        } else {
            conversation = conversation(dsl, user.getId(), conversationId, true);
            if (conversation.getStatus() != ConversationStatus.ACTIVE) {
                throw new InvalidInputException("conversationId", "an active conversation; " + conversationId
                        + " is archived");
            }
        }
        List<ChatTurn> history = new ArrayList<>();
        dsl.selectFrom(CHAT_MESSAGES).where(CHAT_MESSAGES.CONVERSATION_ID.eq(conversation.getId()))
                .and(CHAT_MESSAGES.USER_ID.eq(user.getId()))
                .orderBy(CHAT_MESSAGES.CREATED_AT.desc(), CHAT_MESSAGES.ID.desc())
                .limit(historyMessages)
                .forEach(m -> history.add(new ChatTurn(m.getRole(), m.getContent())));
        Collections.reverse(history);
        ChatMessagesRecord question = dsl.insertInto(CHAT_MESSAGES)
                .set(CHAT_MESSAGES.ID, ctx.ids().next()).set(CHAT_MESSAGES.USER_ID, user.getId())
                .set(CHAT_MESSAGES.CONVERSATION_ID, conversation.getId())
                .set(CHAT_MESSAGES.ROLE, ChatRole.USER).set(CHAT_MESSAGES.CONTENT, message)
                .set(CHAT_MESSAGES.CREATED_AT, now)
                .returning().fetchSingle();
        LocalDate today = Days.today(ctx.clock(), user);
        List<CoachEvent.ChatReply.HabitSnapshot> habits = dsl.selectFrom(HABITS)
                .where(HABITS.USER_ID.eq(user.getId())).and(HABITS.STATUS.eq(HabitStatus.ACTIVE))
                .orderBy(HABITS.CREATED_AT, HABITS.ID)
                .limit(io.habitcoach.core.coach.CoachPrompt.MAX_HABITS) // what one prompt carries (issue 20)
                .fetch(h -> {
                    var streak = HabitRows.summary(h, user.getFirstDayOfWeek(), today);
                    return new CoachEvent.ChatReply.HabitSnapshot(h.getName(), streak.current(), streak.longest(),
                            h.getFrequency() == FrequencyType.PER_WEEK ? StreakUnit.WEEKS : StreakUnit.DAYS);
                });
        return new Prepared(user, toConversation(conversation), toMessage(question), history, habits,
                CoachRecorder.recentMessages(dsl, user.getId()));
    }

    /** The quota's window: a rolling 24 hours, which no setting of the user can move. */
    public static final java.time.Duration QUOTA_WINDOW = java.time.Duration.ofHours(24);

    /**
     * Messages the user sent in the last 24 hours: each was one request to the model. A rolling
     * window, not the user's local day: counting from the start of the current local day let a
     * user at their limit change time zone or day start and get a new day (issue 20).
     */
    private int usedToday(DSLContext dsl, UsersRecord user) {
        OffsetDateTime since = ctx.now().minus(QUOTA_WINDOW);
        return dsl.fetchCount(CHAT_MESSAGES, CHAT_MESSAGES.USER_ID.eq(user.getId())
                .and(CHAT_MESSAGES.ROLE.eq(ChatRole.USER)).and(CHAT_MESSAGES.CREATED_AT.gt(since)));
    }

    private static ChatConversationsRecord conversation(DSLContext dsl, String userId, String id, boolean lock) {
        var query = dsl.selectFrom(CHAT_CONVERSATIONS).where(CHAT_CONVERSATIONS.ID.eq(Objects.requireNonNullElse(id, "")))
                .and(CHAT_CONVERSATIONS.USER_ID.eq(userId));
        ChatConversationsRecord c = lock ? query.forNoKeyUpdate().fetchOne() : query.fetchOne();
        if (c == null) {
            throw new NotFoundException("conversation", String.valueOf(id));
        }
        return c;
    }

    private static Conversation toConversation(ChatConversationsRecord c) {
        return new Conversation(c.getId(), c.getTitle(), c.getStatus(), c.getCreatedAt(), c.getUpdatedAt());
    }

    private static ChatMessage toMessage(ChatMessagesRecord m) {
        return new ChatMessage(m.getId(), m.getConversationId(), m.getRole(), m.getContent(), m.getCreatedAt());
    }
}
