package io.habitcoach.core.schedule;

import io.habitcoach.core.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The frequencies a habit had over time, so that a change of schedule never rewrites the past: every
 * day and period is judged by the frequency in force then (docs/rules.md, "Schedule changes").
 *
 * <p>Spans are strictly ascending by {@link ScheduleSpan#from()}. The first span also covers every day
 * before its {@code from} (entries back-filled before the habit existed). A change takes effect with
 * the current period of the new frequency: on its day for a daily or specific-days frequency, from the
 * first day of that calendar week for a per-week one (the streak rules apply this; here the spans are
 * only kept).
 *
 * @param spans at least one, strictly ascending by {@code from}; kept as an unmodifiable copy
 */
public record ScheduleHistory(List<ScheduleSpan> spans) {

    /** The {@code from} of a schedule that has always been in force: the earliest date the rules accept. */
    public static final LocalDate ALWAYS = LocalDate.of(1, 1, 1);

    public ScheduleHistory {
        InvalidInputException.require(spans != null && !spans.isEmpty(), "spans", "at least one schedule span");
        InvalidInputException.require(spans.stream().allMatch(Objects::nonNull), "spans", "spans without nulls");
        for (int i = 1; i < spans.size(); i++) {
            InvalidInputException.require(spans.get(i).from().isAfter(spans.get(i - 1).from()), "spans",
                    "spans in strictly ascending order of their from dates; " + spans.get(i).from()
                            + " follows " + spans.get(i - 1).from());
        }
        spans = List.copyOf(spans);
    }

    /** One frequency that has always been in force. */
    public static ScheduleHistory of(Frequency frequency) {
        return new ScheduleHistory(List.of(new ScheduleSpan(ALWAYS, frequency)));
    }

    /** The spans as given (strictly ascending). */
    public static ScheduleHistory of(ScheduleSpan... spans) {
        return new ScheduleHistory(List.of(spans));
    }

    /**
     * This history with {@code frequency} in force from {@code from} on: later spans are dropped, and a
     * span starting on {@code from} is replaced (the last change of a day wins).
     */
    public ScheduleHistory then(LocalDate from, Frequency frequency) {
        ScheduleSpan next = new ScheduleSpan(from, frequency);
        List<ScheduleSpan> kept = new ArrayList<>(spans.size() + 1);
        for (ScheduleSpan span : spans) {
            if (span.from().isBefore(from)) {
                kept.add(span);
            }
        }
        kept.add(next);
        return new ScheduleHistory(kept);
    }

    /** The frequency in force now: the last span's. */
    public Frequency current() {
        return spans.get(spans.size() - 1).frequency();
    }

    /** The frequency in force on {@code day} (the first span's for days before it). */
    public Frequency frequencyOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        Frequency in = spans.get(0).frequency();
        for (ScheduleSpan span : spans) {
            if (span.from().isAfter(day)) {
                break;
            }
            in = span.frequency();
        }
        return in;
    }

    /** Whether one frequency was in force throughout (adjacent equal spans do not count as a change). */
    public boolean isUniform() {
        Frequency first = spans.get(0).frequency();
        return spans.stream().allMatch(span -> span.frequency().equals(first));
    }

    /** The same history with adjacent spans of equal frequency merged into the earlier one. */
    public ScheduleHistory simplified() {
        List<ScheduleSpan> merged = new ArrayList<>(spans.size());
        for (ScheduleSpan span : spans) {
            if (merged.isEmpty() || !merged.get(merged.size() - 1).frequency().equals(span.frequency())) {
                merged.add(span);
            }
        }
        return merged.size() == spans.size() ? this : new ScheduleHistory(Collections.unmodifiableList(merged));
    }
}
