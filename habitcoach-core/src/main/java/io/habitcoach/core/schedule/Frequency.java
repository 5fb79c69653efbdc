package io.habitcoach.core.schedule;

import io.habitcoach.core.InvalidInputException;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How often a habit is due: every day, on listed weekdays, or N times per calendar week.
 *
 * <p>Build one with {@link #daily()}, {@link #specificDays(Set)} or {@link #timesPerWeek(int)}; a
 * value read from the {@code habits} row goes through {@link #of(FrequencyType, Set, Integer)}, which
 * also enforces that {@code specific_days} is set if and only if the type is {@code specific_days}
 * and {@code times_per_week} if and only if it is {@code per_week}.
 */
public sealed interface Frequency permits Frequency.Daily, Frequency.SpecificDays, Frequency.TimesPerWeek {

    /** Every calendar day. */
    static Frequency daily() {
        return Daily.INSTANCE;
    }

    /** The listed weekdays only; the set must be non-empty and free of nulls. */
    static Frequency specificDays(Set<DayOfWeek> days) {
        return new SpecificDays(days);
    }

    /** The listed weekdays only; at least one day, no nulls. Duplicates are ignored. */
    static Frequency specificDays(DayOfWeek... days) {
        InvalidInputException.require(days != null && days.length > 0, "specificDays",
                "at least one day of the week, e.g. [\"Monday\",\"Friday\"]");
        InvalidInputException.require(Arrays.stream(days).allMatch(Objects::nonNull), "specificDays",
                "days of the week without nulls");
        return new SpecificDays(EnumSet.copyOf(Arrays.asList(days)));
    }

    /**
     * Weekday names as stored in {@code habits.specific_days} ({@code "Monday"} ... {@code "Sunday"},
     * English, case-insensitive). An unknown name is an {@link InvalidInputException}.
     */
    static Frequency specificDaysNamed(Collection<String> dayNames) {
        InvalidInputException.require(dayNames != null && !dayNames.isEmpty(), "specificDays",
                "at least one day of the week, e.g. [\"Monday\",\"Friday\"]");
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : dayNames) {
            days.add(parseDayName(name));
        }
        return new SpecificDays(days);
    }

    /** N completions per calendar week, 1 &lt;= N &lt;= 7. */
    static Frequency timesPerWeek(int n) {
        return new TimesPerWeek(n);
    }

    /**
     * The frequency stored in a {@code habits} row: {@code specificDays} must be present exactly when
     * the type is {@code SPECIFIC_DAYS}, {@code timesPerWeek} exactly when it is {@code PER_WEEK}.
     */
    static Frequency of(FrequencyType type, Set<DayOfWeek> specificDays, Integer timesPerWeek) {
        InvalidInputException.requirePresent(type, "frequency");
        InvalidInputException.require((type == FrequencyType.SPECIFIC_DAYS) == (specificDays != null),
                "specificDays", "set if and only if the frequency is specific_days (frequency is " + type.code() + ")");
        InvalidInputException.require((type == FrequencyType.PER_WEEK) == (timesPerWeek != null),
                "timesPerWeek", "set if and only if the frequency is per_week (frequency is " + type.code() + ")");
        return switch (type) {
            case DAILY -> daily();
            case SPECIFIC_DAYS -> specificDays(specificDays);
            case PER_WEEK -> timesPerWeek(timesPerWeek);
        };
    }

    /** Parses an English weekday name ({@code "Monday"}, case-insensitive). */
    static DayOfWeek parseDayName(String name) {
        if (name != null) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (dayName(day).equalsIgnoreCase(name.trim())) {
                    return day;
                }
            }
        }
        throw new InvalidInputException("specificDays",
                "English day names Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday; got " + name);
    }

    /** The English name stored for a weekday, e.g. {@code "Monday"}. */
    static String dayName(DayOfWeek day) {
        return Objects.requireNonNull(day, "day").getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** The stored kind of schedule. */
    FrequencyType type();

    /**
     * Whether a completion on this weekday counts towards the schedule. Always true for daily and
     * per-week habits (for per-week habits any day counts towards the week's target).
     */
    boolean countsOn(DayOfWeek day);

    /**
     * The target frequency {@code f} of habit strength: 1 for daily, k/7 for k specific days, N/7 for N
     * per week.
     */
    double rate();

    /** The weekdays for the {@code specific_days} column: present only for {@code SPECIFIC_DAYS}. */
    default Optional<Set<DayOfWeek>> weekdays() {
        return Optional.empty();
    }

    /** The value for the {@code times_per_week} column: present only for {@code PER_WEEK}. */
    default OptionalInt weeklyTarget() {
        return OptionalInt.empty();
    }

    /** Every calendar day. */
    record Daily() implements Frequency {
        static final Daily INSTANCE = new Daily();

        @Override
        public FrequencyType type() {
            return FrequencyType.DAILY;
        }

        @Override
        public boolean countsOn(DayOfWeek day) {
            Objects.requireNonNull(day, "day");
            return true;
        }

        @Override
        public double rate() {
            return 1.0;
        }
    }

    /**
     * The listed weekdays only.
     *
     * @param days non-empty; kept as an unmodifiable copy
     */
    record SpecificDays(Set<DayOfWeek> days) implements Frequency {
        public SpecificDays {
            InvalidInputException.require(days != null && !days.isEmpty(), "specificDays",
                    "at least one day of the week, e.g. [\"Monday\",\"Friday\"]");
            InvalidInputException.require(days.stream().allMatch(Objects::nonNull), "specificDays",
                    "days of the week without nulls");
            // An EnumSet copy iterates Monday..Sunday, so equal sets print and store alike.
            days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        }

        @Override
        public FrequencyType type() {
            return FrequencyType.SPECIFIC_DAYS;
        }

        @Override
        public boolean countsOn(DayOfWeek day) {
            return days.contains(Objects.requireNonNull(day, "day"));
        }

        @Override
        public double rate() {
            return days.size() / 7.0;
        }

        @Override
        public Optional<Set<DayOfWeek>> weekdays() {
            return Optional.of(days);
        }

        /** The English day names in week order (Monday first), as stored in {@code specific_days}. */
        public List<String> dayNames() {
            List<String> names = new ArrayList<>(days.size());
            for (DayOfWeek day : days) {
                names.add(Frequency.dayName(day));
            }
            return Collections.unmodifiableList(names);
        }
    }

    /**
     * N completions per calendar week.
     *
     * @param times 1 to 7
     */
    record TimesPerWeek(int times) implements Frequency {
        public TimesPerWeek {
            InvalidInputException.require(times >= 1 && times <= 7, "timesPerWeek",
                    "an integer from 1 to 7, got " + times);
        }

        @Override
        public FrequencyType type() {
            return FrequencyType.PER_WEEK;
        }

        @Override
        public boolean countsOn(DayOfWeek day) {
            Objects.requireNonNull(day, "day");
            return true;
        }

        @Override
        public double rate() {
            return times / 7.0;
        }

        @Override
        public OptionalInt weeklyTarget() {
            return OptionalInt.of(times);
        }
    }
}
