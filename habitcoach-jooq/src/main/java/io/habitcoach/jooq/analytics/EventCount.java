package io.habitcoach.jooq.analytics;

import java.time.LocalDate;

/**
 * How many events of one name were recorded on one day.
 *
 * @param day a UTC calendar day: events are grouped by the UTC date of their instant, whatever
 *            the users' time zones
 */
public record EventCount(String eventName, LocalDate day, long count) {
}
