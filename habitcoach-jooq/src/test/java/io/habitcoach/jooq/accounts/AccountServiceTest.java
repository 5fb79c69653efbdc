package io.habitcoach.jooq.accounts;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.ConflictException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.HabitCoachTestDatabase;
import io.habitcoach.testkit.MutableClock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class AccountServiceTest {

    private static final byte[] KEY = key(1);
    private static final byte[] OTHER_KEY = key(2);

    private final MutableClock clock = MutableClock.at("2026-03-10T12:00:00Z");
    private DataSource dataSource;
    private HabitCoach coach;
    private DSLContext sql;
    private String userId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        this.dataSource = dataSource;
        coach = coachWith(new AesGcmTokenCipher(KEY));
        sql = DSL.using(dataSource, SQLDialect.POSTGRES);
        userId = newUser();
    }

    private HabitCoach coachWith(TokenCipher cipher) {
        HabitCoach.Builder builder = HabitCoach.configure().dataSource(dataSource).clock(clock);
        return (cipher == null ? builder : builder.tokenCipher(cipher)).load();
    }

    private String newUser() {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static String secret(String label) {
        return label + "-" + UUID.randomUUID() + UUID.randomUUID();
    }

    private NewAccount google(String accountId, String access, String refresh) {
        return NewAccount.builder().provider("google").providerAccountId(accountId).accessToken(access)
                .refreshToken(refresh).tokenExpiry(OffsetDateTime.parse("2026-03-10T13:00:00Z")).build();
    }

    private int accountRows() {
        return sql.fetchCount(DSL.table("accounts"));
    }

    /** Every row of every table in the schema, as PostgreSQL prints it. */
    private String everyRowOfEveryTable() {
        StringBuilder all = new StringBuilder();
        for (String table : sql.fetch("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                .getValues(0, String.class)) {
            sql.fetch("SELECT t::text FROM " + DSL.quotedName(table) + " t").forEach(r -> all.append(r.get(0)).append('\n'));
        }
        return all.toString();
    }

    @Test
    void tokensReadBackDecryptedButAreNowhereInTheTableInPlainText() {
        String access = secret("access");
        String refresh = secret("refresh");

        LinkedAccount linked = coach.accounts().link(userId, google("g-1", access, refresh));

        assertThat(linked.accessToken()).isEqualTo(access);
        assertThat(linked.refreshToken()).isEqualTo(refresh);
        assertThat(linked.toString()).doesNotContain(access, refresh);
        LinkedAccount read = coach.accounts().get(userId, "google").orElseThrow();
        assertThat(read.accessToken()).isEqualTo(access);
        assertThat(read.refreshToken()).isEqualTo(refresh);
        assertThat(read.tokenExpiry()).isEqualTo(OffsetDateTime.parse("2026-03-10T13:00:00Z"));

        String table = String.join("\n", sql.fetch("SELECT a::text FROM accounts a").getValues(0, String.class));
        assertThat(table).contains("g-1").doesNotContain(access, refresh, access.substring(7, 40),
                refresh.substring(8, 40));
        assertThat(everyRowOfEveryTable()).doesNotContain(access, refresh);
        String stored = (String) sql.fetchValue("SELECT access_token FROM accounts WHERE id = ?", linked.id());
        assertThat(stored).startsWith("v1:");
    }

    @Test
    void theSameTokenEncryptsDifferentlyEveryTime() {
        String token = secret("same");
        coach.accounts().link(userId, google("g-same", token, token));
        Object[] stored = sql.fetchOne("SELECT access_token, refresh_token FROM accounts WHERE user_id = ?", userId)
                .intoArray();
        assertThat(stored[0]).isNotEqualTo(stored[1]);
    }

    @Test
    void aWrongKeyFailsLoudlyNotWithGarbage() {
        coach.accounts().link(userId, google("g-key", secret("access"), secret("refresh")));

        assertThatThrownBy(() -> coachWith(new AesGcmTokenCipher(OTHER_KEY)).accounts().get(userId, "google"))
                .isInstanceOf(TokenDecryptionException.class)
                .hasMessageContaining("not configured");
        assertThatThrownBy(() -> coachWith(null).accounts().get(userId, "google"))
                .isInstanceOf(TokenCipherException.class);
        // a wrong key that claims the right key id (a custom cipher or a collision) fails the tag check
        String stored = (String) sql.fetchValue("SELECT access_token FROM accounts WHERE user_id = ?", userId);
        String associated = "habitcoach/accounts/" + sql.fetchValue("SELECT id FROM accounts WHERE user_id = ?", userId)
                + "/user/" + userId + "/access_token";
        assertThat(new AesGcmTokenCipher(KEY).decrypt(stored, associated)).startsWith("access-");
        assertThatThrownBy(() -> new AesGcmTokenCipher(KEY).decrypt(stored, associated + "x"))
                .isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void aTamperedOrTransplantedCiphertextFailsLoudly() {
        String victim = newUser();
        coach.accounts().link(victim, google("g-victim", secret("victim"), null));
        coach.accounts().link(userId, google("g-attacker", secret("attacker"), null));

        // copy the victim's ciphertext into the attacker's row: bound to the victim's row, it does not decrypt
        // (read, then write: on Citus the two users' rows are on different shards)
        String stolen = sql.fetchValue("SELECT access_token FROM accounts WHERE user_id = ?", victim).toString();
        sql.execute("UPDATE accounts SET access_token = ? WHERE user_id = ?", stolen, userId);
        assertThatThrownBy(() -> coach.accounts().get(userId, "google")).isInstanceOf(TokenDecryptionException.class);

        String stored = (String) sql.fetchValue("SELECT access_token FROM accounts WHERE user_id = ?", victim);
        int at = stored.length() - 5;
        String flipped = stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);
        sql.execute("UPDATE accounts SET access_token = ? WHERE user_id = ?", flipped, victim);
        assertThatThrownBy(() -> coach.accounts().get(victim, "google")).isInstanceOf(TokenDecryptionException.class);

        sql.execute("UPDATE accounts SET access_token = 'a plain text token' WHERE user_id = ?", victim);
        assertThatThrownBy(() -> coach.accounts().get(victim, "google")).isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void rotatedKeysStillDecryptAndNewValuesUseTheNewKey() {
        String access = secret("old");
        coach.accounts().link(userId, google("g-rot", access, null));

        HabitCoach rotated = coachWith(new AesGcmTokenCipher(OTHER_KEY, KEY));
        assertThat(rotated.accounts().get(userId, "google").orElseThrow().accessToken()).isEqualTo(access);

        String fresh = secret("new");
        rotated.accounts().link(userId, google("g-rot", fresh, null));
        assertThat(coachWith(new AesGcmTokenCipher(OTHER_KEY)).accounts().get(userId, "google").orElseThrow()
                .accessToken()).isEqualTo(fresh);
    }

    @Test
    void reencryptingAfterARotationMovesEveryTokenToTheNewKeySoTheOldOneCanBeDropped() {
        // a database of its own: other tests of this class leave tampered values behind on purpose
        try (HabitCoachTestDatabase db = HabitCoachTestDatabase.create()) {
            HabitCoach old = HabitCoach.configure().dataSource(db.dataSource()).clock(clock)
                    .tokenCipher(new AesGcmTokenCipher(KEY)).load();
            List<String> users = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String user = old.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
                String access = secret("access" + i);
                String refresh = i % 2 == 0 ? secret("refresh" + i) : null;   // some accounts have no refresh token
                old.accounts().link(user, google("g-bulk-" + i, access, refresh));
                users.add(user);
                tokens.add(access + "|" + refresh);
            }
            HabitCoach rotated = HabitCoach.configure().dataSource(db.dataSource()).clock(clock)
                    .tokenCipher(new AesGcmTokenCipher(OTHER_KEY, KEY)).load();
            String fresh = secret("fresh");   // account 0 gets a new access token: its refresh token stays old
            rotated.accounts().link(users.get(0), google("g-bulk-0", fresh, null));
            tokens.set(0, fresh + "|" + tokens.get(0).split("\\|")[1]);

            assertThat(rotated.accounts().reencryptTokens(2)).isEqualTo(5);   // three batches of at most two
            assertThat(rotated.accounts().reencryptTokens(2)).isZero();

            HabitCoach newKeyOnly = HabitCoach.configure().dataSource(db.dataSource()).clock(clock)
                    .tokenCipher(new AesGcmTokenCipher(OTHER_KEY)).load();
            for (int i = 0; i < users.size(); i++) {
                LinkedAccount account = newKeyOnly.accounts().get(users.get(i), "google").orElseThrow();
                assertThat(account.accessToken() + "|" + account.refreshToken()).isEqualTo(tokens.get(i));
            }
            // a value no configured key can read stops the job loudly, and its batch is rolled back
            DSL.using(db.dataSource(), SQLDialect.POSTGRES).execute(
                    "UPDATE accounts SET access_token = 'v1:unknown:AAAA' WHERE user_id = ?", users.get(3));
            assertThatThrownBy(() -> HabitCoach.configure().dataSource(db.dataSource()).clock(clock)
                    .tokenCipher(new AesGcmTokenCipher(key(7), OTHER_KEY)).load().accounts().reencryptTokens(100))
                    .isInstanceOf(TokenDecryptionException.class);
            assertThat(newKeyOnly.accounts().get(users.get(1), "google").orElseThrow().accessToken())
                    .isEqualTo(tokens.get(1).split("\\|")[0]);
            assertThatThrownBy(() -> rotated.accounts().reencryptTokens(0)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void withoutACipherTokensAreRefusedAndNothingIsWritten() {
        HabitCoach plain = coachWith(null);
        int before = accountRows();

        assertThatThrownBy(() -> plain.accounts().link(userId, google("g-plain", "tok", null)))
                .isInstanceOf(TokenCipherException.class).hasMessageContaining("tokenCipher");
        assertThat(accountRows()).isEqualTo(before);

        LinkedAccount noTokens = plain.accounts().link(userId, google("g-plain", null, null));
        assertThat(noTokens.accessToken()).isNull();
        assertThat(plain.accounts().findUser("google", "g-plain")).map(User::id).contains(userId);
    }

    @Test
    void linkingAgainRefreshesTokensAndANullTokenKeepsTheStoredOne() {
        String refresh = secret("refresh");
        LinkedAccount first = coach.accounts().link(userId, google("g-again", secret("a1"), refresh));
        String access2 = secret("a2");

        LinkedAccount second = coach.accounts().link(userId, google("g-again", access2, null));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.accessToken()).isEqualTo(access2);
        assertThat(second.refreshToken()).isEqualTo(refresh);
        assertThat(coach.accounts().get(userId, "google").orElseThrow()).isEqualTo(second);
    }

    @Test
    void oneAccountPerProviderPerUserAndOneUserPerProviderAccount() {
        coach.accounts().link(userId, google("g-owner", null, null));
        String other = newUser();
        int before = accountRows();

        assertThatThrownBy(() -> coach.accounts().link(userId, google("g-second", null, null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> coach.accounts().link(other, google("g-owner", secret("x"), null)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(userId));
        assertThat(accountRows()).isEqualTo(before);

        coach.accounts().link(userId, NewAccount.builder().provider("GitHub").providerAccountId("gh-1").build());
        assertThat(coach.accounts().get(userId, "github")).isPresent();
        assertThat(coach.accounts().findUser("google", "g-owner")).map(User::id).contains(userId);
    }

    @Test
    void findUserAndUnlink() {
        coach.accounts().link(userId, google("g-find", secret("a"), null));

        assertThat(coach.accounts().findUser("Google", "g-find")).map(User::id).contains(userId);
        assertThat(coach.accounts().findUser("google", "g-nobody")).isEmpty();
        assertThat(coach.accounts().findUser("github", "g-find")).isEmpty();

        String other = newUser();
        assertThatThrownBy(() -> coach.accounts().unlink(other, "google")).isInstanceOf(NotFoundException.class);
        assertThat(coach.accounts().get(other, "google")).isEmpty();
        assertThat(coach.accounts().get(userId, "google")).isPresent();

        coach.accounts().unlink(userId, "google");
        assertThat(coach.accounts().get(userId, "google")).isEmpty();
        assertThat(coach.accounts().findUser("google", "g-find")).isEmpty();
        assertThatThrownBy(() -> coach.accounts().unlink(userId, "google")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSoftDeletedUserIsNotFoundThroughTheirAccount() {
        coach.accounts().link(userId, google("g-deleted", null, null));
        coach.users().delete(userId);

        assertThat(coach.accounts().findUser("google", "g-deleted")).isEmpty();
        assertThatThrownBy(() -> coach.accounts().get(userId, "google")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.accounts().link(userId, google("g-deleted-2", null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.accounts().unlink(userId, "google")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void malformedInputIsATypedErrorAndWritesNothing() {
        int before = accountRows();
        String tenMegabytes = "t".repeat(10 * 1024 * 1024);

        assertInvalid(() -> coach.accounts().link(userId, null), "account");
        assertInvalid(() -> coach.accounts().link(userId, google("g-bad", tenMegabytes, null)), "accessToken");
        assertInvalid(() -> coach.accounts().link(userId, google("g-bad", null, "a\0b")), "refreshToken");
        assertInvalid(() -> coach.accounts().link(userId, google(null, null, null)), "providerAccountId");
        assertInvalid(() -> coach.accounts().link(userId, google("x".repeat(256), null, null)), "providerAccountId");
        for (String provider : Arrays.asList(null, "", "goo gle", "google!", "x".repeat(65))) {
            assertInvalid(() -> coach.accounts().link(userId,
                    NewAccount.builder().provider(provider).providerAccountId("p").build()), "provider");
        }
        assertInvalid(() -> coach.accounts().findUser("google", null), "providerAccountId");
        assertInvalid(() -> coach.accounts().get(userId, "not a provider"), "provider");
        assertThatThrownBy(() -> coach.accounts().link("no-such-user", google("g-bad", null, null)))
                .isInstanceOf(NotFoundException.class);

        assertThat(accountRows()).isEqualTo(before);
    }

    @Test
    void theCipherRefusesBadKeys() {
        assertThatThrownBy(() -> new AesGcmTokenCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AesGcmTokenCipher(KEY, new byte[31])).isInstanceOf(IllegalArgumentException.class);
        AesGcmTokenCipher fromText = AesGcmTokenCipher.fromBase64(java.util.Base64.getEncoder().encodeToString(KEY));
        assertThat(fromText.decrypt(new AesGcmTokenCipher(KEY).encrypt("t", "ad"), "ad")).isEqualTo("t");
        assertThat(fromText.toString()).doesNotContain(java.util.Base64.getEncoder().encodeToString(KEY));
        assertThat(java.util.Base64.getDecoder().decode(AesGcmTokenCipher.newKeyBase64())).hasSize(32);
        assertThat(List.of(new AesGcmTokenCipher(KEY).encrypt("t", "ad").split(":"))).hasSize(3);
    }

    @Test
    void theDatabaseRefusesToMoveAnAccountToAnotherUser() {
        String victim = newUser();
        coach.accounts().link(victim, google("g-" + UUID.randomUUID(), secret("victim"), secret("refresh")));
        assertThatThrownBy(() -> sql.execute("UPDATE accounts SET user_id = ? WHERE user_id = ?", userId, victim))
                .hasMessageContaining(io.habitcoach.testkit.HabitCoachTestDatabase.citus()
                        ? "modifying the partition value of rows is not allowed"   // Citus: the distribution column
                        : "may not change");                                      // one server: V10's trigger
        assertThat(coach.accounts().get(userId, "google")).isEmpty();
    }

    @Test
    void tokensMovedToAnotherUserDoNotDecryptForThem() {
        // issue 20: the ciphertext was bound to the account id only, so re-parenting the row handed
        // the victim's tokens to the attacker; now the owner is part of the associated data
        String victim = newUser();
        coach.accounts().link(victim, google("g-" + UUID.randomUUID(), secret("victim"), secret("refresh")));
        if (reparentBypassingTriggers(victim, userId)) {
            assertThatThrownBy(() -> coach.accounts().get(userId, "google")).isInstanceOf(TokenDecryptionException.class);
        }
    }

    @Test
    void reencryptTokensBindsCiphertextsWrittenBeforeTheOwnerWasPartOfThem() {
        String victim = newUser();
        String access = secret("legacy-access");
        LinkedAccount linked = coach.accounts().link(victim, google("g-" + UUID.randomUUID(), "placeholder", null));
        // as the previous release wrote it: bound to the row and column, not to the owner
        String legacy = new AesGcmTokenCipher(KEY).encrypt(access, "habitcoach/accounts/" + linked.id() + "/access_token");
        sql.execute("UPDATE accounts SET access_token = ?, token_owner_bound = false WHERE id = ?", legacy, linked.id());
        assertThat(coach.accounts().get(victim, "google")).map(LinkedAccount::accessToken).contains(access);

        assertThat(coach.accounts().reencryptTokens(10)).isEqualTo(1);
        assertThat(coach.accounts().reencryptTokens(10)).isZero();
        assertThat(sql.fetchValue("SELECT token_owner_bound FROM accounts WHERE id = ?", linked.id())).isEqualTo(true);
        assertThat(coach.accounts().get(victim, "google")).map(LinkedAccount::accessToken).contains(access);
        if (reparentBypassingTriggers(victim, userId)) {
            assertThatThrownBy(() -> coach.accounts().get(userId, "google")).isInstanceOf(TokenDecryptionException.class);
        }
    }

    /**
     * What an attacker with raw SQL and the power to switch off triggers could do; true when the rows
     * moved. On Citus they cannot: the owner is the distribution column, which Citus never updates.
     */
    private boolean reparentBypassingTriggers(String from, String to) {
        if (io.habitcoach.testkit.HabitCoachTestDatabase.citus()) {
            assertThatThrownBy(() -> sql.execute("UPDATE accounts SET user_id = ? WHERE user_id = ?", to, from))
                    .hasMessageContaining("modifying the partition value of rows is not allowed");
            return false;
        }
        sql.transaction(cfg -> {
            DSL.using(cfg).execute("SET LOCAL session_replication_role = replica");
            DSL.using(cfg).execute("UPDATE accounts SET user_id = ? WHERE user_id = ?", to, from);
        });
        return true;
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
