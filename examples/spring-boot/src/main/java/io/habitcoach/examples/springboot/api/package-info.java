/**
 * The REST API: controllers that translate HTTP to {@code HabitCoach} calls, the JSON shapes, and the
 * mapping of errors to RFC 9457 problem details.
 */
package io.habitcoach.examples.springboot.api;
