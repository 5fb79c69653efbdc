package io.habitcoach.jooq.internal;

import static io.habitcoach.jooq.schema.Tables.HABITS;
import static io.habitcoach.jooq.schema.Tables.USERS;
import static io.habitcoach.jooq.schema.Tables.USER_EMAILS;

import io.habitcoach.core.LimitExceededException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.jooq.users.User;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.ZoneId;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads of the users table shared by the services; a soft-deleted user is never found. */
public final class UserRows {

    private UserRows() {
    }

    public static User toUser(UsersRecord r) {
        return new User(r.getId(), r.getEmail(), r.getName(), ZoneId.of(r.getTimezone()), r.getLanguage(),
                r.getSelectedPersonality(), r.getPlan(), r.getDayStart(), r.getFirstDayOfWeek(), r.getCreatedAt(),
                r.getUpdatedAt());
    }

    /** The live user, or {@link NotFoundException}. */
    public static UsersRecord live(DSLContext dsl, String userId) {
        Db.wroteFor(userId);   // read-your-writes: whatever this call commits, the user's replica reads wait for it
        UsersRecord user = userId == null ? null
                : dsl.selectFrom(USERS).where(USERS.ID.eq(userId)).and(USERS.DELETED_AT.isNull()).fetchOne();
        if (user == null) {
            throw new NotFoundException("user", String.valueOf(userId));
        }
        return user;
    }

    /** The live user, locked against concurrent deletion for the rest of the transaction. */
    public static UsersRecord liveForShare(DSLContext dsl, String userId) {
        Db.wroteFor(userId);
        UsersRecord user = userId == null ? null
                : dsl.selectFrom(USERS).where(USERS.ID.eq(userId)).and(USERS.DELETED_AT.isNull()).forShare().fetchOne();
        if (user == null) {
            throw new NotFoundException("user", String.valueOf(userId));
        }
        return user;
    }

    /**
     * The live user, locked {@code FOR NO KEY UPDATE} for the rest of the transaction: calls of one
     * user that take it run one after the other, so a per-user count read under it (a cap,
     * {@link #requireBelow}) is still true at commit. It conflicts with {@link #liveForShare} and with
     * updates of the user's row, not with the foreign-key checks of inserts into other tables.
     */
    public static UsersRecord liveForUpdate(DSLContext dsl, String userId) {
        Db.wroteFor(userId);
        UsersRecord user = userId == null ? null
                : dsl.selectFrom(USERS).where(USERS.ID.eq(userId)).and(USERS.DELETED_AT.isNull()).forNoKeyUpdate().fetchOne();
        if (user == null) {
            throw new NotFoundException("user", String.valueOf(userId));
        }
        return user;
    }

    /**
     * Refuses one more row when {@code existing} already reached {@code limit}
     * ({@link LimitExceededException} naming {@code what}); call it under the lock that serializes the
     * inserts being counted.
     */
    public static void requireBelow(int existing, int limit, String what) {
        if (existing >= limit) {
            throw new LimitExceededException(what, limit);
        }
    }

    /**
     * The live user with this (normalized) email, if any: the global lookup row names the user,
     * then the user's row is read by id. Two single-row reads by primary key; on Citus each reads
     * one shard (the email's, then the user's), where one join would read every shard.
     */
    public static Optional<UsersRecord> byEmail(Db db, String email) {
        String userId = db.read(dsl -> dsl.select(USER_EMAILS.USER_ID).from(USER_EMAILS)
                .where(USER_EMAILS.EMAIL.eq(email)).fetchOne(USER_EMAILS.USER_ID));
        if (userId == null) {
            return Optional.empty();
        }
        return db.read(dsl -> dsl.selectFrom(USERS).where(USERS.ID.eq(userId)).and(USERS.EMAIL.eq(email))
                .and(USERS.DELETED_AT.isNull()).fetchOptional());
    }

    /**
     * The zone as the habits' copy stores it (V4's habits.user_timezone): the zone if the server
     * knows it, else null (no reminders for such a habit, and no failure of anyone else's).
     */
    public static String serverZone(DSLContext dsl, String zone) {
        return dsl.select(DSL.field("CASE WHEN habitcoach_zone_known({0}) THEN {0} END", String.class, DSL.val(zone)))
                .fetchOne(0, String.class);
    }

    /** Copies the user's (new) zone onto their habits, in the transaction that changes it. */
    public static void copyZoneToHabits(DSLContext dsl, String userId, String zone) {
        String stored = serverZone(dsl, zone);
        dsl.update(HABITS).set(HABITS.USER_TIMEZONE, stored)
                .where(HABITS.USER_ID.eq(userId)).and(HABITS.USER_TIMEZONE.isDistinctFrom(stored)).execute();
    }
}
