package io.habitcoach.core.streak;

import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.habitcoach.core.streak.StreakScenariosTest.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompletionWindowTest {

    private static final LocalDate TODAY = d("2024-03-04");

    @ParameterizedTest(name = "{0} is inside: {1}")
    @CsvSource({
            "2024-03-04, true",   // today
            "2024-02-26, true",   // today - 7, across 29 February
            "2024-02-29, true",
            "2024-02-25, false",  // today - 8
            "2024-03-05, false",  // tomorrow
    })
    void todayAndTheSevenDaysBefore(LocalDate date, boolean inside) {
        assertThat(CompletionWindow.standard().contains(date, TODAY)).isEqualTo(inside);
        if (inside) {
            assertThatCode(() -> CompletionWindow.standard().check(date, TODAY)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CompletionWindow.standard().check(date, TODAY))
                    .isInstanceOfSatisfying(CompletionWindowException.class, e -> {
                        assertThat(e.date()).isEqualTo(date);
                        assertThat(e.earliest()).isEqualTo(d("2024-02-26"));
                        assertThat(e.latest()).isEqualTo(TODAY);
                        assertThat(e.getMessage()).contains("2024-02-26").contains("2024-03-04");
                    });
        }
    }

    @Test
    void theWindowCrossesTheYearBoundary() {
        assertThat(CompletionWindow.standard().earliest(d("2025-01-03"))).isEqualTo(d("2024-12-27"));
    }

    @Test
    void aNullDateIsAnInputError() {
        assertThatThrownBy(() -> CompletionWindow.standard().check(null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("date"));
    }

    @Test
    void hostsMayChooseAnotherSize() {
        assertThat(new CompletionWindow(0).contains(TODAY.minusDays(1), TODAY)).isFalse();
        assertThat(new CompletionWindow(0).contains(TODAY, TODAY)).isTrue();
        assertThatThrownBy(() -> new CompletionWindow(-1)).isInstanceOf(InvalidInputException.class);
    }
}
