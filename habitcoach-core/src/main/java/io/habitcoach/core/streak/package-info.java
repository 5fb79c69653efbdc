/**
 * The streak rules: habit histories with skips and pauses, current and longest streaks (full and
 * incremental), habit strength, the completion window, milestones and weekly reports. Pure Java, no
 * clock: every entry point takes the user's today.
 */
package io.habitcoach.core.streak;
