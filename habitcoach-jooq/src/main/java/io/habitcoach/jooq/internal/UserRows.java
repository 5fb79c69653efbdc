package io.habitcoach.jooq.internal;

import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.NotFoundException;
import io.habitcoach.jooq.users.User;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.time.ZoneId;
import org.jooq.DSLContext;

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
        UsersRecord user = userId == null ? null
                : dsl.selectFrom(USERS).where(USERS.ID.eq(userId)).and(USERS.DELETED_AT.isNull()).fetchOne();
        if (user == null) {
            throw new NotFoundException("user", String.valueOf(userId));
        }
        return user;
    }

    /** The live user, locked against concurrent deletion for the rest of the transaction. */
    public static UsersRecord liveForShare(DSLContext dsl, String userId) {
        UsersRecord user = userId == null ? null
                : dsl.selectFrom(USERS).where(USERS.ID.eq(userId)).and(USERS.DELETED_AT.isNull()).forShare().fetchOne();
        if (user == null) {
            throw new NotFoundException("user", String.valueOf(userId));
        }
        return user;
    }
}
