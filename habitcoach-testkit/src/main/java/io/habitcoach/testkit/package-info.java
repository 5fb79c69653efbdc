/**
 * Real PostgreSQL for tests: {@link io.habitcoach.testkit.HabitCoachTestDatabase} gives a migrated
 * database with one call, {@link io.habitcoach.testkit.HabitCoachDatabaseExtension} one per test
 * class. Set {@code HABITCOACH_TEST_JDBC_URL} to use an external server instead of the embedded one.
 */
package io.habitcoach.testkit;
