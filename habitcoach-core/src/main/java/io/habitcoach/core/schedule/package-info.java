/**
 * Schedules (daily, specific weekdays, N per calendar week), the user's local day (zone and day start)
 * and calendar weeks with a configurable first day.
 */
package io.habitcoach.core.schedule;
