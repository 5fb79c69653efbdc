package io.habitcoach.examples.springboot.web;

import io.habitcoach.core.schedule.Frequency;
import io.habitcoach.core.streak.HabitCalendar;
import io.habitcoach.core.streak.HabitCalendar.DayState;
import io.habitcoach.jooq.habits.Habit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a page draws of one habit: its streaks and its calendar as rows of seven cells. */
record HabitView(String id, String name, String schedule, int current, int longest, int total, boolean atRisk,
        boolean doneToday, String unit, List<List<Cell>> rows) {

    /** One day of the heat map: a state the CSS colours, a symbol and a label so colour is never alone. */
    record Cell(String date, String state, String symbol, String label) {
    }

    static HabitView of(Habit habit, HabitCalendar calendar, LocalDate today) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Cell> row = new ArrayList<>();
        boolean doneToday = false;
        for (HabitCalendar.Day day : calendar.days()) {
            row.add(cell(day));
            if (row.size() == 7) {
                rows.add(row);
                row = new ArrayList<>();
            }
            if (day.date().equals(today) && (day.state() == DayState.DONE || day.state() == DayState.DONE_NOT_COUNTED)) {
                doneToday = true;
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        boolean weeks = habit.frequency() instanceof Frequency.TimesPerWeek;
        return new HabitView(habit.id(), habit.name(), schedule(habit.frequency()), habit.streak().current(),
                habit.streak().longest(), habit.streak().totalCompleted(), habit.streak().atRisk(), doneToday,
                weeks ? "weeks" : "days", rows);
    }

    private static Cell cell(HabitCalendar.Day day) {
        String state = day.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String symbol = switch (day.state()) {
            case DONE, DONE_NOT_COUNTED -> "✓";
            case SKIPPED -> "–";
            case MISSED -> "✗";
            case PAUSED -> "Ⅱ";
            case OPEN -> "○";
            default -> "";
        };
        String words = switch (day.state()) {
            case DONE -> "done";
            case DONE_NOT_COUNTED -> "done (not scheduled)";
            case SKIPPED -> "skipped";
            case MISSED -> "missed";
            case OPEN -> "open, not done yet";
            case PAUSED -> "paused";
            case NOT_SCHEDULED -> "not scheduled";
            case NO_ENTRY -> "no entry";
            case BEFORE_START -> "before the habit started";
            case FUTURE -> "future";
        };
        String weekday = day.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return new Cell(day.date().toString(), state, symbol, weekday + " " + day.date() + ": " + words);
    }

    private static String schedule(Frequency frequency) {
        if (frequency instanceof Frequency.TimesPerWeek perWeek) {
            return perWeek.times() + " times a week";
        }
        return frequency.weekdays()
                .map(days -> days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .collect(Collectors.joining(", ")))
                .orElse("every day");
    }

    static List<String> weekdayHeaders(DayOfWeek first) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            names.add(first.plus(i).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        return names;
    }
}
