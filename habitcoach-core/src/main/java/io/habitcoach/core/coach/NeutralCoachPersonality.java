package io.habitcoach.core.coach;

import io.habitcoach.core.coach.CoachEvent.ChatReply;
import io.habitcoach.core.coach.CoachEvent.GoalCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitMissed;
import io.habitcoach.core.coach.CoachEvent.StreakMilestone;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis;
import java.util.List;
import java.util.Locale;

/**
 * A plain, friendly coach in Portuguese (Brazil) and English, used only when no other personality is on
 * the class path, so that core and the database module work without {@code habitcoach-ai}. English for
 * English locales, Portuguese otherwise (the seed's default language).
 */
final class NeutralCoachPersonality implements CoachPersonality {

    @Override
    public String id() {
        return CoachPersonalities.NEUTRAL_ID;
    }

    @Override
    public String displayName(Locale locale) {
        return "Coach";
    }

    @Override
    public String systemPrompt(Locale locale) {
        return english(locale)
                ? "You are a friendly, concise habit coach. Encourage progress, never mock a setback, and call "
                + "a skipped or paused day rest, not failure. State only names and numbers given in the facts."
                : "Você é um coach de hábitos amigável e objetivo. Incentive o progresso, nunca zombe de um "
                + "tropeço e chame um dia pulado ou pausado de descanso, não de falha. Cite apenas nomes e "
                + "números dados nos fatos.";
    }

    @Override
    public String message(CoachEvent event, CoachContext context) {
        boolean en = english(context.locale());
        List<String> phrasings;
        if (event instanceof HabitCompleted e) {
            String streak = e.currentStreak() > 0
                    ? (en ? " Streak: " + units(e.currentStreak(), e.unit(), true) + "."
                          : " Sequência: " + units(e.currentStreak(), e.unit(), false) + ".")
                    : "";
            phrasings = en
                    ? List.of("Done: " + e.habitName() + "." + streak + " Total: " + e.totalCompleted() + ".",
                              e.habitName() + " is checked off." + streak + (e.totalCompleted() == 1
                                      ? " Completed once so far." : " Completed " + e.totalCompleted() + " times in all."))
                    : List.of("Feito: " + e.habitName() + "." + streak + " Total: " + e.totalCompleted() + ".",
                              "Hábito " + e.habitName() + " registrado." + streak + " Total de registros: " + e.totalCompleted() + ".");
        } else if (event instanceof StreakMilestone e) {
            String length = units(e.milestone(), e.unit(), en);
            phrasings = en
                    ? List.of(e.habitName() + ": a streak of " + length + ". Well done!",
                              "Milestone for " + e.habitName() + ": " + length + " in a row.")
                    : List.of(e.habitName() + ": sequência de " + length + ". Parabéns!",
                              "Marco em " + e.habitName() + ": sequência de " + length + ".");
        } else if (event instanceof HabitMissed e) {
            String ended = e.previousStreak() > 0
                    ? (en ? " The streak of " + units(e.previousStreak(), e.unit(), true) + " ended, and you can start a new one today."
                          : " A sequência de " + units(e.previousStreak(), e.unit(), false) + " terminou, e você pode começar outra hoje.")
                    : (en ? " Today is a good day to get back to it." : " Hoje é um bom dia para retomar.");
            phrasings = en
                    ? List.of(e.habitName() + " was missed." + ended, "No check-in for " + e.habitName() + " this time." + ended)
                    : List.of(e.habitName() + " ficou para trás." + ended, "Sem registro de " + e.habitName() + " desta vez." + ended);
        } else if (event instanceof GoalCompleted e) {
            String tasks = e.subtaskCount() > 0
                    ? (en ? " Subtasks done: " + e.subtaskCount() + "." : " Etapas concluídas: " + e.subtaskCount() + ".")
                    : "";
            phrasings = en
                    ? List.of("Goal completed: " + e.goalTitle() + "." + tasks, "You finished " + e.goalTitle() + ". Congratulations!" + tasks)
                    : List.of("Meta concluída: " + e.goalTitle() + "." + tasks, "Você concluiu " + e.goalTitle() + ". Parabéns!" + tasks);
        } else if (event instanceof WeeklyAnalysis e) {
            phrasings = e.scheduled() == 0
                    ? (en ? List.of("Nothing was scheduled this week.", "A quiet week with nothing scheduled.")
                          : List.of("Nada estava agendado nesta semana.", "Uma semana tranquila, sem nada agendado."))
                    : (en ? List.of("This week: " + e.done() + " of " + e.scheduled() + " done (" + e.completionRatePercent() + "%).",
                                    "Week in review: " + e.completionRatePercent() + "%, " + e.done() + " of " + e.scheduled() + ".")
                          : List.of("Nesta semana: " + e.done() + " de " + e.scheduled() + " feitos (" + e.completionRatePercent() + "%).",
                                    "Resumo da semana: " + e.completionRatePercent() + "%, " + e.done() + " de " + e.scheduled() + "."));
        } else {
            ChatReply e = (ChatReply) event;
            StringBuilder habits = new StringBuilder();
            for (ChatReply.HabitSnapshot habit : e.habits()) {
                habits.append(habits.length() == 0 ? "" : ", ").append(habit.habitName());
                if (habit.currentStreak() > 0) {
                    // A zero streak is left unsaid rather than written "(0 days)".
                    habits.append(" (").append(units(habit.currentStreak(), habit.unit(), en)).append(')');
                }
            }
            phrasings = e.habits().isEmpty()
                    ? (en ? List.of("I can't answer in full right now. Create a habit to get started.")
                          : List.of("Não consigo responder por completo agora. Crie um hábito para começar."))
                    : (en ? List.of("I can't answer in full right now. Your streaks: " + habits + ".")
                          : List.of("Não consigo responder por completo agora. Suas sequências: " + habits + "."));
        }
        return context.choose(event, phrasings);
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private static String units(int count, StreakUnit unit, boolean en) {
        boolean days = unit == StreakUnit.DAYS;
        if (en) {
            return count + (days ? (count == 1 ? " day" : " days") : (count == 1 ? " week" : " weeks"));
        }
        return count + (days ? (count == 1 ? " dia" : " dias") : (count == 1 ? " semana" : " semanas"));
    }
}
