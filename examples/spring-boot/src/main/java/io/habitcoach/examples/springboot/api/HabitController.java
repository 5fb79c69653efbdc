package io.habitcoach.examples.springboot.api;

import io.habitcoach.core.model.EntryKind;
import io.habitcoach.examples.springboot.api.Requests.EntryRequest;
import io.habitcoach.examples.springboot.api.Requests.NewHabitRequest;
import io.habitcoach.examples.springboot.api.Views.EntryView;
import io.habitcoach.examples.springboot.api.Views.HabitView;
import io.habitcoach.jooq.habits.Completion;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.habits.NewHabit;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Habits and their daily entries. An entry is a resource per local date: {@code PUT} marks the day done
 * or skipped (idempotent, as the library is), {@code DELETE} undoes it. A habit of another user is
 * answered like one that does not exist: 404.
 */
@RestController
@RequestMapping("/users/{userId}/habits")
class HabitController {

    private final HabitCoach coach;

    HabitController(HabitCoach coach) {
        this.coach = coach;
    }

    @PostMapping
    ResponseEntity<HabitView> create(@PathVariable String userId, @Valid @RequestBody NewHabitRequest request) {
        Habit habit = coach.habits().create(userId, NewHabit.builder()
                .name(request.name())
                .description(request.description())
                .frequency(request.frequency().toFrequency())
                .build());
        return ResponseEntity.created(URI.create("/users/" + userId + "/habits/" + habit.id()))
                .body(HabitView.of(habit));
    }

    @GetMapping
    List<HabitView> list(@PathVariable String userId) {
        return coach.habits().list(userId).stream().map(HabitView::of).toList();
    }

    @GetMapping("/{habitId}")
    HabitView get(@PathVariable String userId, @PathVariable String habitId) {
        return HabitView.of(coach.habits().get(userId, habitId));
    }

    /** Marks {@code date} (the user's local day, {@code yyyy-MM-dd}) done or skipped. */
    @PutMapping("/{habitId}/entries/{date}")
    EntryView record(@PathVariable String userId, @PathVariable String habitId,
                     @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                     @Valid @RequestBody(required = false) EntryRequest request) {
        EntryKind kind = request == null || request.kind() == null ? EntryKind.DONE : EntryKind.fromCode(request.kind());
        Completion entry = kind == EntryKind.SKIPPED
                ? coach.habits().skip(userId, habitId, date)
                : coach.habits().complete(userId, habitId, date, request == null ? null : request.notes());
        return EntryView.of(entry);
    }

    /** Undoes the entry of {@code date}; 204 whether or not there was one. */
    @DeleteMapping("/{habitId}/entries/{date}")
    ResponseEntity<Void> undo(@PathVariable String userId, @PathVariable String habitId,
                              @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        coach.habits().undo(userId, habitId, date);
        return ResponseEntity.noContent().build();
    }
}
