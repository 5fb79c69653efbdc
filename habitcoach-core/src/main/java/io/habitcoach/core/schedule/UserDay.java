package io.habitcoach.core.schedule;

import io.habitcoach.core.InvalidInputException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * A user's calendar: an IANA time zone and the wall-clock time at which the user's day starts.
 *
 * <p>"Today" is the local date of an instant in the zone, minus one day while the wall clock is still
 * before {@link #dayStart()}: with a day start of 04:00, 02:30 on Tuesday is still Monday. The rule
 * compares wall-clock times, so it holds on DST switch days too (a day that starts at a time the
 * switch skips simply starts at the first instant after it). Dates computed here are stored as they
 * are: a later change of zone or a DST switch never moves them.
 *
 * @param zone     the user's zone; only region ids from the IANA database (no bare offsets)
 * @param dayStart when the user's day starts, 00:00 by default
 */
public record UserDay(ZoneId zone, LocalTime dayStart) {

    /** The zone used when a user has none. */
    public static final String DEFAULT_ZONE = "America/Sao_Paulo";

    // The IANA ids the JDK knows. An immutable copy: ZoneId.getAvailableZoneIds() copies on every call.
    private static final Set<String> IANA_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    public UserDay {
        InvalidInputException.requirePresent(zone, "timezone");
        InvalidInputException.requirePresent(dayStart, "dayStart");
        InvalidInputException.require(IANA_ZONES.contains(zone.getId()), "timezone",
                "an IANA time zone id such as America/Sao_Paulo, got " + zone.getId());
    }

    /** A user whose day starts at midnight. */
    public static UserDay of(ZoneId zone) {
        return new UserDay(zone, LocalTime.MIDNIGHT);
    }

    /** Validates the zone id as the {@code timezone} field; unknown ids and bare offsets are rejected. */
    public static UserDay of(String zoneId, LocalTime dayStart) {
        return new UserDay(parseZone(zoneId), dayStart);
    }

    /**
     * Parses an IANA zone id such as {@code Europe/Berlin}. Throws an {@link InvalidInputException} for
     * the {@code timezone} field otherwise (unknown ids, offsets such as {@code -03:00}).
     */
    public static ZoneId parseZone(String zoneId) {
        InvalidInputException.requirePresent(zoneId, "timezone");
        if (IANA_ZONES.contains(zoneId)) {
            try {
                return ZoneId.of(zoneId);
            } catch (DateTimeException e) {
                // fall through: the id was listed but has no rules in this JDK
            }
        }
        throw new InvalidInputException("timezone", "an IANA time zone id such as America/Sao_Paulo, got " + zoneId);
    }

    /** The user's date at {@code instant}. */
    public LocalDate dateOf(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(dayStart) ? date.minusDays(1) : date;
    }

    /**
     * The earliest date that is some user's today at {@code instant}, whatever their zone and day
     * start: a bound for a statement that reads several users' days, or reads a user's days before
     * their row is known (the exact day is {@link #dateOf} once it is).
     */
    public static LocalDate earliestDateOf(Instant instant) {
        // the westernmost offset, and a day that starts as late as it can (just before midnight)
        return LocalDateTime.ofInstant(Objects.requireNonNull(instant, "instant"), ZoneOffset.MIN).toLocalDate()
                .minusDays(1);
    }

    /** The latest date that is some user's today at {@code instant}: see {@link #earliestDateOf}. */
    public static LocalDate latestDateOf(Instant instant) {
        return LocalDateTime.ofInstant(Objects.requireNonNull(instant, "instant"), ZoneOffset.MAX).toLocalDate();
    }

    /** The user's today by the clock's instant (the clock's own zone is ignored). */
    public LocalDate today(Clock clock) {
        return dateOf(Objects.requireNonNull(clock, "clock").instant());
    }

    /**
     * The instant at which the user's day {@code date} begins: {@code dayStart} on that date in the zone,
     * or the first instant after a DST gap that swallows it.
     */
    public Instant startOf(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return date.atTime(dayStart).atZone(zone).toInstant();
    }

    /** The instant at which the user's day {@code date} ends (exclusive): the start of the next day. */
    public Instant endOf(LocalDate date) {
        return startOf(date.plusDays(1));
    }
}
