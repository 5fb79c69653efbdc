package io.habitcoach.jooq.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One reminder to send: the habit's preferred time on one of the user's days, as an instant.
 *
 * @param userId    the owner of the habit
 * @param habitId   the habit
 * @param habitName the habit's name, for the notification's text
 * @param localDate the user's day the reminder is for (the date a completion from the notification
 *                  is recorded on); with a day start after the preferred time it is the calendar day
 *                  before the one on the wall clock
 * @param sendAt    when to send it: the preferred time on that day in the user's zone (the first
 *                  instant after a DST gap that skips it; the first of the two on a fall-back day)
 * @param zone      the user's zone
 * @param language  the user's language (a BCP 47 tag such as {@code pt-BR}) for the notification's text
 */
public record DueReminder(String userId, String habitId, String habitName, LocalDate localDate, Instant sendAt,
        ZoneId zone, String language) {
}
