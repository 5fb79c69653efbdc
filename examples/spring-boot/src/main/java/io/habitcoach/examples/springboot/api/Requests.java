package io.habitcoach.examples.springboot.api;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.schedule.FrequencyType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON bodies the API accepts. Bean Validation checks their shape (a 400 with the fields named);
 * the library checks everything else (time zones, personalities, frequencies) and says which field
 * is wrong the same way.
 */
public final class Requests {

    private Requests() {
    }

    /** {@code POST /users}. Only the email is required; the library's defaults fill the rest. */
    public record NewUserRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 100) String name,
            String timezone,
            String language,
            String personality) {
    }

    /** {@code POST /users/{userId}/habits}. */
    public record NewHabitRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull @Valid FrequencyRequest frequency) {
    }

    /**
     * A frequency: {@code {"type":"daily"}}, {@code {"type":"specific_days","days":["Monday","Friday"]}}
     * or {@code {"type":"per_week","timesPerWeek":3}}.
     */
    public record FrequencyRequest(@NotBlank String type, List<String> days, Integer timesPerWeek) {

        Frequency toFrequency() {
            Set<DayOfWeek> weekdays = null;
            if (days != null) {
                weekdays = EnumSet.noneOf(DayOfWeek.class);
                for (String day : days) {
                    weekdays.add(Frequency.parseDayName(day));
                }
            }
            return Frequency.of(FrequencyType.fromCode(type), weekdays, timesPerWeek);
        }
    }

    /** {@code PUT /users/{userId}/habits/{habitId}/entries/{date}}: {@code done} (default) or {@code skipped}. */
    public record EntryRequest(String kind, @Size(max = 1000) String notes) {
    }

    /** A message to the coach. */
    public record MessageRequest(@NotBlank @Size(max = 4000) String message) {
    }
}
