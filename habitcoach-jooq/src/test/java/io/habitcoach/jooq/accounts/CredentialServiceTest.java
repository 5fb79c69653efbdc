package io.habitcoach.jooq.accounts;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;
import io.habitcoach.jooq.users.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HabitCoachDatabaseExtension.class)
class CredentialServiceTest {

    /** A published bcrypt test vector (OpenBSD / jBCrypt): a hash the seed could hold. */
    private static final String VECTOR_PASSWORD = "abcdefghijklmnopqrstuvwxyz";
    private static final String VECTOR_HASH = "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC";

    private final MutableClock clock = MutableClock.at("2026-03-10T12:00:00Z");
    private final CountingHasher hasher = new CountingHasher(new BcryptPasswordHasher(4));
    private HabitCoach coach;
    private DSLContext sql;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).passwordHasher(hasher).load();
        sql = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private User newUser(String email) {
        return coach.users().create(NewUser.builder().email(email).build());
    }

    private String storedHash(String userId) {
        return (String) sql.fetchValue("SELECT password FROM users WHERE id = ?", userId);
    }

    @Test
    void theRightPasswordLogsInAndOnlyABcryptHashIsStored() {
        User user = newUser("ana@example.com");
        coach.credentials().setPassword(user.id(), java.nio.CharBuffer.wrap("correct horse battery".toCharArray()));

        assertThat(coach.credentials().authenticate("ANA@example.com", "correct horse battery"))
                .map(User::id).contains(user.id());
        assertThat(coach.credentials().authenticate("ana@example.com", "correct horse batterY")).isEmpty();
        String stored = storedHash(user.id());
        assertThat(stored).startsWith("$2a$04$").hasSize(60).doesNotContain("correct horse");
        String wholeRow = sql.fetchValue("SELECT u::text FROM users u WHERE id = ?", user.id()).toString();
        assertThat(wholeRow).doesNotContain("correct horse");
        assertThat(user.toString()).doesNotContain(stored);
    }

    @Test
    void raisingTheCostUpgradesAStoredHashAtItsNextLogin(DataSource dataSource) {
        User user = newUser("cost@example.com");
        coach.credentials().setPassword(user.id(), "correct horse battery");
        String weak = storedHash(user.id());
        assertThat(weak).startsWith("$2a$04$");
        HabitCoach stronger = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .passwordHasher(new BcryptPasswordHasher(5)).load();

        assertThat(stronger.credentials().authenticate("cost@example.com", "wrong horse battery")).isEmpty();
        assertThat(storedHash(user.id())).as("a failed login changes nothing").isEqualTo(weak);
        assertThat(stronger.credentials().authenticate("cost@example.com", "correct horse battery")).isPresent();
        String upgraded = storedHash(user.id());
        assertThat(upgraded).startsWith("$2a$05$");
        assertThat(stronger.credentials().authenticate("cost@example.com", "correct horse battery")).isPresent();
        assertThat(storedHash(user.id())).as("upgraded once").isEqualTo(upgraded);

        HabitCoach weaker = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .passwordHasher(new BcryptPasswordHasher(4)).load();
        assertThat(weaker.credentials().authenticate("cost@example.com", "correct horse battery")).isPresent();
        assertThat(storedHash(user.id())).as("a stronger hash is left alone").isEqualTo(upgraded);
        assertThat(new BcryptPasswordHasher(5).needsRehash("not a hash")).isFalse();
        assertThat(new BcryptPasswordHasher(5).needsRehash(VECTOR_HASH)).isFalse();
        assertThat(new BcryptPasswordHasher(7).needsRehash(VECTOR_HASH)).isTrue();
    }

    @Test
    void aPasswordChangedWhileTheOldOneIsRehashedWins(DataSource dataSource) {
        User user = newUser("race@example.com");
        coach.credentials().setPassword(user.id(), "old password one");
        BcryptPasswordHasher cost5 = new BcryptPasswordHasher(5);
        PasswordHasher racing = new PasswordHasher() {
            @Override
            public String hash(CharSequence password) {
                // while the login makes the new hash, the user sets another password elsewhere
                coach.credentials().setPassword(user.id(), "new password two");
                return cost5.hash(password);
            }

            @Override
            public boolean verify(CharSequence password, String hash) {
                return cost5.verify(password, hash);
            }

            @Override
            public boolean needsRehash(String hash) {
                return cost5.needsRehash(hash);
            }
        };
        HabitCoach stronger = HabitCoach.configure().dataSource(dataSource).clock(clock).passwordHasher(racing).load();
        assertThat(stronger.credentials().authenticate("race@example.com", "old password one")).isPresent();
        assertThat(coach.credentials().authenticate("race@example.com", "new password two")).isPresent();
        assertThat(coach.credentials().authenticate("race@example.com", "old password one")).isEmpty();
    }

    @Test
    void aSeedBcryptHashStillLogsIn() {
        User user = coach.users().create(NewUser.builder().email("seed@example.com").passwordHash(VECTOR_HASH).build());

        assertThat(coach.credentials().authenticate("seed@example.com", VECTOR_PASSWORD)).map(User::id)
                .contains(user.id());
        BcryptPasswordHasher bcrypt = new BcryptPasswordHasher(4);
        assertThat(bcrypt.verify(VECTOR_PASSWORD, VECTOR_HASH.replace("$2a$", "$2b$"))).isTrue();
        assertThat(bcrypt.verify(VECTOR_PASSWORD, VECTOR_HASH.replace("$2a$", "$2y$"))).isTrue();
        assertThat(bcrypt.verify(VECTOR_PASSWORD, "not a hash")).isFalse();
        assertThat(bcrypt.verify(VECTOR_PASSWORD, null)).isFalse();
    }

    @Test
    void unknownEmailWrongPasswordPasswordlessAndDeletedUsersEachCostExactlyOneVerify() {
        User withPassword = newUser("known@example.com");
        coach.credentials().setPassword(withPassword.id(), "the real password");
        newUser("oauth-only@example.com");
        User deleted = newUser("deleted@example.com");
        coach.credentials().setPassword(deleted.id(), "the real password");
        coach.users().delete(deleted.id());

        for (String email : List.of("nobody@example.com", "known@example.com", "oauth-only@example.com",
                "deleted@example.com")) {
            hasher.verified.clear();
            assertThat(coach.credentials().authenticate(email, "a wrong password")).as(email).isEmpty();
            assertThat(hasher.verified).as(email).hasSize(1);
            // the dummy is a real hash of the same hasher, so it costs what a real one costs
            assertThat(hasher.verified.get(0)).as(email).startsWith("$2a$04$").hasSize(60);
        }
        assertThat(coach.credentials().authenticate("deleted@example.com", "the real password")).isEmpty();
    }

    /**
     * A measurement, not a unit test: it compares wall-clock times, which a loaded machine skews, so it
     * runs only with the load profile ({@code -Pload}). The default run proves the same property without
     * a clock: {@link #unknownEmailWrongPasswordPasswordlessAndDeletedUsersEachCostExactlyOneVerify}
     * (one verify of the same cost on every path).
     */
    @Test
    @Tag("load")
    void aWrongPasswordAndAnUnknownEmailTakeTheSameTime(DataSource dataSource) {
        // cost 8: slow enough (tens of ms) that bcrypt, not the query, sets the time
        HabitCoach slow = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .passwordHasher(new BcryptPasswordHasher(8)).load();
        User user = slow.users().create(NewUser.builder().email("timing@example.com").build());
        slow.credentials().setPassword(user.id(), "the real password");
        slow.credentials().authenticate("warm-up@example.com", "a wrong password"); // makes the dummy hash

        long[] wrong = new long[7];
        long[] unknown = new long[7];
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            slow.credentials().authenticate("timing@example.com", "a wrong password");
            wrong[i] = System.nanoTime() - start;
            start = System.nanoTime();
            slow.credentials().authenticate("unknown" + i + "@example.com", "a wrong password");
            unknown[i] = System.nanoTime() - start;
        }
        double ratio = (double) median(unknown) / median(wrong);
        assertThat(ratio).as("unknown email / wrong password median time").isBetween(0.5, 2.0);
    }

    @Test
    void setPasswordRefusesMalformedInputAndWritesNothing() {
        User user = newUser("strict@example.com");
        coach.credentials().setPassword(user.id(), "first password");
        String before = storedHash(user.id());

        assertInvalid(() -> coach.credentials().setPassword(user.id(), null), "password");
        assertInvalid(() -> coach.credentials().setPassword(user.id(), "short"), "password");
        assertInvalid(() -> coach.credentials().setPassword(user.id(), "p".repeat(1_001)), "password");
        assertInvalid(() -> coach.credentials().setPassword(user.id(), "nul\0inside"), "password");
        assertInvalid(() -> coach.credentials().setPassword(user.id(), "é".repeat(37)), "password"); // 74 bytes
        assertInvalid(() -> coach.credentials().setPassword(user.id(), "bad \uD800 surrogate"), "password");
        assertThatThrownBy(() -> coach.credentials().setPassword("no-such-user", "good password"))
                .isInstanceOf(NotFoundException.class);

        assertThat(storedHash(user.id())).isEqualTo(before);
    }

    @Test
    void authenticateRefusesMalformedInputWithTypedErrors() {
        assertInvalid(() -> coach.credentials().authenticate("no-at-sign", "whatever password"), "email");
        assertInvalid(() -> coach.credentials().authenticate(null, "whatever password"), "email");
        assertInvalid(() -> coach.credentials().authenticate("a@example.com", null), "password");
        assertInvalid(() -> coach.credentials().authenticate("a@example.com", "x".repeat(10 * 1024 * 1024)),
                "password");
    }

    @Test
    void aSoftDeletedUsersPasswordCannotBeSet() {
        User user = newUser("gone@example.com");
        coach.users().delete(user.id());
        assertThatThrownBy(() -> coach.credentials().setPassword(user.id(), "good password"))
                .isInstanceOf(NotFoundException.class);
        assertThat(storedHash(user.id())).isNull();
    }

    @Test
    void aPepperedHashVerifiesOnlyWithItsPepper() {
        byte[] pepper = new byte[32];
        Arrays.fill(pepper, (byte) 7);
        byte[] otherPepper = new byte[32];
        BcryptPasswordHasher peppered = new BcryptPasswordHasher(4, pepper);

        String hash = peppered.hash("p".repeat(100)); // past bcrypt's 72 bytes: the HMAC comes first
        assertThat(peppered.verify("p".repeat(100), hash)).isTrue();
        assertThat(peppered.verify("p".repeat(99), hash)).isFalse();
        assertThat(new BcryptPasswordHasher(4, otherPepper).verify("p".repeat(100), hash)).isFalse();
        assertThat(new BcryptPasswordHasher(4).verify("p".repeat(100), hash)).isFalse();
        assertThat(peppered.toString()).doesNotContain("7");
        assertThatThrownBy(() -> new BcryptPasswordHasher(4, new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BcryptPasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCandidatePastBcryptsSeventyTwoBytesIsRefusedAtLogin() {
        // issue 20: bcrypt reads 72 bytes, so the stored password plus any suffix used to log in
        User user = newUser("long@example.com");
        String seventyTwo = "p".repeat(72);
        coach.credentials().setPassword(user.id(), seventyTwo);

        assertThat(coach.credentials().authenticate("long@example.com", seventyTwo)).isPresent();
        assertThat(coach.credentials().authenticate("long@example.com", seventyTwo + "anything")).isEmpty();
        assertThat(coach.credentials().authenticate("long@example.com", seventyTwo + "p")).isEmpty();
        assertThat(new BcryptPasswordHasher(4).verify(seventyTwo + "x", storedHash(user.id()))).isFalse();
    }

    @Test
    void aWrongPasswordAgainstAWeakerStoredHashCostsWhatAnUnknownEmailCosts(DataSource dataSource) {
        // issue 20: after a cost raise, a cost-4 stored hash verified in 12 ms and the dummy of an
        // unknown email at the new cost in 315 ms, telling registered emails apart
        User user = newUser("weak@example.com");
        coach.credentials().setPassword(user.id(), "the real password");
        assertThat(storedHash(user.id())).startsWith("$2a$04$");
        CountingHasher stronger = new CountingHasher(new BcryptPasswordHasher(6));
        HabitCoach raised = HabitCoach.configure().dataSource(dataSource).clock(clock).passwordHasher(stronger).load();

        assertThat(raised.credentials().authenticate("nobody@example.com", "a wrong password")).isEmpty();
        assertThat(stronger.verified).as("an unknown email").singleElement().asString().startsWith("$2a$06$");
        stronger.verified.clear();
        assertThat(raised.credentials().authenticate("weak@example.com", "a wrong password")).isEmpty();
        assertThat(stronger.verified).as("a wrong password against a cost-4 hash also pays the current cost")
                .anySatisfy(hash -> assertThat(hash).startsWith("$2a$06$"));
        assertThat(storedHash(user.id())).as("a failed login changes nothing").startsWith("$2a$04$");
    }

    @Test
    void changingThePasswordCanRevokeEveryOtherSession() {
        User user = newUser("revoke@example.com");
        coach.credentials().setPassword(user.id(), "first password");
        IssuedSession current = coach.sessions().create(user.id(), java.time.Duration.ofDays(1), null, null);
        IssuedSession stolen = coach.sessions().create(user.id(), java.time.Duration.ofDays(1), null, null);

        int revoked = coach.credentials().setPasswordRevokingSessions(user.id(), "second password",
                current.session().id());

        assertThat(revoked).isEqualTo(1);
        assertThat(coach.sessions().validate(current.token())).isPresent();
        assertThat(coach.sessions().validate(stolen.token())).isEmpty();
        assertThat(coach.credentials().authenticate("revoke@example.com", "second password")).isPresent();
        assertThat(coach.credentials().setPasswordRevokingSessions(user.id(), "third password", null))
                .as("null keeps none").isEqualTo(1);
        assertThat(coach.sessions().validate(current.token())).isEmpty();
        assertInvalid(() -> coach.credentials().setPasswordRevokingSessions(user.id(), "short", null), "password");
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    /** Records the hashes it was asked to verify against. */
    private static final class CountingHasher implements PasswordHasher {
        private final PasswordHasher delegate;
        final List<String> verified = new ArrayList<>();

        CountingHasher(PasswordHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean needsRehash(String hash) {
            return delegate.needsRehash(hash);
        }

        @Override
        public String hash(CharSequence password) {
            return delegate.hash(password);
        }

        @Override
        public boolean verify(CharSequence password, String hash) {
            verified.add(hash);
            return delegate.verify(password, hash);
        }
    }
}
