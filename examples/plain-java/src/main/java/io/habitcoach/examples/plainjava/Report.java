package io.habitcoach.examples.plainjava;

import static io.habitcoach.jooq.schema.Tables.AI_MESSAGES;
import static io.habitcoach.jooq.schema.Tables.HABIT_COMPLETIONS;
import static io.habitcoach.jooq.schema.Tables.HABIT_PAUSES;

import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.model.EntryKind;
import io.habitcoach.core.schedule.CalendarWeek;
import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.DayOutcome;
import io.habitcoach.core.streak.HabitHistory;
import io.habitcoach.core.streak.UserWeeklyReport;
import io.habitcoach.core.streak.WeeklyReport;
import io.habitcoach.examples.plainjava.Script.HabitKey;
import io.habitcoach.jooq.goals.Goal;
import io.habitcoach.jooq.habits.Habit;
import io.habitcoach.jooq.HabitCoach;
import io.habitcoach.jooq.goals.Subtask;
import io.habitcoach.jooq.users.User;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Prints what the coach knows after the script: streaks and strength from the services, weekly reports
 * from core's rules over the stored entries, the goal, what the jobs did, and the coach's messages.
 * The entries, pauses and messages are read with the generated jOOQ classes
 * ({@code io.habitcoach.jooq.schema.Tables}), always filtered by the user's id, as a host would.
 */
final class Report {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final int WIDTH = 100;

    private final HabitCoach coach;
    private final DSLContext dsl;
    private final String userId;
    private final Map<HabitKey, Habit> created;
    private final String goalId;

    Report(HabitCoach coach, DataSource dataSource, String userId, Map<HabitKey, Habit> created, String goalId) {
        this.coach = coach;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        this.userId = userId;
        this.created = created;
        this.goalId = goalId;
    }

    void print(PrintStream out, String databaseDescription, PlainJavaExample.JobTotals jobs, LocalDate tooOld,
               String refused) {
        User user = coach.users().get(userId);
        LocalDate today = coach.dashboards().dashboard(userId).today();

        out.println();
        out.println("Habit Coach: plain Java example");
        out.println("===============================");
        out.println("Database: " + databaseDescription);
        out.println(user.name() + " <" + user.email() + ">, zone " + user.timezone() + ", language " + user.language()
                + ". Scripted from " + DAY.format(Script.FIRST_DAY) + " to " + DAY.format(Script.LAST_DAY)
                + " on a fixed clock.");
        out.println("Report as of " + LONG_DAY.format(today) + ", " + Script.NIGHTLY_JOBS
                + " (nothing logged today yet: today is still open).");

        out.println();
        out.println("Habits");
        out.printf("  %-19s %-15s %9s %9s %6s %9s   %s%n", "habit", "schedule", "current", "longest", "done",
                "strength", "today");
        Map<HabitKey, HabitHistory> histories = new LinkedHashMap<>();
        for (HabitKey key : HabitKey.values()) {
            Habit habit = coach.habits().get(userId, created.get(key).id());
            histories.put(key, history(user, habit));
            String unit = unit(habit.frequency());
            out.printf("  %-19s %-15s %9s %9s %6d %8d%%   %s%n", habit.name(), schedule(habit.frequency()),
                    count(habit.streak().current(), unit), count(habit.streak().longest(), unit),
                    habit.streak().totalCompleted(), Math.round(habit.strength() * 100),
                    habit.streak().atRisk() ? "at risk: not done yet" : "");
        }

        out.println();
        out.println("Weekly reports (core's WeeklyReport over the stored entries)");
        out.println("  x done   + done, not due   s skipped   - missed   p paused   . not due   o open");
        for (LocalDate start = Script.FIRST_DAY; start.isBefore(Script.REPORT_DAY); start = start.plusWeeks(1)) {
            CalendarWeek week = CalendarWeek.containing(start, user.firstDayOfWeek());
            out.printf("  %-27s %-13s %5s %8s %7s %6s   %s%n", "Week of " + DAY.format(week.start()),
                    weekdayInitials(week), "done", "skipped", "missed", "rate", "streak at week end");
            List<WeeklyReport> reports = new ArrayList<>();
            for (HabitKey key : HabitKey.values()) {
                WeeklyReport report = WeeklyReport.of(histories.get(key), week, today);
                reports.add(report);
                String unit = unit(key.frequency());
                out.printf("    %-25s %-13s %5d %8d %7d %6s   %s (%+d)%n", key.displayName(), days(report.days()),
                        report.done(), report.skipped(), report.missed(), percent(report.completionRate()),
                        count(report.streakAtWeekEnd(), unit), report.streakChange());
            }
            UserWeeklyReport overall = UserWeeklyReport.of(week, reports);
            out.println("    best day: " + overall.bestDay().map(Report::dayName).orElse("none")
                    + ", worst day: " + overall.worstDay().map(Report::dayName).orElse("none"));
        }

        Goal goal = coach.goals().get(userId, goalId);
        out.println();
        out.printf("Goal: %s, %s, %d of %d subtasks%s%n", goal.title(), goal.status().code(),
                goal.completedSubtasks(), goal.totalSubtasks(),
                goal.completedAt() == null ? "" : ", completed on " + DAY.format(local(goal.completedAt(), user)));
        for (Subtask subtask : goal.subtasks()) {
            out.printf("  [%s] %-28s %s%n", subtask.completedAt() == null ? " " : "x", subtask.title(),
                    subtask.completedAt() == null ? subtask.status().code()
                            : "completed " + DAY.format(local(subtask.completedAt(), user)));
        }

        out.println();
        out.println(wrap("Jobs: ", "sweepMissed and weeklyAnalysis ran every night at " + Script.NIGHTLY_JOBS
                + " (" + jobs.nights + " nights): " + jobs.missedPeriods + " missed periods and "
                + jobs.weeklyAnalyses + " weekly analyses raised; running them again raises nothing twice."));
        out.println(wrap("Completion window: ", "logging " + HabitKey.MEDITATE.displayName() + " for "
                + DAY.format(tooOld) + " on " + DAY.format(today) + " is " + refused));

        out.println();
        out.println("Coach messages, by personality (templates: no language model is configured; Ana tried");
        out.println("a different coach each week, and on the last day asked each one \"" + PlainJavaExample.QUESTION
                + "\")");
        printMessages(out, user);
    }

