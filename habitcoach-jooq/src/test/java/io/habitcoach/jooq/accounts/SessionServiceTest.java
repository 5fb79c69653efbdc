package io.habitcoach.jooq.accounts;

import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.users.NewUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.testkit.HabitCoachDatabaseExtension;
import io.habitcoach.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
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
class SessionServiceTest {

    private static final Duration DAY = Duration.ofDays(1);

    private final MutableClock clock = MutableClock.at("2026-03-10T12:00:00Z");
    private HabitCoach coach;
    private DSLContext sql;
    private String userId;

    @BeforeEach
    void setUp(DataSource dataSource) {
        coach = HabitCoach.configure().dataSource(dataSource).clock(clock).load();
        sql = DSL.using(dataSource, SQLDialect.POSTGRES);
        userId = newUser();
    }

    private String newUser() {
        return coach.users().create(NewUser.builder().email(UUID.randomUUID() + "@example.com").build()).id();
    }

    private int sessionRows() {
        return sql.fetchCount(DSL.table("sessions"));
    }

    @Test
    void theTokenIs256RandomBitsShownOnceAndOnlyItsSha256IsStored() {
        IssuedSession issued = coach.sessions().create(userId, DAY, "Mozilla/5.0", "203.0.113.7");

        // base64url(user id) "." 256 random bits (V6, docs/scale-out.md: validation reads one user's rows)
        String[] parts = issued.token().split("\\.");
        assertThat(parts).hasSize(2);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(userId);
        assertThat(parts[1]).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(parts[1])).hasSize(32);
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(issued.session().userId()).isEqualTo(userId);
        assertThat(issued.session().expiresAt().toInstant()).isEqualTo(clock.instant().plus(DAY));

        String stored = sql.fetchValue("SELECT token FROM sessions WHERE id = ?", issued.session().id()).toString();
        assertThat(stored).isEqualTo(sha256Hex(issued.token()));
        String wholeRow = sql.fetchValue("SELECT s::text FROM sessions s WHERE id = ?", issued.session().id()).toString();
        assertThat(wholeRow).doesNotContain(issued.token());

