package io.habitcoach.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitcoach.core.coach.CoachContext;
import io.habitcoach.core.coach.CoachEvent;
import io.habitcoach.core.coach.CoachEvent.HabitCompleted;
import io.habitcoach.core.coach.CoachEvent.HabitMissed;
import io.habitcoach.core.coach.CoachEventType;
import io.habitcoach.core.coach.CoachPersonality;
import io.habitcoach.core.coach.Grounding;
import io.habitcoach.core.coach.StreakUnit;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInPersonalitiesTest {

    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    static final List<CoachPersonality> BUILT_INS =
            List.of(new YodaPersonality(), new GeneralPersonality(), new MentorPersonality());

    // Independent of Grounding: plain ASCII digit runs.
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SPELLED_EN = Pattern.compile("(?i)\\b(zero|one|two|three|four|five|six|seven|"
            + "eight|nine|ten|eleven|twelve|twenty|hundred|thousand|once|twice|first|second|third|single|double|dozen)\\b");
    private static final Pattern SPELLED_PT = Pattern.compile("(?iu)(?<![\\p{L}-])(zero|dois|duas|três|quatro|cinco|seis|"
            + "sete|oito|nove|dez|onze|doze|vinte|cem|cento|mil|primeir\\p{L}*|segund\\p{L}*|terceir\\p{L}*|"
            + "dúzia|dobro|duplo)(?![\\p{L}-])");
    private static final Pattern UNKIND = Pattern.compile("(?iu)\\b(fail\\p{L}*|falh\\p{L}*|fracass\\p{L}*|lazy|"
            + "pathetic|stupid|idiot\\p{L}*|worthless|loser|maggot|weak|preguiç\\p{L}*|patétic\\p{L}*|inútil|"
            + "vergonhos\\p{L}*|fraco)\\b");

    static Stream<Arguments> everyPersonalityLanguageAndCase() {
        List<Arguments> arguments = new ArrayList<>();
        for (CoachPersonality personality : BUILT_INS) {
            for (Locale locale : List.of(PT_BR, Locale.ENGLISH)) {
                for (Cases c : Cases.all()) {
                    arguments.add(Arguments.of(personality, locale, c));
                }
            }
        }
        return arguments.stream();
    }

    @Test
    void theCasesCoverEveryEventType() {
        Set<CoachEventType> types = EnumSet.noneOf(CoachEventType.class);
        Cases.all().forEach(c -> types.add(c.event().type()));
        assertThat(types).containsExactlyInAnyOrder(CoachEventType.values());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyPersonalityLanguageAndCase")
    void messagesStateTheNamesAndNumbersOfTheEventAndNoOthers(CoachPersonality personality, Locale locale, Cases c) {
        Set<String> distinct = new HashSet<>();
        for (long seed = 0; seed < 24; seed++) {
            String message = personality.message(c.event(), CoachContext.of(locale).withSeed(seed));
            distinct.add(message);
            assertThat(message).as("seed %d", seed).isNotBlank().doesNotContain("{").doesNotContain("}");
            for (String name : c.names()) {
                assertThat(message).as("seed %d", seed).contains(name);
            }
            String withoutNames = message;
            for (String name : c.event().facts().names()) {
                withoutNames = withoutNames.replace(name, " ");
            }
            for (int number : c.numbers()) {
                assertThat(withoutNames).as("%s, seed %d", message, seed).containsPattern("(?<![0-9])" + number + "(?![0-9])");
            }
            Matcher digits = DIGITS.matcher(withoutNames);
            while (digits.find()) {
                assertThat(c.event().facts().numbers()).as("number %s in: %s", digits.group(), message)
                        .contains(Long.parseLong(digits.group()));
            }
            assertThat(Grounding.ungroundedNumbers(message, c.event())).as(message).isEmpty();
            assertThat(Grounding.check(message, c.event())).as(message).isTrue();
            if (c.weekday() != null) {
                assertThat(message).contains(weekdayName(c.weekday(), locale));
            }
            String words = withoutWeekdays(withoutNames);
            if (c.event() instanceof HabitCompleted completed && completed.first()) {
                // The first completion is the fact total_completed = 1, said as a word.
                words = words.replaceAll("(?iu)\\b(first|primeir[oa])\\b", " ");
            }
            assertThat(words).as(message).doesNotContainPattern(locale == PT_BR ? SPELLED_PT : SPELLED_EN);
            assertThat(words).as(message).doesNotContainPattern(UNKIND);
        }
        assertThat(distinct).as("phrasings for %s", c).hasSizeGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyPersonalityLanguageAndCase")
    void theSameEventAndSeedGiveTheSameMessageAndTheLastMessageIsNotRepeated(CoachPersonality personality,
                                                                             Locale locale, Cases c) {
        CoachContext context = CoachContext.of(locale).withSeed(99);
        String first = personality.message(c.event(), context);
        assertThat(personality.message(c.event(), context)).isEqualTo(first);
        String next = personality.message(c.event(), context.withRecentMessages(List.of(first)));
        assertThat(sentences(next)).as(next).noneMatch(sentences(first)::contains);
    }

    @Test
    void aMonthOfDailyCompletionsNeverRepeatsASentenceAmongTheLastTen() {
        for (CoachPersonality personality : BUILT_INS) {
            for (Locale locale : List.of(PT_BR, Locale.ENGLISH)) {
                List<String> newestFirst = new ArrayList<>();
                for (int day = 0; day < 30; day++) {
                    CoachEvent event = day % 7 == 6
                            ? HabitMissed.day("Run", Cases.MONDAY.plusDays(day), 0)
                            : new HabitCompleted("Run", Cases.MONDAY.plusDays(day), day % 7 + 1, 7, 40 + day, StreakUnit.DAYS);
                    String message = personality.message(event, CoachContext.of(locale).withSeed(5).withRecentMessages(newestFirst));
                    Set<String> lastTen = new HashSet<>();
                    newestFirst.stream().limit(10).forEach(m -> lastTen.addAll(sentences(m)));
                    assertThat(sentences(message)).as("%s %s day %d: %s", personality.id(), locale, day, message)
                            .noneMatch(lastTen::contains);
                    newestFirst.add(0, message);
                }
            }
        }
    }

    @Test
    void languageFollowsTheUsersLocaleWithPortugueseAsTheSeedDefault() {
        CoachEvent event = Cases.all().get(0).event();
        for (CoachPersonality personality : BUILT_INS) {
            String english = personality.message(event, CoachContext.of(Locale.ENGLISH));
            String portuguese = personality.message(event, CoachContext.of(PT_BR));
            assertThat(english).isNotEqualTo(portuguese);
            assertThat(personality.message(event, CoachContext.of(Locale.US))).isEqualTo(english);
            assertThat(personality.message(event, CoachContext.of(Locale.GERMAN))).isEqualTo(english);
            assertThat(personality.message(event, CoachContext.of(Locale.forLanguageTag("pt-PT")))).isEqualTo(portuguese);
            assertThat(personality.message(event, CoachContext.forLanguageTag(null))).isEqualTo(portuguese);
            assertThat(personality.displayName(PT_BR)).isNotBlank();
            assertThat(personality.systemPrompt(Locale.ENGLISH)).isNotEqualTo(personality.systemPrompt(PT_BR));
        }
        assertThat(new YodaPersonality().displayName(PT_BR)).isEqualTo("Mestre Yoda");
        assertThat(new GeneralPersonality().displayName(Locale.ENGLISH)).isEqualTo("The General");
    }

    @Test
    void builtInIdsAreTheSeedsValues() {
        assertThat(BUILT_INS).extracting(CoachPersonality::id).containsExactly("yoda", "general", "mentor");
    }

    static List<String> sentences(String message) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : message.split("(?<=[.!?])\\s+")) {
            sentences.add(sentence.strip().toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(new LinkedHashSet<>(sentences));
    }

    private static String weekdayName(DayOfWeek day, Locale locale) {
        List<String> english = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
        List<String> portuguese = List.of("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
                "sexta-feira", "sábado", "domingo");
        return (locale == PT_BR ? portuguese : english).get(day.getValue() - 1);
    }

    private static String withoutWeekdays(String text) {
        return text.replaceAll("(?i)(segunda|terça|quarta|quinta|sexta)-feira", " ");
    }
}
