package io.habitcoach.ai.internal;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;

/**
 * The languages the built-in templates are written in, and the words they fill in around numbers.
 * Weekday names are spelled out here rather than taken from the JDK's locale data, which varies by
 * provider.
 */
public enum TemplateLanguage {
    ENGLISH(List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")),
    PORTUGUESE(List.of("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
            "domingo"));

    /** Nouns that follow a count. */
    public enum Noun { DAY, WEEK, TIME, STEP }

    private final List<String> weekdays;

    TemplateLanguage(List<String> weekdays) {
        this.weekdays = weekdays;
    }

    /**
     * English for English locales; Portuguese (Brazil) for Portuguese and for a locale without a language.
     * Any other language gets English, the more widely read of the two; a language model, when
     * configured, still replies in the user's own language.
     */
    public static TemplateLanguage of(Locale locale) {
        String language = locale.getLanguage();
        if (language.isEmpty() || "pt".equals(language)) {
            return PORTUGUESE;
        }
        return ENGLISH;
    }

    /** "5 days", "1 day", "3 semanas", "1 vez"; in English 1 time is "once". */
    public String count(int n, Noun noun) {
        boolean one = n == 1;
        if (one && noun == Noun.TIME && this == ENGLISH) {
            return "once";
        }
        String word = switch (this) {
            case ENGLISH -> switch (noun) {
                case DAY -> one ? "day" : "days";
                case WEEK -> one ? "week" : "weeks";
                case TIME -> one ? "time" : "times";
                case STEP -> one ? "step" : "steps";
            };
            case PORTUGUESE -> switch (noun) {
                case DAY -> one ? "dia" : "dias";
                case WEEK -> one ? "semana" : "semanas";
                case TIME -> one ? "vez" : "vezes";
                case STEP -> one ? "etapa" : "etapas";
            };
        };
        return n + " " + word;
    }

    /** The scheduled check-ins of a week: "1 planned check-in", "5 registros previstos". */
    public String planned(int n) {
        boolean one = n == 1;
        return switch (this) {
            case ENGLISH -> n + (one ? " planned check-in" : " planned check-ins");
            case PORTUGUESE -> n + (one ? " registro previsto" : " registros previstos");
        };
    }

    /**
     * A habit in a chat list: "Run (3-day streak)", "Correr (sequência de 3 dias)"; a habit without a
     * current streak is "Read (no streak right now)", never "(0 days)".
     */
    public String habitWithStreak(String name, int streak, Noun unit) {
        if (streak == 0) {
            return name + (this == ENGLISH ? " (no streak right now)" : " (sem sequência no momento)");
        }
        if (this == ENGLISH) {
            return name + " (" + streak + (unit == Noun.WEEK ? "-week" : "-day") + " streak)";
        }
        return name + " (sequência de " + count(streak, unit) + ")";
    }

    /** "Tuesday", "terça-feira". */
    public String weekday(DayOfWeek day) {
        return weekdays.get(day.getValue() - 1);
    }

    /** "on Tuesday", "na terça-feira", "no sábado". */
    public String onWeekday(DayOfWeek day) {
        if (this == ENGLISH) {
            return "on " + weekday(day);
        }
        boolean masculine = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return (masculine ? "no " : "na ") + weekday(day);
    }

    /** The period of a missed week: "last week", "na semana passada". */
    public String lastWeek() {
        return this == ENGLISH ? "last week" : "na semana passada";
    }

    public String percent(int percent) {
        return percent + "%";
    }

    /** "a, b and c", "a, b e c". */
    public String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        String last = items.get(items.size() - 1);
        return String.join(", ", items.subList(0, items.size() - 1)) + (this == ENGLISH ? " and " : " e ") + last;
    }
}