        assertThat(coach.sessions().create(userId, DAY, null, null).token()).isNotEqualTo(issued.token());
    }

    @Test
    void aStolenCopyOfTheSessionsTableCannotBeUsedToLogIn() {
        IssuedSession issued = coach.sessions().create(userId, DAY, null, null);
        List<String> storedValues = sql.fetch("SELECT s.* FROM sessions s WHERE id = ?", issued.session().id()).stream()
                .flatMap(r -> java.util.Arrays.stream(r.intoArray()))
                .filter(v -> v != null).map(Object::toString).toList();

        for (String value : storedValues) {
            assertThat(coach.sessions().validate(value)).as(value).isEmpty();
            assertThat(coach.sessions().touch(value, null, null)).as(value).isEmpty();
            assertThat(coach.sessions().revokeToken(value)).as(value).isFalse();
        }
        // and the hash, re-encoded as a token of the right shape, is still not a token
        String stored = sql.fetchValue("SELECT token FROM sessions WHERE id = ?", issued.session().id()).toString();
        String hashAsToken = Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(stored));
        assertThat(coach.sessions().validate(hashAsToken)).isEmpty();

        assertThat(coach.sessions().validate(issued.token())).isPresent();
    }

    @Test
    void validatingAgainWithinAMinuteReadsWithoutWritingAndLaterRecordsTheUse() {
        IssuedSession issued = coach.sessions().create(userId, DAY, "ua", null);
        Session first = coach.sessions().validate(issued.token()).orElseThrow();
        long version = rowVersion(issued.session().id());
        clock.advance(Duration.ofSeconds(59));
        assertThat(coach.sessions().validate(issued.token()).orElseThrow().lastUsedAt()).isEqualTo(first.lastUsedAt());
        assertThat(rowVersion(issued.session().id())).as("no new row version").isEqualTo(version);
        clock.advance(Duration.ofSeconds(2));
        assertThat(coach.sessions().validate(issued.token()).orElseThrow().lastUsedAt().toInstant())
                .isEqualTo(clock.instant());
        // the read-only path applies every condition too: revoked, then expired, nothing validates
        coach.sessions().revoke(userId, issued.session().id());
        assertThat(coach.sessions().validate(issued.token())).isEmpty();
    }

    /** The row's transaction id of its current version: changes with every write. */
    private long rowVersion(String sessionId) {
        return sql.fetchSingle("SELECT xmin::text::bigint FROM sessions WHERE id = ?", sessionId).get(0, Long.class);
    }

    @Test
    void aValidTokenValidatesAndRecordsItsUse() {
        IssuedSession issued = coach.sessions().create(userId, DAY, "ua", null);
        clock.advance(Duration.ofHours(2));

        Session session = coach.sessions().validate(issued.token()).orElseThrow();

        assertThat(session.id()).isEqualTo(issued.session().id());
        assertThat(session.userId()).isEqualTo(userId);
        assertThat(session.lastUsedAt().toInstant()).isEqualTo(clock.instant());
        assertThat(session.userAgent()).isEqualTo("ua");
    }

    @Test
    void anExpiredSessionIsRefusedFromTheInstantItExpires() {
        IssuedSession issued = coach.sessions().create(userId, Duration.ofHours(1), null, null);
        clock.advance(Duration.ofMinutes(59));
        assertThat(coach.sessions().validate(issued.token())).isPresent();

        clock.advance(Duration.ofMinutes(1));
        assertThat(coach.sessions().validate(issued.token())).isEmpty();
        assertThat(coach.sessions().touch(issued.token(), "ua", null)).isEmpty();
        assertThat(coach.sessions().list(userId)).isEmpty();
    }

    @Test
    void aRevokedSessionIsRefused() {
        IssuedSession one = coach.sessions().create(userId, DAY, null, null);
        IssuedSession other = coach.sessions().create(userId, DAY, null, null);
        IssuedSession third = coach.sessions().create(userId, DAY, null, null);

        coach.sessions().revoke(userId, one.session().id());
        coach.sessions().revoke(userId, one.session().id()); // idempotent
        assertThat(coach.sessions().revokeToken(other.token())).isTrue();
        assertThat(coach.sessions().revokeToken(other.token())).isFalse();

        assertThat(coach.sessions().validate(one.token())).isEmpty();
        assertThat(coach.sessions().validate(other.token())).isEmpty();
        assertThat(coach.sessions().validate(third.token())).isPresent();
        assertThat(coach.sessions().list(userId)).extracting(Session::id).containsExactly(third.session().id());
    }

    @Test
    void aSoftDeletedUsersSessionIsRefused() {
        IssuedSession issued = coach.sessions().create(userId, DAY, null, null);
        String otherUser = newUser();
        IssuedSession others = coach.sessions().create(otherUser, DAY, null, null);

        coach.users().delete(userId);

        assertThat(coach.sessions().validate(issued.token())).isEmpty();
        assertThat(coach.sessions().touch(issued.token(), "ua", "::1")).isEmpty();
        assertThat(coach.sessions().validate(others.token())).isPresent();
        assertThatThrownBy(() -> coach.sessions().create(userId, DAY, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.sessions().list(userId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTokenThatDiffersInOneCharacterIsRefused() {
        IssuedSession issued = coach.sessions().create(userId, DAY, null, null);
        String token = issued.token();

        for (int i = 0; i < token.length(); i++) {
            char changed = token.charAt(i) == 'A' ? 'B' : 'A';
            String forged = token.substring(0, i) + changed + token.substring(i + 1);
            assertThat(coach.sessions().validate(forged)).as("changed at %d", i).isEmpty();
        }
        assertThat(coach.sessions().validate(token.substring(1))).isEmpty();
        assertThat(coach.sessions().validate(token + "A")).isEmpty();
        assertThat(coach.sessions().validate(token.toUpperCase())).isEmpty();
        assertThat(coach.sessions().validate(" " + token)).isEmpty();
        assertThat(coach.sessions().validate("")).isEmpty();
        assertThat(coach.sessions().validate("x".repeat(10_000_000))).isEmpty();
        assertThat(coach.sessions().validate(token)).isPresent();
    }

    @Test
    void aTokenIssuedBeforeTokensCarriedTheUserIdStillValidatesAndRevokes() {
        // a bare 43-character token, as issued before V6: stored by its hash only
        String legacy = io.habitcoach.jooq.internal.Secrets.newToken();
        sql.insertInto(DSL.table("sessions"), DSL.field("id"), DSL.field("user_id"), DSL.field("token"),
                DSL.field("expires_at")).values(UUID.randomUUID().toString(), userId,
                io.habitcoach.jooq.internal.Secrets.tokenHash(legacy), clock.instant().plus(DAY).atOffset(
                        java.time.ZoneOffset.UTC)).execute();

        assertThat(coach.sessions().validate(legacy)).map(Session::userId).contains(userId);
        assertThat(coach.sessions().revokeToken(legacy)).isTrue();
        assertThat(coach.sessions().validate(legacy)).isEmpty();
    }

    @Test
    void aTokenWhoseUserPartIsNotAUserIdIsRefusedWithoutAQuery() {
        String secret = coach.sessions().create(userId, DAY, null, null).token().split("\\.")[1];
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        assertThat(coach.sessions().validate(url.encodeToString(new byte[] {0}) + "." + secret)).isEmpty();
        assertThat(coach.sessions().validate(url.encodeToString(new byte[] {(byte) 0xff}) + "." + secret)).isEmpty();
        assertThat(coach.sessions().validate("." + secret)).isEmpty();
        assertThat(coach.sessions().validate(url.encodeToString("someone-else".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + "." + secret)).isEmpty();
    }

    @Test
    void aNullTokenIsATypedError() {
        assertInvalid(() -> coach.sessions().validate(null), "token");
        assertInvalid(() -> coach.sessions().touch(null, "ua", null), "token");
        assertInvalid(() -> coach.sessions().revokeToken(null), "token");
    }

    @Test
    void touchRecordsTheClientsCurrentUserAgentAndIp() {
        IssuedSession issued = coach.sessions().create(userId, DAY, "old agent", "203.0.113.7");
        clock.advance(Duration.ofMinutes(5));

        Session touched = coach.sessions().touch(issued.token(), "new agent", "2001:DB8::1").orElseThrow();
        assertThat(touched.userAgent()).isEqualTo("new agent");
        assertThat(touched.ipAddress()).isEqualTo("2001:db8::1");
        assertThat(touched.lastUsedAt().toInstant()).isEqualTo(clock.instant());

        Session kept = coach.sessions().touch(issued.token(), null, null).orElseThrow();
        assertThat(kept.userAgent()).isEqualTo("new agent");
        assertThat(kept.ipAddress()).isEqualTo("2001:db8::1");
    }

    @Test
    void malformedInputIsATypedErrorAndWritesNothing() {
        IssuedSession issued = coach.sessions().create(userId, DAY, "agent", "203.0.113.7");
        int before = sessionRows();
        String tenMegabytes = "M".repeat(10 * 1024 * 1024);

        assertInvalid(() -> coach.sessions().create(userId, DAY, tenMegabytes, null), "userAgent");
        assertInvalid(() -> coach.sessions().create(userId, DAY, "a\0b", null), "userAgent");
        for (String ip : List.of("256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4:80", "example.com", "localhost",
                "[::1]", "fe80::1%eth0", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::g", "1.2.3.4.5")) {
            assertInvalid(() -> coach.sessions().create(userId, DAY, null, ip), "ipAddress");
        }
        assertInvalid(() -> coach.sessions().create(userId, null, null, null), "ttl");
        assertInvalid(() -> coach.sessions().create(userId, Duration.ZERO, null, null), "ttl");
        assertInvalid(() -> coach.sessions().create(userId, Duration.ofDays(-1), null, null), "ttl");
        assertInvalid(() -> coach.sessions().create(userId, Duration.ofDays(401), null, null), "ttl");
        assertThatThrownBy(() -> coach.sessions().create("no-such-user", DAY, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> coach.sessions().create(null, DAY, null, null)).isInstanceOf(NotFoundException.class);
        assertInvalid(() -> coach.sessions().touch(issued.token(), tenMegabytes, null), "userAgent");
        assertInvalid(() -> coach.sessions().touch(issued.token(), null, "not an ip"), "ipAddress");

        assertThat(sessionRows()).isEqualTo(before);
        Session unchanged = coach.sessions().list(userId).get(0);
        assertThat(unchanged.userAgent()).isEqualTo("agent");
        assertThat(unchanged.ipAddress()).isEqualTo("203.0.113.7");
        assertThat(unchanged.lastUsedAt()).isNull();
    }

    @Test
    void ipLiteralsOfBothFamiliesAreAccepted() {
        for (String ip : List.of("203.0.113.7", "0.0.0.0", "255.255.255.255", "::", "::1", "2001:db8::1",
                "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1:2", "::ffff:192.0.2.1", "64:ff9b::192.0.2.33",
                "1::", "1:2:3:4:5:6:7::")) {
            assertThat(coach.sessions().create(userId, DAY, null, ip).session().ipAddress()).as(ip)
                    .isEqualTo(ip.toLowerCase());
        }
    }

    @Test
    void anotherUsersSessionIdBehavesLikeAMissingOne() {
        String otherUser = newUser();
        IssuedSession others = coach.sessions().create(otherUser, DAY, null, null);

        assertThatThrownBy(() -> coach.sessions().revoke(userId, others.session().id()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("session"));
        assertThatThrownBy(() -> coach.sessions().revoke(userId, "no-such-session"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("session"));
        assertThatThrownBy(() -> coach.sessions().revoke(userId, null)).isInstanceOf(NotFoundException.class);
        assertThat(coach.sessions().validate(others.token())).isPresent();
    }

    @Test
    void revokeAllRevokesEveryLiveSessionOfThatUserOnly() {
        IssuedSession a = coach.sessions().create(userId, DAY, null, null);
        IssuedSession b = coach.sessions().create(userId, DAY, null, null);
        coach.sessions().revoke(userId, b.session().id());
        String otherUser = newUser();
        IssuedSession others = coach.sessions().create(otherUser, DAY, null, null);

        assertThat(coach.sessions().revokeAll(userId)).isEqualTo(1);

        assertThat(coach.sessions().validate(a.token())).isEmpty();
        assertThat(coach.sessions().validate(others.token())).isPresent();
        assertThatThrownBy(() -> coach.sessions().revokeAll("no-such-user")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteExpiredRemovesOnlyExpiredSessions() {
        coach.sessions().create(userId, Duration.ofHours(1), null, null);
        coach.sessions().create(userId, Duration.ofHours(1), null, null);
        IssuedSession lasting = coach.sessions().create(userId, Duration.ofDays(30), null, null);
        clock.advance(Duration.ofHours(1));

        int deleted = coach.sessions().deleteExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(sql.fetchValue("SELECT count(*) FROM sessions WHERE expires_at <= ?::timestamptz",
                clock.instant().toString())).isEqualTo(0L);
        assertThat(coach.sessions().validate(lasting.token())).isPresent();
    }

    private static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anIdleTimeoutRefusesASessionUnusedForThatLongAndUseKeepsItAlive(DataSource dataSource) {
        HabitCoach idle = HabitCoach.configure().dataSource(dataSource).clock(clock)
                .sessionIdleTimeout(Duration.ofMinutes(30)).load();
        IssuedSession used = idle.sessions().create(userId, DAY, null, null);
        IssuedSession forgotten = idle.sessions().create(userId, DAY, null, null);

        clock.advance(Duration.ofMinutes(20));
        assertThat(idle.sessions().validate(used.token())).isPresent();
        clock.advance(Duration.ofMinutes(20));
        assertThat(idle.sessions().validate(used.token())).as("used 20 minutes ago").isPresent();
        assertThat(idle.sessions().validate(forgotten.token())).as("unused for 40 minutes").isEmpty();
        assertThat(idle.sessions().touch(forgotten.token(), null, null)).isEmpty();
        assertThat(idle.sessions().list(userId)).extracting(Session::id).containsExactly(used.session().id());
        assertThat(coach.sessions().validate(forgotten.token())).as("without the option: no idle limit").isPresent();
        assertThatThrownBy(() -> HabitCoach.configure().sessionIdleTimeout(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("sessionIdleTimeout"));
    }

    @Test
    void theDatabaseRefusesToMoveASessionToAnotherUser() {
        IssuedSession issued = coach.sessions().create(userId, DAY, null, null);
        String other = newUser();
        assertThatThrownBy(() -> sql.execute("UPDATE sessions SET user_id = ? WHERE id = ?", other,
                issued.session().id())).hasMessageContaining(io.habitcoach.testkit.HabitCoachTestDatabase.citus()
                        ? "modifying the partition value of rows is not allowed"   // Citus: the distribution column
                        : "may not change");                                      // one server: V10's trigger
        assertThat(coach.sessions().validate(issued.token())).map(Session::userId).contains(userId);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
