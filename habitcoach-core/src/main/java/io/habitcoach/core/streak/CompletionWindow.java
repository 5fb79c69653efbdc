package io.habitcoach.core.streak;

import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.InvalidInputException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which dates a completion, skip or undo may be recorded for: today and the {@code daysBefore} days
 * before it. The standard window is today and the seven days before it.
 *
 * @param daysBefore how many days before today are still open, 0 or more
 */
public record CompletionWindow(int daysBefore) {

    private static final CompletionWindow STANDARD = new CompletionWindow(7);

    public CompletionWindow {
        InvalidInputException.require(daysBefore >= 0 && daysBefore <= 366, "daysBefore",
                "from 0 to 366 days, got " + daysBefore);
    }

    /** Today and the seven days before it (rules.md section 3). */
    public static CompletionWindow standard() {
        return STANDARD;
    }

    /** The first date inside the window. */
    public LocalDate earliest(LocalDate today) {
        return Objects.requireNonNull(today, "today").minusDays(daysBefore);
    }

    public boolean contains(LocalDate date, LocalDate today) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(earliest(today)) && !date.isAfter(today);
    }

    /**
     * Throws a {@link CompletionWindowException} that names the allowed range unless
     * {@code today - daysBefore <= date <= today}.
     */
    public void check(LocalDate date, LocalDate today) {
        InvalidInputException.requirePresent(date, "date");
        if (!contains(date, today)) {
            throw new CompletionWindowException(date, earliest(today), today);
        }
    }
}
