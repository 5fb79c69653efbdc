package io.habitcoach.core.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitcoach.core.HabitCoachException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.model.Plan;
import org.junit.jupiter.api.Test;

class CoachQuotaTest {

    @Test
    void theReplyAfterTheFreeLimitIsRefusedWithATypedException() {
        CoachQuota quota = CoachQuota.defaults();
        int limit = quota.dailyLimit(Plan.FREE);
        assertThatCode(() -> quota.check(Plan.FREE, limit - 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> quota.check(Plan.FREE, limit))
                .isInstanceOfSatisfying(CoachQuotaExceededException.class, e -> {
                    assertThat(e.plan()).isEqualTo(Plan.FREE);
                    assertThat(e.limit()).isEqualTo(20);
                    assertThat(e.used()).isEqualTo(20);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("free", "20");
                })
                .isInstanceOf(HabitCoachException.class);
    }

    @Test
    void aProUserWithTheSameCountIsNotRefused() {
        CoachQuota quota = CoachQuota.defaults();
        assertThatCode(() -> quota.check(Plan.PRO, quota.dailyLimit(Plan.FREE))).doesNotThrowAnyException();
        assertThat(quota.allows(Plan.PRO, 499)).isTrue();
        assertThat(quota.allows(Plan.PRO, 500)).isFalse();
    }

    @Test
    void limitsAreConfigurable() {
        CoachQuota quota = CoachQuota.defaults().withFreeDailyModelReplies(0).withProDailyModelReplies(3);
        assertThat(quota.allows(Plan.FREE, 0)).isFalse();
        assertThat(quota.dailyLimit(Plan.PRO)).isEqualTo(3);
        assertThatThrownBy(() -> new CoachQuota(-1, 5)).isInstanceOf(InvalidInputException.class);
    }
}
