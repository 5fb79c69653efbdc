package io.habitcoach.jooq.accounts;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.User;

import static io.habitcoach.jooq.schema.Tables.SESSIONS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Secrets;
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.internal.UserRules;
import io.habitcoach.jooq.schema.tables.records.UsersRecord;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Passwords: set one, and log in with email and password. Hashing goes through the configured
 * {@link PasswordHasher} (bcrypt by default) and never holds a database connection. Obtain it
 * from {@link HabitCoach#credentials()}.
 */
public final class CredentialService {

    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 1_000;

    private final Context ctx;
    private final PasswordHasher hasher;
    private volatile String dummyHash;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public CredentialService(Context ctx, PasswordHasher hasher) {
        this.ctx = ctx;
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /**
     * Sets the password of a live user (8 to 1,000 characters; the hasher may allow fewer, e.g.
     * bcrypt 72 bytes). Existing sessions stay valid: use {@link #setPasswordRevokingSessions}
     * when the password changes because it may have leaked.
     */
    public void setPassword(String userId, CharSequence password) {
        store(userId, password, false, null);
    }

    /**
     * Sets the password like {@link #setPassword} and, in the same transaction, revokes every live
     * session of the user except {@code keepSessionId} (the session the change was made from; null
     * keeps none), so that whoever knew the old password is logged out everywhere. Returns how many
     * sessions were revoked.
     */
    public int setPasswordRevokingSessions(String userId, CharSequence password, String keepSessionId) {
        return store(userId, password, true, keepSessionId);
    }

    private int store(String userId, CharSequence password, boolean revokeSessions, String keepSessionId) {
        checkLength(password);
        String hash = hasher.hash(password); // slow on purpose: before the transaction, not inside it
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            int updated = dsl.update(USERS).set(USERS.PASSWORD, hash).set(USERS.UPDATED_AT, now)
                    .where(USERS.ID.eq(Objects.requireNonNullElse(userId, ""))).and(USERS.DELETED_AT.isNull())
                    .execute();
            if (updated == 0) {
                throw new NotFoundException("user", String.valueOf(userId));
            }
            if (!revokeSessions) {
                return 0;
            }
            return dsl.update(SESSIONS).set(SESSIONS.REVOKED_AT, now)
                    .where(SESSIONS.USER_ID.eq(userId)).and(SESSIONS.REVOKED_AT.isNull())
                    .and(SESSIONS.EXPIRES_AT.gt(now))
                    .and(keepSessionId == null ? DSL.trueCondition() : SESSIONS.ID.ne(keepSessionId))
                    .execute();
        });
    }

    /**
     * The live user with this email and password, or empty. An unknown email, a soft-deleted
     * user, a user without a password (OAuth only) and a wrong password all give empty and take
     * the same time: each runs one {@link PasswordHasher#verify} at the hasher's current settings,
     * against a dummy hash when there is no real one (and also against the dummy when the stored
     * hash is of weaker settings, which verify faster), so the response time does not tell which
     * emails are registered.
     * A malformed email or a password outside the length limits is an
     * {@link InvalidInputException}. A successful login whose stored hash the hasher reports as
     * weaker than its current settings ({@link PasswordHasher#needsRehash}) stores a new hash.
     */
    public Optional<User> authenticate(String email, CharSequence password) {
        String normalized = UserRules.email(email);
        checkLength(password);
        Optional<UsersRecord> user = UserRows.byEmail(ctx.db(), normalized);
        String stored = user.map(UsersRecord::getPassword).orElse(null);
        if (stored == null) {
            hasher.verify(password, dummyHash());
            return Optional.empty();
        }
        if (!hasher.verify(password, stored)) {
            if (hasher.needsRehash(stored)) {
                // A hash of a lower cost verifies faster than the dummy of an unknown email (after a
                // cost raise: 12 ms against 315 ms), which would tell registered emails apart. A
                // right password pays the current cost in rehash(); a wrong one pays it here.
                hasher.verify(password, dummyHash());
            }
            return Optional.empty();
        }
        if (hasher.needsRehash(stored)) {
            rehash(user.get().getId(), stored, password);
        }
        return user.map(UserRows::toUser);
    }

    /**
     * Replaces a verified hash made with weaker settings by a new one, unless the password changed
     * meanwhile (the update names the hash it replaces). A hasher that cannot hash this password
     * (bcrypt's 72 bytes) leaves the old hash: the login succeeded all the same.
     */
    private void rehash(String userId, String stored, CharSequence password) {
        String hash;
        try {
            hash = hasher.hash(password);
        } catch (InvalidInputException e) {
            return;
        }
        ctx.db().tx(cfg -> DSL.using(cfg).update(USERS).set(USERS.PASSWORD, hash)
                .where(USERS.ID.eq(userId)).and(USERS.PASSWORD.eq(stored)).and(USERS.DELETED_AT.isNull())
                .execute());
    }

    private static void checkLength(CharSequence password) {
        InvalidInputException.requirePresent(password, "password");
        int length = password.length();
        InvalidInputException.require(length >= MIN_PASSWORD && length <= MAX_PASSWORD, "password",
                MIN_PASSWORD + " to " + MAX_PASSWORD + " characters, got " + length);
        for (int i = 0; i < length; i++) {
            if (password.charAt(i) == '\0') {
                throw new InvalidInputException("password", "must not contain NUL characters");
            }
        }
    }

    /** A hash of a random password, made by the same hasher, so it costs what a real one costs. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(Secrets.newToken().substring(0, 32));
            dummyHash = hash;
        }
        return hash;
    }
}
