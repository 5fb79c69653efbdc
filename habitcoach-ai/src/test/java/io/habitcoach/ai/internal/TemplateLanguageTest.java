package io.habitcoach.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.ai.internal.TemplateLanguage.Noun;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis.HabitLine;
import io.habitcoach.core.coach.StreakUnit;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TemplateLanguageTest {

    @Test
    void localesMapToPortugueseOrEnglish() {
        assertThat(TemplateLanguage.of(Locale.forLanguageTag("pt-BR"))).isEqualTo(TemplateLanguage.PORTUGUESE);
        assertThat(TemplateLanguage.of(Locale.forLanguageTag("pt"))).isEqualTo(TemplateLanguage.PORTUGUESE);
        assertThat(TemplateLanguage.of(Locale.ROOT)).isEqualTo(TemplateLanguage.PORTUGUESE);
        assertThat(TemplateLanguage.of(Locale.UK)).isEqualTo(TemplateLanguage.ENGLISH);
        assertThat(TemplateLanguage.of(Locale.forLanguageTag("es"))).isEqualTo(TemplateLanguage.ENGLISH);
    }

    @Test
    void countsAgreeInNumber() {
        assertThat(TemplateLanguage.ENGLISH.count(1, Noun.DAY)).isEqualTo("1 day");
        assertThat(TemplateLanguage.ENGLISH.count(0, Noun.DAY)).isEqualTo("0 days");
        assertThat(TemplateLanguage.ENGLISH.count(2, Noun.TIME)).isEqualTo("2 times");
        assertThat(TemplateLanguage.PORTUGUESE.count(1, Noun.TIME)).isEqualTo("1 vez");
        assertThat(TemplateLanguage.PORTUGUESE.count(3, Noun.WEEK)).isEqualTo("3 semanas");
        assertThat(TemplateLanguage.PORTUGUESE.count(1, Noun.STEP)).isEqualTo("1 etapa");
    }

    @Test
    void oneTimeIsOnceAndPlannedCheckInsAgree() {
        assertThat(TemplateLanguage.ENGLISH.count(1, Noun.TIME)).isEqualTo("once");
        assertThat(TemplateLanguage.ENGLISH.planned(1)).isEqualTo("1 planned check-in");
        assertThat(TemplateLanguage.ENGLISH.planned(5)).isEqualTo("5 planned check-ins");
        assertThat(TemplateLanguage.PORTUGUESE.planned(1)).isEqualTo("1 registro previsto");
        assertThat(TemplateLanguage.PORTUGUESE.planned(19)).isEqualTo("19 registros previstos");
    }

    @Test
    void aHabitInAChatListNeverShowsAZeroStreak() {
        assertThat(TemplateLanguage.ENGLISH.habitWithStreak("Run", 3, Noun.DAY)).isEqualTo("Run (3-day streak)");
        assertThat(TemplateLanguage.ENGLISH.habitWithStreak("Gym", 1, Noun.WEEK)).isEqualTo("Gym (1-week streak)");
        assertThat(TemplateLanguage.ENGLISH.habitWithStreak("Read", 0, Noun.DAY)).isEqualTo("Read (no streak right now)");
        assertThat(TemplateLanguage.PORTUGUESE.habitWithStreak("Ler", 1, Noun.DAY)).isEqualTo("Ler (sequência de 1 dia)");
        assertThat(TemplateLanguage.PORTUGUESE.habitWithStreak("Ler", 0, Noun.DAY)).isEqualTo("Ler (sem sequência no momento)");
    }

    @Test
    void tomorrowPhrasingsAreOfferedOnlyForAStreakOfDaysDueTomorrow() {
        TemplateCoach coach = TemplateCoach.create(GeneralPhrases.ENGLISH, GeneralPhrases.PORTUGUESE);
        java.time.LocalDate day = java.time.LocalDate.of(2025, 3, 4);
        int withTomorrow = GeneralPhrases.ENGLISH.phrasings(Slot.COMPLETE).size()
                + GeneralPhrases.ENGLISH.phrasings(Slot.COMPLETE_TOMORROW).size();
        assertThat(coach.parts(new io.habitcoach.core.coach.CoachEvent.HabitCompleted("Run", day, 5, 5, 9,
                StreakUnit.DAYS, true), Locale.ENGLISH).get(0).phrasings()).hasSize(withTomorrow);
        for (Boolean due : java.util.Arrays.asList(false, null)) {
            assertThat(coach.parts(new io.habitcoach.core.coach.CoachEvent.HabitCompleted("Run", day, 5, 5, 9,
                    StreakUnit.DAYS, due), Locale.ENGLISH).get(0).phrasings())
                    .hasSize(GeneralPhrases.ENGLISH.phrasings(Slot.COMPLETE).size());
        }
        assertThat(coach.parts(new io.habitcoach.core.coach.CoachEvent.HabitCompleted("Gym", day, 5, 5, 9,
                StreakUnit.WEEKS, true), Locale.ENGLISH).get(0).phrasings())
                .hasSize(GeneralPhrases.ENGLISH.phrasings(Slot.COMPLETE).size());
    }

    @Test
    void weekdaysTakeTheRightPortugueseArticle() {
        assertThat(TemplateLanguage.PORTUGUESE.onWeekday(DayOfWeek.TUESDAY)).isEqualTo("na terça-feira");
        assertThat(TemplateLanguage.PORTUGUESE.onWeekday(DayOfWeek.SATURDAY)).isEqualTo("no sábado");
        assertThat(TemplateLanguage.ENGLISH.onWeekday(DayOfWeek.SUNDAY)).isEqualTo("on Sunday");
    }

    @Test
    void listsJoinWithTheLanguagesAnd() {
        assertThat(TemplateLanguage.ENGLISH.list(List.of("a", "b", "c"))).isEqualTo("a, b and c");
        assertThat(TemplateLanguage.PORTUGUESE.list(List.of("a", "b"))).isEqualTo("a e b");
        assertThat(TemplateLanguage.PORTUGUESE.list(List.of("a"))).isEqualTo("a");
    }

    @Test
    void theWeeksFocusIsTheHabitThatFellShortMost() {
        HabitLine run = new HabitLine("Run", 6, 7, 3, StreakUnit.DAYS);
        HabitLine read = new HabitLine("Read", 1, 3, 0, StreakUnit.DAYS);
        HabitLine gym = new HabitLine("Gym", 1, 1, 2, StreakUnit.WEEKS);
        assertThat(TemplateCoach.focus(List.of(run, read, gym))).isEqualTo(read);
        assertThat(TemplateCoach.focus(List.of(gym))).isNull();
        assertThat(TemplateCoach.focus(List.of())).isNull();
    }
}