    private void printMessages(PrintStream out, User user) {
        Map<String, List<Record4<OffsetDateTime, String, CoachEventType, String>>> byPersonality = dsl
                .select(AI_MESSAGES.CREATED_AT, AI_MESSAGES.PERSONALITY, AI_MESSAGES.MESSAGE_TYPE, AI_MESSAGES.MESSAGE)
                .from(AI_MESSAGES)
                .where(AI_MESSAGES.USER_ID.eq(userId))
                .orderBy(AI_MESSAGES.CREATED_AT, AI_MESSAGES.ID)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(Record4::value2, LinkedHashMap::new, Collectors.toList()));
        byPersonality.forEach((personality, messages) -> {
            String name = coach.personalities().get(personality)
                    .map(p -> p.displayName(Locale.ENGLISH)).orElse(personality);
            out.println();
            out.println("  " + name + " (" + personality + ")");
            int completions = 0;
            String lastPrefix = null;
            String lastText = null;
            for (Record4<OffsetDateTime, String, CoachEventType, String> message : messages) {
                String line = String.format("    %-10s %-16s ", DAY.format(local(message.value1(), user)),
                        message.value3().code());
                if (message.value3() == CoachEventType.HABIT_COMPLETE) {
                    completions++;
                    lastPrefix = line;
                    lastText = message.value4();
                } else {
                    out.println(wrap(line, message.value4()));
                }
            }
            if (lastText != null) {
                out.println("    ... and " + completions + " habit_complete messages; the last one:");
                out.println(wrap(lastPrefix, lastText));
            }
        });
    }

    /** The habit's entries and pauses, as core's rules take them. */
    private HabitHistory history(User user, Habit habit) {
        HabitHistory.Builder builder = HabitHistory.builder(habit.frequency())
                .firstDayOfWeek(user.firstDayOfWeek())
                .startDate(local(habit.createdAt(), user));
        dsl.select(HABIT_COMPLETIONS.COMPLETED_DATE, HABIT_COMPLETIONS.KIND)
                .from(HABIT_COMPLETIONS)
                .where(HABIT_COMPLETIONS.USER_ID.eq(userId))
                .and(HABIT_COMPLETIONS.HABIT_ID.eq(habit.id()))
                .forEach(entry -> {
                    if (entry.value2() == EntryKind.DONE) {
                        builder.done(entry.value1());
                    } else {
                        builder.skipped(entry.value1());
                    }
                });
        dsl.select(HABIT_PAUSES.PAUSED_FROM, HABIT_PAUSES.RESUMED_ON)
                .from(HABIT_PAUSES)
                .where(HABIT_PAUSES.USER_ID.eq(userId))
                .and(HABIT_PAUSES.HABIT_ID.eq(habit.id()))
                .forEach(pause -> builder.paused(pause.value1(), pause.value2()));
        return builder.build();
    }

    private static LocalDate local(OffsetDateTime instant, User user) {
        return instant.atZoneSameInstant(user.timezone()).toLocalDate();
    }

    static String schedule(Frequency frequency) {
        if (frequency instanceof Frequency.TimesPerWeek perWeek) {
            return perWeek.times() + " times a week";
        }
        if (frequency instanceof Frequency.SpecificDays specific) {
            return specific.days().stream().sorted()
                    .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    .collect(Collectors.joining(", "));
        }
        return "every day";
    }

    static String unit(Frequency frequency) {
        return frequency instanceof Frequency.TimesPerWeek ? "week" : "day";
    }

    static String count(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String weekdayInitials(CalendarWeek week) {
        return week.days().stream().map(day -> day.getDayOfWeek().getDisplayName(TextStyle.NARROW, Locale.ENGLISH))
                .collect(Collectors.joining(" "));
    }

    private static String days(List<DayOutcome> outcomes) {
        return outcomes.stream().map(Report::symbol).collect(Collectors.joining(" "));
    }

    private static String symbol(DayOutcome outcome) {
        return switch (outcome) {
            case DONE -> "x";
            case DONE_NOT_COUNTED -> "+";
            case SKIPPED -> "s";
            case MISSED -> "-";
            case PAUSED -> "p";
            case OPEN -> "o";
            case NOT_SCHEDULED, NO_ENTRY, BEFORE_START -> ".";
        };
    }

    private static String percent(OptionalDouble rate) {
        return rate.isPresent() ? Math.round(rate.getAsDouble() * 100) + "%" : "n/a";
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** {@code prefix + text}, wrapped at {@value #WIDTH} columns, continuation lines indented like the text. */
    private static String wrap(String prefix, String text) {
        String indent = " ".repeat(prefix.isEmpty() ? 6 : prefix.length());
        StringBuilder result = new StringBuilder(prefix.isEmpty() ? indent : prefix);
        int column = result.length();
        boolean first = true;
        for (String word : text.strip().split("\\s+")) {
            if (!first && column + 1 + word.length() > WIDTH) {
                result.append('\n').append(indent);
                column = indent.length();
                first = true;
            }
            if (!first) {
                result.append(' ');
                column++;
            }
            result.append(word);
            column += word.length();
            first = false;
        }
        return result.toString();
    }
}
