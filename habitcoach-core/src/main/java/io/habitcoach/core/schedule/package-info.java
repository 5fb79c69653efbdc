/** Schedules (daily, specific weekdays, N per week), the user's local day and calendar weeks. */
package io.habitcoach.core.schedule;
