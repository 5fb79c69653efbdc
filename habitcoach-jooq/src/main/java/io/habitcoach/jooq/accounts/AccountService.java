package io.habitcoach.jooq.accounts;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.User;

import static io.habitcoach.jooq.schema.Tables.ACCOUNTS;
import static io.habitcoach.jooq.schema.Tables.ACCOUNT_LOGINS;
import static io.habitcoach.jooq.schema.Tables.USERS;

import io.habitcoach.core.ConflictException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.jooq.internal.Context;
import io.habitcoach.jooq.internal.Texts;
import io.habitcoach.jooq.internal.UserRows;
import io.habitcoach.jooq.schema.tables.records.AccountsRecord;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * OAuth accounts linked to users: at most one account per provider per user, and one user per
 * provider account. Access and refresh tokens are encrypted with the configured
 * {@link TokenCipher} before they are written, bound to their row, column and owner (a row moved
 * to another user does not decrypt; the database refuses the move anyway), and decrypted when
 * read; without a cipher, tokens are refused ({@link TokenCipherException}) rather than stored in
 * plain text. Obtain it from {@link HabitCoach#accounts()}.
 */
public final class AccountService {

    static final int MAX_PROVIDER_ACCOUNT_ID = 255;
    static final int MAX_TOKEN = 16_384;
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Context ctx;
    private final TokenCipher cipher;

    /** Internal: hosts get this service from {@link io.habitcoach.jooq.HabitCoach}. */
    public AccountService(Context ctx, TokenCipher cipher) {
        this.ctx = ctx;
        this.cipher = cipher;
    }

    /**
     * Links a provider account to a live user, or refreshes the tokens of the same link. Linking
     * again the account that is already linked replaces its tokens and expiry (a null token keeps
     * the stored one: providers often send the refresh token only on the first consent). A user
     * who has another account of this provider, and a provider account linked to another user,
     * are a {@link ConflictException}.
     */
    public LinkedAccount link(String userId, NewAccount account) {
        InvalidInputException.requirePresent(account, "account");
        String provider = provider(account.provider());
        String providerAccountId = providerAccountId(account.providerAccountId());
        String access = token("accessToken", account.accessToken());
        String refresh = token("refreshToken", account.refreshToken());
        if ((access != null || refresh != null) && cipher == null) {
            throw new TokenCipherException("OAuth tokens are stored only encrypted, and no TokenCipher is configured: "
                    + "HabitCoach.configure().tokenCipher(new AesGcmTokenCipher(key))");
        }
        var now = ctx.now();
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            AccountsRecord existing = dsl.selectFrom(ACCOUNTS)
                    .where(ACCOUNTS.USER_ID.eq(userId)).and(ACCOUNTS.PROVIDER.eq(provider))
                    .forUpdate().fetchOne();
            if (existing != null && !existing.getProviderAccountId().equals(providerAccountId)) {
                throw new ConflictException("the user already has a " + provider + " account linked; unlink it first");
            }
            AccountsRecord row = existing != null ? existing : dsl.newRecord(ACCOUNTS)
                    .setId(ctx.ids().next()).setUserId(userId).setProvider(provider)
                    .setProviderAccountId(providerAccountId).setCreatedAt(now);
            if (existing != null && !Boolean.TRUE.equals(existing.getTokenOwnerBound())) {
                // a row of the previous release: bind the token that is kept to its owner as well
                bindToOwner(existing);
            }
            row.setTokenOwnerBound(true);
            if (access != null) {
                row.setAccessToken(encrypt(access, row, ACCOUNTS.ACCESS_TOKEN));
            }
            if (refresh != null) {
                row.setRefreshToken(encrypt(refresh, row, ACCOUNTS.REFRESH_TOKEN));
            }
            if (account.tokenExpiry() != null || existing == null) {
                row.setTokenExpiry(account.tokenExpiry());
            }
            if (existing != null) {
                row.update();
            } else {
                // The global login row's primary key, (provider, provider_account_id), decides races
                // and links to other users alike (docs/scale-out.md); which user holds the account
                // is not revealed. A lost race on (user_id, provider) rolls the claim back.
                int claimed = dsl.insertInto(ACCOUNT_LOGINS)
                        .set(ACCOUNT_LOGINS.PROVIDER, provider)
                        .set(ACCOUNT_LOGINS.PROVIDER_ACCOUNT_ID, providerAccountId)
                        .set(ACCOUNT_LOGINS.USER_ID, userId)
                        .onConflictDoNothing().execute();
                int inserted = claimed == 0 ? 0 : dsl.insertInto(ACCOUNTS).set(row).onConflictDoNothing().execute();
                if (inserted == 0) {
                    throw new ConflictException("this " + provider + " account is already linked to a user");
                }
            }
            return toLinked(row);
        });
    }

    /** Unlinks the user's account of this provider, or {@link NotFoundException} if there is none. */
    public void unlink(String userId, String provider) {
        String normalized = provider(provider);
        ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.liveForShare(dsl, userId);
            String accountId = dsl.deleteFrom(ACCOUNTS)
                    .where(ACCOUNTS.USER_ID.eq(userId)).and(ACCOUNTS.PROVIDER.eq(normalized))
                    .returning(ACCOUNTS.PROVIDER_ACCOUNT_ID).fetchOne(ACCOUNTS.PROVIDER_ACCOUNT_ID);
            if (accountId == null) {
                throw new NotFoundException("account", normalized);
            }
            dsl.deleteFrom(ACCOUNT_LOGINS).where(ACCOUNT_LOGINS.PROVIDER_ACCOUNT_ID.eq(accountId))
                    .and(ACCOUNT_LOGINS.PROVIDER.eq(normalized)).and(ACCOUNT_LOGINS.USER_ID.eq(userId)).execute();
            return null;
        });
    }

    /** The user's account of this provider with its tokens decrypted, if linked. */
    public Optional<LinkedAccount> get(String userId, String provider) {
        String normalized = provider(provider);
        return ctx.db().tx(cfg -> {
            DSLContext dsl = DSL.using(cfg);
            UserRows.live(dsl, userId);
            return dsl.selectFrom(ACCOUNTS)
                    .where(ACCOUNTS.USER_ID.eq(userId)).and(ACCOUNTS.PROVIDER.eq(normalized))
                    .fetchOptional().map(this::toLinked);
        });
    }

    /** The live user who linked this provider account ("log in with Google"), if any. */
    public Optional<User> findUser(String provider, String providerAccountId) {
        String normalized = provider(provider);
        String accountId = providerAccountId(providerAccountId);
        // The global login row names the user; then one read of that user's rows (on Citus: two
        // single-shard reads, where one join of the lookup would read every shard).
        String userId = ctx.db().read(dsl -> dsl.select(ACCOUNT_LOGINS.USER_ID).from(ACCOUNT_LOGINS)
                .where(ACCOUNT_LOGINS.PROVIDER_ACCOUNT_ID.eq(accountId)).and(ACCOUNT_LOGINS.PROVIDER.eq(normalized))
                .fetchOne(ACCOUNT_LOGINS.USER_ID));
        if (userId == null) {
            return Optional.empty();
        }
        return ctx.db().read(dsl -> dsl.select(USERS.asterisk()).from(ACCOUNTS)
                .join(USERS).on(USERS.ID.eq(ACCOUNTS.USER_ID))
                .where(ACCOUNTS.USER_ID.eq(userId)).and(USERS.ID.eq(userId))
                .and(ACCOUNTS.PROVIDER.eq(normalized)).and(ACCOUNTS.PROVIDER_ACCOUNT_ID.eq(accountId))
                .and(USERS.DELETED_AT.isNull())
                .fetchOptional(r -> UserRows.toUser(r.into(USERS))));
    }

    /**
     * Rewrites every stored token that is not under the cipher's current key (after a key rotation:
     * {@code new AesGcmTokenCipher(newKey, oldKey)}) or not yet bound to its owner (written before
     * migration V10, when the associated data named the row and column only: run it once after
     * upgrading), walking the accounts in primary-key order, one
     * transaction of at most {@code batchSize} rows each, so it can run beside live traffic and be
     * stopped and started again. Returns how many accounts were rewritten; once it returns 0 after a
     * rotation, the old key can be dropped from the configuration. A token that does not decrypt
     * stops the job with {@link TokenDecryptionException} (its batch is rolled back).
     */
    public int reencryptTokens(int batchSize) {
        InvalidInputException.require(batchSize >= 1 && batchSize <= 10_000, "batchSize",
                "between 1 and 10,000, got " + batchSize);
        if (cipher == null) {
            throw new TokenCipherException("no TokenCipher is configured to re-encrypt with");
        }
        int rewritten = 0;
        String after = "";
        while (true) {
            String from = after;
            var batch = ctx.db().tx(cfg -> {
                DSLContext dsl = DSL.using(cfg);
                // No lock on the batch (Citus locks rows in single-user statements only): each
                // rewrite names the ciphertexts it read, so a token a concurrent link() wrote
                // meanwhile (under the current key already) is left alone. docs/scale-out.md.
                var rows = dsl.selectFrom(ACCOUNTS).where(ACCOUNTS.ID.gt(from))
                        .and(ACCOUNTS.ACCESS_TOKEN.isNotNull().or(ACCOUNTS.REFRESH_TOKEN.isNotNull()))
                        .orderBy(ACCOUNTS.ID).limit(batchSize).fetch();
                int changed = 0;
                for (AccountsRecord row : rows) {
                    String accessBefore = row.getAccessToken();
                    String refreshBefore = row.getRefreshToken();
                    boolean rewrite;
                    if (!Boolean.TRUE.equals(row.getTokenOwnerBound())) {
                        bindToOwner(row);        // written before V10: bind to the owner, under the current key
                        rewrite = true;
                    } else {
                        boolean access = reencrypt(row, ACCOUNTS.ACCESS_TOKEN);
                        boolean refresh = reencrypt(row, ACCOUNTS.REFRESH_TOKEN);
                        rewrite = access || refresh;
                    }
                    if (rewrite) {
                        changed += dsl.update(ACCOUNTS).set(ACCOUNTS.ACCESS_TOKEN, row.getAccessToken())
                                .set(ACCOUNTS.REFRESH_TOKEN, row.getRefreshToken())
                                .set(ACCOUNTS.TOKEN_OWNER_BOUND, true)
                                .where(ACCOUNTS.USER_ID.eq(row.getUserId())).and(ACCOUNTS.ID.eq(row.getId()))
                                .and(ACCOUNTS.ACCESS_TOKEN.isNotDistinctFrom(accessBefore))
                                .and(ACCOUNTS.REFRESH_TOKEN.isNotDistinctFrom(refreshBefore))
                                .execute();
                    }
                }
                return new Batch(rows.isEmpty() ? null : rows.get(rows.size() - 1).getId(), rows.size(), changed);
            });
            rewritten += batch.changed();
            if (batch.read() < batchSize) {
                return rewritten;
            }
            after = batch.lastId();
        }
    }

    private record Batch(String lastId, int read, int changed) {
    }

    private boolean reencrypt(AccountsRecord row, TableField<AccountsRecord, String> column) {
        String stored = row.get(column);
        if (stored == null || cipher.isCurrent(stored)) {
            return false;
        }
        String plain = decrypt(stored, row, column);
        row.set(column, encrypt(plain, row, column));
        return true;
    }

    /** Re-encrypts a row's tokens written with the old associated data under the owner-bound one. */
    private void bindToOwner(AccountsRecord row) {
        for (TableField<AccountsRecord, String> column : java.util.List.of(ACCOUNTS.ACCESS_TOKEN, ACCOUNTS.REFRESH_TOKEN)) {
            String plain = decrypt(row.get(column), row, column);
            if (plain != null) {
                row.set(column, encrypt(plain, row.getId(), row.getUserId(), column.getName()));
            }
        }
        row.setTokenOwnerBound(true);
    }

    private String encrypt(String token, AccountsRecord row, TableField<AccountsRecord, String> column) {
        return encrypt(token, row.getId(), row.getUserId(), column.getName());
    }

    private String decrypt(String stored, AccountsRecord row, TableField<AccountsRecord, String> column) {
        String userId = Boolean.TRUE.equals(row.getTokenOwnerBound()) ? row.getUserId() : null;
        return decrypt(stored, row.getId(), userId, column.getName());
    }

    private String encrypt(String token, String accountId, String userId, String column) {
        String sealed;
        try {
            sealed = cipher.encrypt(token, associatedData(accountId, userId, column));
        } catch (TokenCipherException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TokenCipherException("the TokenCipher failed to encrypt: " + e.getMessage(), e);
        }
        if (sealed == null || sealed.equals(token)) {
            throw new TokenCipherException("the TokenCipher returned " + (sealed == null ? "null" : "the plaintext"));
        }
        return sealed;
    }

    private String decrypt(String stored, String accountId, String userId, String column) {
        if (stored == null) {
            return null;
        }
        if (cipher == null) {
            throw new TokenCipherException("the stored OAuth tokens are encrypted, and no TokenCipher is configured");
        }
        try {
            return cipher.decrypt(stored, associatedData(accountId, userId, column));
        } catch (TokenCipherException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TokenDecryptionException("the TokenCipher failed to decrypt: " + e.getMessage(), e);
        }
    }

    /**
     * Binds a ciphertext to its row, column and owner, so that one copied into another row, or a
     * row moved to another user, does not decrypt. A null owner gives the associated data of rows
     * written before the owner was part of it (token_owner_bound false), read until
     * {@link #reencryptTokens} rewrites them.
     */
    private static String associatedData(String accountId, String userId, String column) {
        return userId == null ? "habitcoach/accounts/" + accountId + "/" + column
                : "habitcoach/accounts/" + accountId + "/user/" + userId + "/" + column;
    }

    private LinkedAccount toLinked(AccountsRecord r) {
        return new LinkedAccount(r.getId(), r.getUserId(), r.getProvider(), r.getProviderAccountId(),
                decrypt(r.getAccessToken(), r, ACCOUNTS.ACCESS_TOKEN),
                decrypt(r.getRefreshToken(), r, ACCOUNTS.REFRESH_TOKEN),
                r.getTokenExpiry(), r.getCreatedAt());
    }

    private static String provider(String provider) {
        String value = Texts.required("provider", provider, 64).toLowerCase(Locale.ROOT);
        if (!PROVIDER.matcher(value).matches()) {
            throw new InvalidInputException("provider", "a name such as google or github (letters, digits, . _ -), got "
                    + value);
        }
        return value;
    }

    private static String providerAccountId(String providerAccountId) {
        return Texts.required("providerAccountId", providerAccountId, MAX_PROVIDER_ACCOUNT_ID);
    }

    private static String token(String field, String token) {
        return token == null ? null : Texts.required(field, token, MAX_TOKEN);
    }
}
