package io.habitcoach.core.schedule;

import io.habitcoach.core.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The user's day. DST facts used: São Paulo's clocks jumped from 00:00 to 01:00 on 4 November 2018 and
 * went back from 00:00 to 23:00 on 17 February 2019 (its last DST); Berlin's jump from 02:00 to 03:00 on
 * 31 March 2024 and go back from 03:00 to 02:00 on 27 October 2024.
 */
class UserDayTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0} in {1}, day from {2}: {3}")
    @CsvSource({
            // a night owl whose day starts at 04:00 logs Monday's run at 02:30 on Tuesday (São Paulo, UTC-3)
            "2024-03-05T05:30:00Z, America/Sao_Paulo, 04:00, 2024-03-04",
            "2024-03-05T07:00:00Z, America/Sao_Paulo, 04:00, 2024-03-05",
            "2024-03-05T05:30:00Z, America/Sao_Paulo, 00:00, 2024-03-05",
            // São Paulo spring forward, 4 Nov 2018: 23:30 on the 3rd (-03:00), then 01:00 on the 4th (-02:00)
            "2018-11-04T02:30:00Z, America/Sao_Paulo, 00:00, 2018-11-03",
            "2018-11-04T03:00:00Z, America/Sao_Paulo, 00:00, 2018-11-04",
            // a day start of 00:30 falls in the skipped hour: 01:00 is already after it
            "2018-11-04T03:00:00Z, America/Sao_Paulo, 00:30, 2018-11-04",
            // São Paulo fall back, 17 Feb 2019: 23:30 on the 16th happens twice (-02:00, then -03:00)
            "2019-02-17T01:30:00Z, America/Sao_Paulo, 00:00, 2019-02-16",
            "2019-02-17T02:30:00Z, America/Sao_Paulo, 00:00, 2019-02-16",
            "2019-02-17T03:00:00Z, America/Sao_Paulo, 00:00, 2019-02-17",
            // Berlin spring forward, 31 Mar 2024: 03:30 CEST is after midnight but before a 04:00 day start
            "2024-03-31T01:30:00Z, Europe/Berlin, 00:00, 2024-03-31",
            "2024-03-31T01:30:00Z, Europe/Berlin, 04:00, 2024-03-30",
            "2024-03-31T02:00:00Z, Europe/Berlin, 04:00, 2024-03-31",
            // Berlin fall back, 27 Oct 2024: 02:30 happens twice, both before a 04:00 day start
            "2024-10-27T00:30:00Z, Europe/Berlin, 00:00, 2024-10-27",
            "2024-10-27T01:30:00Z, Europe/Berlin, 00:00, 2024-10-27",
            "2024-10-27T00:30:00Z, Europe/Berlin, 04:00, 2024-10-26",
            "2024-10-27T01:30:00Z, Europe/Berlin, 04:00, 2024-10-26",
            "2024-10-27T03:00:00Z, Europe/Berlin, 04:00, 2024-10-27",
    })
    void theUsersDate(Instant instant, String zone, LocalTime dayStart, LocalDate expected) {
        UserDay day = UserDay.of(zone, dayStart);
        assertThat(day.dateOf(instant)).isEqualTo(expected);
        assertThat(day.today(Clock.fixed(instant, ZoneOffset.ofHours(14)))).isEqualTo(expected);
    }

    @Test
    void aDayStartsAtItsDayStartAndEndsAtTheNextOne() {
        UserDay nightOwl = new UserDay(SAO_PAULO, LocalTime.of(4, 0));
        assertThat(nightOwl.startOf(LocalDate.of(2024, 3, 4))).isEqualTo(Instant.parse("2024-03-04T07:00:00Z"));
        assertThat(nightOwl.endOf(LocalDate.of(2024, 3, 4))).isEqualTo(Instant.parse("2024-03-05T07:00:00Z"));
        // 4 Nov 2018 had no 00:00 in São Paulo: the day began at 01:00 -02:00, and was 23 hours long
        UserDay midnight = UserDay.of(SAO_PAULO);
        assertThat(midnight.startOf(LocalDate.of(2018, 11, 4))).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
        assertThat(midnight.endOf(LocalDate.of(2018, 11, 3))).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
        // Berlin's fall-back day has 25 hours
        UserDay berlin = UserDay.of(BERLIN);
        assertThat(java.time.Duration.between(berlin.startOf(LocalDate.of(2024, 10, 27)),
                berlin.endOf(LocalDate.of(2024, 10, 27)))).hasHours(25);
    }

    @Test
    void aUserWhoMovesFromUtcMinus3ToUtcPlus9GetsDatesFromTheZoneAtTheTimeOfEachCompletion() {
        // 12:00 on 4 March in São Paulo; then, after the move, 08:00 on 5 March in Tokyo, which is
        // still 20:00 on 4 March in São Paulo. Each completion takes the date of its own zone.
        Instant first = Instant.parse("2024-03-04T15:00:00Z");
        Instant second = Instant.parse("2024-03-04T23:00:00Z");
        UserDay before = UserDay.of("America/Sao_Paulo", LocalTime.MIDNIGHT);
        UserDay after = UserDay.of("Asia/Tokyo", LocalTime.MIDNIGHT);
        assertThat(before.dateOf(first)).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(after.dateOf(second)).isEqualTo(LocalDate.of(2024, 3, 5));
        // Had instants been stored, reading the first in Tokyo would move it onto the 5th too:
        assertThat(after.dateOf(first)).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "-03:00", "UTC+9", "GMT-3", "america/sao_paulo", ""})
    void unknownZonesAndBareOffsetsAreRefusedNamingTheField(String zone) {
        assertThatThrownBy(() -> UserDay.parseZone(zone))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("timezone");
                    assertThat(e.allowed()).contains("IANA");
                });
    }

    @Test
    void ianaZonesAreAccepted() {
        assertThat(UserDay.parseZone("America/Sao_Paulo")).isEqualTo(SAO_PAULO);
        assertThat(UserDay.parseZone("UTC")).isEqualTo(ZoneId.of("UTC"));
        assertThat(UserDay.parseZone(UserDay.DEFAULT_ZONE)).isEqualTo(SAO_PAULO);
        assertThatThrownBy(() -> UserDay.parseZone(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new UserDay(ZoneOffset.ofHours(-3), LocalTime.MIDNIGHT))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new UserDay(SAO_PAULO, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dayStart"));
    }

    /** Every zone's and day start's today lies within the bounds a statement for any user may use. */
    @Test
    void everyUsersTodayIsWithinTheBoundsForAnyUser() {
        java.util.Random random = new java.util.Random(42);
        LocalTime[] starts = {LocalTime.MIDNIGHT, LocalTime.of(4, 0), LocalTime.of(23, 59)};
        for (int i = 0; i < 200; i++) {
            Instant instant = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(200_000_000));
            LocalDate earliest = UserDay.earliestDateOf(instant);
            LocalDate latest = UserDay.latestDateOf(instant);
            assertThat(latest).isBeforeOrEqualTo(earliest.plusDays(3));
            for (String zone : ZoneId.getAvailableZoneIds()) {
                if (zone.startsWith("Etc/") || zone.startsWith("SystemV/") || !zone.contains("/")) {
                    continue;
                }
                for (LocalTime start : starts) {
                    assertThat(new UserDay(ZoneId.of(zone), start).dateOf(instant)).as(zone + " " + start + " " + instant)
                            .isBetween(earliest, latest);
                }
            }
        }
    }
}
