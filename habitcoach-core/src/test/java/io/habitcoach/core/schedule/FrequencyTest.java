package io.habitcoach.core.schedule;

import io.habitcoach.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrequencyTest {

    @Test
    void daily() {
        Frequency daily = Frequency.daily();
        assertThat(daily.type()).isEqualTo(FrequencyType.DAILY);
        assertThat(daily.rate()).isEqualTo(1.0);
        assertThat(EnumSet.allOf(DayOfWeek.class)).allMatch(daily::countsOn);
        assertThat(daily.weekdays()).isEmpty();
        assertThat(daily.weeklyTarget()).isEmpty();
        assertThat(daily).isEqualTo(Frequency.daily());
    }

    @Test
    void specificDays() {
        Frequency monFri = Frequency.specificDays(FRIDAY, MONDAY, FRIDAY);
        assertThat(monFri).isEqualTo(Frequency.specificDays(Set.of(MONDAY, FRIDAY)));
        assertThat(monFri.type()).isEqualTo(FrequencyType.SPECIFIC_DAYS);
        assertThat(monFri.countsOn(MONDAY)).isTrue();
        assertThat(monFri.countsOn(TUESDAY)).isFalse();
        assertThat(monFri.rate()).isEqualTo(2 / 7.0);
        assertThat(monFri.weekdays()).contains(EnumSet.of(MONDAY, FRIDAY));
        assertThat(((Frequency.SpecificDays) monFri).dayNames()).containsExactly("Monday", "Friday");
        assertThatThrownBy(() -> ((Frequency.SpecificDays) monFri).days().add(TUESDAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyOrNullSetOfDaysNamesTheFieldAndWhatIsAllowed() {
        assertThatThrownBy(() -> Frequency.specificDays(Set.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("specificDays");
                    assertThat(e.allowed()).contains("at least one day");
                });
        assertThatThrownBy(() -> Frequency.specificDays((Set<DayOfWeek>) null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("specificDays"));
        assertThatThrownBy(() -> Frequency.specificDays(new DayOfWeek[0]))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("specificDays"));
        assertThatThrownBy(() -> Frequency.specificDays(MONDAY, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("specificDays"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void timesPerWeekFromOneToSeven(int n) {
        Frequency frequency = Frequency.timesPerWeek(n);
        assertThat(frequency.type()).isEqualTo(FrequencyType.PER_WEEK);
        assertThat(frequency.weeklyTarget()).hasValue(n);
        assertThat(frequency.rate()).isEqualTo(n / 7.0);
        assertThat(frequency.countsOn(WEDNESDAY)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 8, 100})
    void timesPerWeekOutOfRangeNamesTheFieldAndTheRange(int n) {
        assertThatThrownBy(() -> Frequency.timesPerWeek(n))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("timesPerWeek");
                    assertThat(e.allowed()).contains("1 to 7").contains(String.valueOf(n));
                });
    }

    @Test
    void fromTheStoredColumnsTheExtraColumnIsSetIfAndOnlyIfTheTypeNeedsIt() {
        assertThat(Frequency.of(FrequencyType.DAILY, null, null)).isEqualTo(Frequency.daily());
        assertThat(Frequency.of(FrequencyType.SPECIFIC_DAYS, Set.of(MONDAY), null))
                .isEqualTo(Frequency.specificDays(MONDAY));
        assertThat(Frequency.of(FrequencyType.PER_WEEK, null, 3)).isEqualTo(Frequency.timesPerWeek(3));

        assertThatThrownBy(() -> Frequency.of(FrequencyType.DAILY, Set.of(MONDAY), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("specificDays"));
        assertThatThrownBy(() -> Frequency.of(FrequencyType.SPECIFIC_DAYS, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("specificDays"));
        assertThatThrownBy(() -> Frequency.of(FrequencyType.PER_WEEK, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timesPerWeek"));
        assertThatThrownBy(() -> Frequency.of(FrequencyType.SPECIFIC_DAYS, Set.of(MONDAY), 2))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timesPerWeek"));
        assertThatThrownBy(() -> Frequency.of(null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("frequency"));
    }

    @Test
    void dayNamesAreEnglishAndUnknownNamesAreRefused() {
        assertThat(Frequency.specificDaysNamed(List.of("Monday", "friday")))
                .isEqualTo(Frequency.specificDays(MONDAY, FRIDAY));
        assertThat(Frequency.dayName(WEDNESDAY)).isEqualTo("Wednesday");
        assertThatThrownBy(() -> Frequency.specificDaysNamed(List.of("Monday", "Funday")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("specificDays");
                    assertThat(e.allowed()).contains("Funday").contains("Sunday");
                });
        assertThatThrownBy(() -> Frequency.specificDaysNamed(List.of()))
                .isInstanceOf(InvalidInputException.class);
    }
}
