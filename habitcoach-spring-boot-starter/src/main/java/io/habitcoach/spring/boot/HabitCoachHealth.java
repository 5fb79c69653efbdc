package io.habitcoach.spring.boot;

import io.habitcoach.jooq.HabitCoach;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code habitcoach} health indicator reports, apart from Spring Boot's health types (which
 * differ between Boot 3 and Boot 4): DOWN when the schema is behind the library's latest migration or
 * cannot be read; otherwise UNKNOWN while the scheduled jobs have not run yet, else UP. Details: the
 * pending migrations, and the age of the last job run. Never calls a language model.
 */
public final class HabitCoachHealth {

    /** The outcome: a status (UP, DOWN, UNKNOWN) and details. */
    public record Report(String status, Map<String, Object> details) {
    }

    private final HabitCoach coach;
    private final HabitCoachJobScheduler jobs;

    /** @param jobs the scheduler, or null when the jobs are not scheduled in this application */
    public HabitCoachHealth(HabitCoach coach, HabitCoachJobScheduler jobs) {
        this.coach = coach;
        this.jobs = jobs;
    }

    public Report check() {
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> pending;
        try {
            pending = coach.pendingMigrations();
        } catch (RuntimeException e) {
            details.put("schema", "unreadable: " + e.getMessage());
            return new Report("DOWN", details);
        }
        details.put("schema", pending.isEmpty() ? "latest" : "behind");
        if (!pending.isEmpty()) {
            details.put("pendingMigrations", pending);
            return new Report("DOWN", details);
        }
        if (jobs == null) {
            details.put("jobs", "not scheduled in this application");
            return new Report("UP", details);
        }
        Optional<Instant> last = jobs.lastRunEnded();
        if (last.isEmpty()) {
            details.put("jobs", "no run yet");
            return new Report("UNKNOWN", details);
        }
        Clock clock = coach.clock();
        details.put("lastJobRunEnded", last.get().toString());
        details.put("lastJobRunAge", Duration.between(last.get(), clock.instant()).toString());
        return new Report("UP", details);
    }
}
