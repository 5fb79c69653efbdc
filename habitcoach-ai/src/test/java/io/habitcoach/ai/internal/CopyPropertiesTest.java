package io.habitcoach.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachEvent.ChatReply;
import io.habitcoach.core.coach.CoachEvent.ChatReply.HabitSnapshot;
import io.habitcoach.core.coach.CoachEvent.GoalCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitMissed;
import io.habitcoach.core.coach.CoachEvent.StreakMilestone;
import io.habitcoach.core.coach.CoachEvent.WeeklyAnalysis;
import io.habitcoach.core.coach.StreakUnit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The rules of the copy (issue 22), checked on every message every built-in personality can write in
 * both languages: first over the edge-case table of {@link CopyCase}, then over generated facts.
 */
class CopyPropertiesTest {

    /** Names as people type them: lowercase, a trailing period or several, in quotes, padded. */
    static final List<String> TYPED_NAMES = List.of("beber água.", "orar", "Ler 20 páginas.", "\"sem açúcar!\"",
            "correr 5 km...", "Yoga?", "  meditar  ", "“diário”.", "Run", "ênfase no inglês;", "iPhone off");

    @Test
    void everyMessageOfTheEdgeCaseTableKeepsTheRules() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Copy.Coach coach : Copy.BUILT_INS) {
            for (Locale locale : Copy.LOCALES) {
                for (CopyCase c : CopyCase.all()) {
                    for (String message : Copy.messages(coach.templates(), c.event(), locale)) {
                        checked++;
                        for (String problem : Copy.problems(message, c.event(), locale)) {
                            broken.add(coach.id() + " " + locale + " [" + c.label() + "] " + problem + "\n    " + message);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(broken).as(String.join("\n", broken)).isEmpty();
    }

    @Property(tries = 120)
    void completions(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 400) int streak,
                     @ForAll @IntRange(min = 0, max = 50) int extra, @ForAll("units") StreakUnit unit,
                     @ForAll("dueTomorrow") Boolean dueTomorrow) {
        int total = Math.max(streak, 1) + extra;
        check(new HabitCompleted(name, LocalDate.of(2025, 3, 4), streak, streak + extra, total, unit, dueTomorrow));
    }

    @Property(tries = 100)
    void milestonesAndMisses(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 400) int streak,
                             @ForAll("units") StreakUnit unit, @ForAll @IntRange(min = 0, max = 6) int weekday) {
        LocalDate day = LocalDate.of(2025, 3, 3).plusDays(weekday);
        check(unit == StreakUnit.DAYS ? HabitMissed.day(name, day, streak) : HabitMissed.week(name, day, streak));
        check(new StreakMilestone(name, unit.milestones().get(streak % unit.milestones().size()), unit));
    }

    @Property(tries = 100)
    void goals(@ForAll("names") String title, @ForAll @IntRange(min = 0, max = 40) int steps,
               @ForAll @IntRange(min = -1, max = 400) int days) {
        check(new GoalCompleted(title, steps, days < 0 ? null : days));
    }

    @Property(tries = 120)
    void weeks(@ForAll @IntRange(min = 0, max = 300) int scheduled, @ForAll @IntRange(min = 0, max = 300) int done,
               @ForAll("names") String focus, @ForAll @IntRange(min = 0, max = 7) int best) {
        int d = Math.min(done, scheduled);
        double rate = scheduled == 0 ? 0 : d / (double) scheduled;
        check(new WeeklyAnalysis(LocalDate.of(2025, 3, 3), scheduled, d, 0, scheduled - d, rate,
                best == 0 ? null : DayOfWeek.of(best), null, scheduled == 0 ? List.of()
                : List.of(new WeeklyAnalysis.HabitLine(focus, d / 2, Math.max(1, scheduled), 0, StreakUnit.DAYS))));
    }

    @Property(tries = 100)
    void chats(@ForAll("snapshots") List<HabitSnapshot> habits) {
        check(new ChatReply("Como estou indo?", habits));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(TYPED_NAMES);
    }

    @Provide
    Arbitrary<StreakUnit> units() {
        return Arbitraries.of(StreakUnit.class);
    }

    @Provide
    Arbitrary<Boolean> dueTomorrow() {
        return Arbitraries.of(true, false).injectNull(0.3);
    }

    @Provide
    Arbitrary<List<HabitSnapshot>> snapshots() {
        Arbitrary<HabitSnapshot> snapshot = Combinators.combine(names(), Arbitraries.integers().between(0, 60), units())
                .as((name, streak, unit) -> new HabitSnapshot(name, streak, streak, unit));
        return snapshot.list().ofMaxSize(6);
    }

    private static void check(CoachEvent event) {
        for (Copy.Coach coach : Copy.BUILT_INS) {
            for (Locale locale : Copy.LOCALES) {
                for (String message : Copy.messages(coach.templates(), event, locale)) {
                    assertThat(Copy.problems(message, event, locale)).as("%s %s: %s", coach.id(), locale, message)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void messagesWithAStreakAndMissesAfterAStreakHaveOpenersOfTheirOwn() {
        for (Copy.Coach coach : Copy.BUILT_INS) {
            for (Locale locale : Copy.LOCALES) {
                Phrasebook book = coach.templates().phrasebook(locale);
                Set<String> withStreak = openers(book, Slot.COMPLETE, Slot.COMPLETE_TOMORROW);
                Set<String> others = openers(book, Slot.COMPLETE_FIRST, Slot.COMPLETE_STREAK_START, Slot.COMPLETE_NO_STREAK);
                assertThat(withStreak).as("%s %s completions", coach.id(), locale).doesNotContainAnyElementsOf(others);
                assertThat(openers(book, Slot.MISSED_AFTER_STREAK)).as("%s %s misses", coach.id(), locale)
                        .doesNotContainAnyElementsOf(openers(book, Slot.MISSED));
            }
        }
    }

    @Test
    void portugueseCountsTotalsInMoreThanOneWay() {
        for (Copy.Coach coach : Copy.BUILT_INS) {
            String all = String.join(" ", coach.templates().phrasebook(Copy.PT_BR).phrasings(Slot.COMPLETE));
            assertThat(List.of("no total", "ao todo", "até agora").stream().filter(all::contains).count())
                    .as(coach.id()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void namesAreCleanedForASlotAndTheStoredNameStaysAsTyped() {
        assertThat(Names.forSlot("orar.")).isEqualTo("orar");
        assertThat(Names.forSlot("correr 5 km...")).isEqualTo("correr 5 km");
        assertThat(Names.forSlot("Yoga?!")).isEqualTo("Yoga");
        assertThat(Names.forSlot("\"sem açúcar!\"")).isEqualTo("\"sem açúcar\"");
        assertThat(Names.forSlot("“Diário”.")).isEqualTo("“Diário”");
        assertThat(Names.forSlot("Ler\n20 páginas")).isEqualTo("Ler 20 páginas");
        assertThat(Names.forSlot("?!")).isEqualTo("?!");
        assertThat(Names.forSlot("Dr. Who")).isEqualTo("Dr. Who");

        HabitCompleted event = new HabitCompleted("beber água.", LocalDate.of(2025, 3, 4), 1, 1, 1, StreakUnit.DAYS);
        String message = Copy.BUILT_INS.get(1).templates().message(event,
                io.habitcoach.core.coach.CoachContext.of(Copy.PT_BR));
        assertThat(message).contains("beber água").doesNotContain("beber água.");
        assertThat(event.habitName()).isEqualTo("beber água.");
        assertThat(event.facts().names()).containsExactly("beber água.");
    }

    @Test
    void aNameThatOpensASentenceStartsWithACapitalAndOnlyThere() {
        assertThat(Phrasebook.render("{habit}: done. Then {habit}.", java.util.Map.of("habit", "orar")))
                .isEqualTo("Orar: done. Then orar.");
        assertThat(Phrasebook.render("Ok! {habit} is done.", java.util.Map.of("habit", "\"sem açúcar\"")))
                .isEqualTo("Ok! \"Sem açúcar\" is done.");
    }

    private static Set<String> openers(Phrasebook book, Slot... slots) {
        Set<String> openers = new HashSet<>();
        for (Slot slot : slots) {
            for (String phrasing : book.phrasings(slot)) {
                String[] words = phrasing.split("\\s+");
                openers.add((words[0] + " " + words[1]).toLowerCase(Locale.ROOT));
            }
        }
        return openers;
    }
}
