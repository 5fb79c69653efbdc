package io.habitcoach.jooq.accounts;

import io.habitcoach.jooq.HabitCoach;

import static io.habitcoach.jooq.schema.Tables.SESSIONS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.jooq.internal.ClientInfo;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Pages;
import io.habitcoach.jooq.internal.Secrets;
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.schema.tables.records.SessionsRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Login sessions. A session's token is 256 random bits from {@link java.security.SecureRandom},
 * returned once by {@link #create}; the database stores only its SHA-256, so a copy of the
 * {@code sessions} table cannot be used to log in. A token validates only while its session is
 * neither expired nor revoked nor, with {@link HabitCoach.Builder#sessionIdleTimeout}, idle for
 * longer than the timeout, and its user is not soft-deleted. Obtain it from
 * {@link HabitCoach#sessions()}.
 */
public final class SessionService {

    /** The longest lifetime a session may be given. */
    public static final Duration MAX_TTL = Duration.ofDays(400);

    private final Context ctx;
    /** Null: sessions never go idle. */
    private final Duration idleTimeout;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public SessionService(Context ctx) {
        this(ctx, null);
    }

    /**
     * Internal: with {@code idleTimeout} (null for none) set by
     * {@link HabitCoach.Builder#sessionIdleTimeout}.
     */
    public SessionService(Context ctx, Duration idleTimeout) {
        this.ctx = ctx;
        this.idleTimeout = idleTimeout;
    }

    /** Not idle for longer than the configured timeout: last used (or, never used, created) recently. */
    private Condition notIdle(OffsetDateTime now) {
        return idleTimeout == null ? DSL.trueCondition()
                : DSL.coalesce(SESSIONS.LAST_USED_AT, SESSIONS.CREATED_AT).gt(now.minus(idleTimeout));
    }

    /**
     * Creates a session for a live user that expires after {@code ttl} (from one second to
     * {@link #MAX_TTL}). The user agent (at most 1,000 characters) and IP address (an IPv4 or IPv6
     * literal) are optional.
     */
    public IssuedSession create(String userId, Duration ttl, String userAgent, String ipAddress) {
        InvalidInputException.requirePresent(ttl, "ttl");
        InvalidInputException.require(ttl.compareTo(Duration.ofSeconds(1)) >= 0 && ttl.compareTo(MAX_TTL) <= 0,
                "ttl", "from 1 second to " + MAX_TTL.toDays() + " days, got " + ttl);
        String agent = ClientInfo.userAgent(userAgent);
        String ip = ClientInfo.ipAddress(ipAddress);
        String token = userId == null ? null : Secrets.newSessionToken(userId);
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            SessionsRecord created = dsl.insertInto(SESSIONS)
                    .set(SESSIONS.ID, ctx.ids().next())
                    .set(SESSIONS.USER_ID, userId)
                    .set(SESSIONS.TOKEN, Secrets.tokenHash(token))
                    .set(SESSIONS.USER_AGENT, agent)
                    .set(SESSIONS.IP_ADDRESS, ip)
                    .set(SESSIONS.EXPIRES_AT, now.plus(ttl))
                    .set(SESSIONS.CREATED_AT, now)
                    .returning()
                    .fetchOne();
            return new IssuedSession(token, toSession(created));
        });
    }

    /** How fresh {@code last_used_at} must be for {@link #validate} to leave it as it is. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /**
     * The session of a presented token, if it is valid now; records the use in
     * {@code last_used_at}, to the minute: a session used within the last minute is validated by
     * one read, without a write (a host that validates on every request would otherwise update the
     * row on every request). An expired or revoked session, a soft-deleted user's, and any string
     * that is not a token we issued give an empty result. Only a null token is an error.
     */
    public Optional<Session> validate(String token) {
        return use(token, Map.of(), true);
    }

    /**
     * Like {@link #validate}, and also records the client's current user agent and IP address
     * (null leaves the stored value as it is). Always writes.
     */
    public Optional<Session> touch(String token, String userAgent, String ipAddress) {
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        String agent = ClientInfo.userAgent(userAgent);
        String ip = ClientInfo.ipAddress(ipAddress);
        if (agent != null) {
            changes.put(SESSIONS.USER_AGENT, agent);
        }
        if (ip != null) {
            changes.put(SESSIONS.IP_ADDRESS, ip);
        }
        return use(token, changes, false);
    }

    private Optional<Session> use(String token, Map<Field<?>, Object> extra, boolean readIfRecent) {
        InvalidInputException.requirePresent(token, "token");
        if (!Secrets.looksLikeSessionToken(token)) {
            return Optional.empty();
        }
        String hash = Secrets.tokenHash(token);
        var now = ctx.now();
        // One statement finds the row by its hash (the unique index) and checks every condition.
        Condition usable = byToken(token, hash)
                .and(SESSIONS.REVOKED_AT.isNull())
                .and(SESSIONS.EXPIRES_AT.gt(now))
                .and(notIdle(now))
                .andExists(DSL.selectOne().from(USERS)
                        .where(USERS.ID.eq(SESSIONS.USER_ID)).and(USERS.DELETED_AT.isNull()));
        if (readIfRecent) {
            SessionsRecord recent = ctx.db().read(dsl -> dsl.selectFrom(SESSIONS).where(usable)
                    .and(SESSIONS.LAST_USED_AT.gt(now.minus(LAST_USED_PRECISION))).fetchOne());
            if (recent != null) {
                return matching(hash, recent);
            }
        }
        Map<Field<?>, Object> changes = new LinkedHashMap<>(extra);
        changes.put(SESSIONS.LAST_USED_AT, now);
        return ctx.db().tx(cfg -> matching(hash,
                DSL.using(cfg).update(SESSIONS).set(changes).where(usable).returning().fetchOne()));
    }

    /**
     * The row of a token: by its user and hash when the token carries its user's id (one user's
     * rows; on Citus one shard), by hash alone for a token issued before (every shard).
     */
    private static Condition byToken(String token, String hash) {
        String userId = Secrets.sessionTokenUser(token);
        return userId == null ? SESSIONS.TOKEN.eq(hash) : SESSIONS.USER_ID.eq(userId).and(SESSIONS.TOKEN.eq(hash));
    }

    /**
     * The session, if the row was found and its stored hash is the presented one. The index found
     * it by equality already; the constant-time comparison is defence in depth, so that no code
     * path ever compares secrets with String.equals.
     */
    private static Optional<Session> matching(String hash, SessionsRecord row) {
        return row == null || !Secrets.sameHash(hash, row.getToken()) ? Optional.empty() : Optional.of(toSession(row));
    }

    /**
     * The user's sessions that are neither expired nor revoked, newest first: the first
     * {@value io.habitcoach.jooq.PageRequest#MAX_LIMIT} of them ({@link #list(String, io.habitcoach.jooq.PageRequest)}
     * reads them all, a page at a time).
     */
    public List<Session> list(String userId) {
        return list(userId, io.habitcoach.jooq.PageRequest.first(io.habitcoach.jooq.PageRequest.MAX_LIMIT)).items();
    }

    /**
     * One page of the user's sessions that are neither expired nor revoked, newest first
     * ({@code created_at}, then id, both descending). A keyset page: a session created while the pages
     * are read is newer than every page and never repeats one. A cursor that is not this list's is
     * {@link InvalidInputException}.
     */
    public io.habitcoach.jooq.Page<Session> list(String userId, io.habitcoach.jooq.PageRequest page) {
        InvalidInputException.requirePresent(page, "page");
        var after = Pages.after(page, "sessions", SESSIONS.CREATED_AT, SESSIONS.ID, true);
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            var rows = dsl.selectFrom(SESSIONS)
                    .where(SESSIONS.USER_ID.eq(userId)).and(SESSIONS.REVOKED_AT.isNull())
                    .and(SESSIONS.EXPIRES_AT.gt(now)).and(notIdle(now)).and(after)
                    .orderBy(SESSIONS.CREATED_AT.desc(), SESSIONS.ID.desc())
                    .limit(Pages.fetchSize(page))
                    .fetch();
            return Pages.of(rows, page, "sessions", SESSIONS.CREATED_AT, SESSIONS.ID, SessionService::toSession);
        });
    }

    /**
     * Revokes one of the user's sessions ("log out that device"). Revoking a revoked session
     * changes nothing; another user's session is {@link NotFoundException}, like a missing one.
     */
    public void revoke(String userId, String sessionId) {
        var now = ctx.now();
        ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            SessionsRecord session = sessionId == null ? null
                    : dsl.selectFrom(SESSIONS).where(SESSIONS.ID.eq(sessionId)).and(SESSIONS.USER_ID.eq(userId))
                            .forUpdate().fetchOne();
            if (session == null) {
                throw new NotFoundException("session", String.valueOf(sessionId));
            }
            if (session.getRevokedAt() == null) {
                session.setRevokedAt(now);
                session.update();
            }
            return null;
        });
    }

    /**
     * Revokes the session of a presented token ("log out"). Returns whether a session that was
     * valid until now was revoked; an unknown, expired or already revoked token gives false.
     */
    public boolean revokeToken(String token) {
        InvalidInputException.requirePresent(token, "token");
        if (!Secrets.looksLikeSessionToken(token)) {
            return false;
        }
        String hash = Secrets.tokenHash(token);
        var now = ctx.now();
        return ctx.db().tx(cfg -> DSL.using(cfg).update(SESSIONS).set(SESSIONS.REVOKED_AT, now)
                .where(byToken(token, hash)).and(SESSIONS.REVOKED_AT.isNull()).and(SESSIONS.EXPIRES_AT.gt(now))
                .execute() > 0);
    }

    /**
     * Revokes every live session of the user (after a password change, or "log out everywhere");
     * returns how many were revoked.
     */
    public int revokeAll(String userId) {
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            return dsl.update(SESSIONS).set(SESSIONS.REVOKED_AT, now)
                    .where(SESSIONS.USER_ID.eq(userId)).and(SESSIONS.REVOKED_AT.isNull())
                    .and(SESSIONS.EXPIRES_AT.gt(now))
                    .execute();
        });
    }

    /**
     * Deletes every session that has expired, in one statement; returns how many. Run it from a
     * scheduled job: expired sessions never validate, so this only reclaims space.
     */
    public int deleteExpired() {
        OffsetDateTime now = ctx.now();
        return ctx.db().tx(cfg -> DSL.using(cfg).deleteFrom(SESSIONS).where(SESSIONS.EXPIRES_AT.le(now)).execute());
    }

    private static Session toSession(SessionsRecord r) {
        return new Session(r.getId(), r.getUserId(), r.getUserAgent(), r.getIpAddress(), r.getExpiresAt(),
                r.getCreatedAt(), r.getRevokedAt(), r.getLastUsedAt());
    }
}
