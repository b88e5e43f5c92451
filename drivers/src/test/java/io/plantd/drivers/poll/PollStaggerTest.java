package io.plantd.drivers.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollStaggerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void fiftyDevicesAtOneSecondStartTwoMillisecondsApartWithinTheFirstTenth() {
        List<Long> phases = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            phases.add(PollStagger.phaseNanos(k, 50, SECOND));
        }
        assertThat(phases.get(0)).isZero();
        assertThat(phases.get(1)).isEqualTo(2 * MS);
        assertThat(phases.get(49)).isEqualTo(98 * MS);
        for (int k = 1; k < 50; k++) {
            assertThat(phases.get(k) - phases.get(k - 1)).as("gap before device %d", k).isEqualTo(2 * MS);
        }
    }

    @Test
    void eachDeviceIsStaggeredWithinItsOwnPeriod() {
        assertThat(PollStagger.phaseNanos(2, 4, 250 * MS)).isEqualTo(12_500_000L);
        assertThat(PollStagger.phaseNanos(2, 4, 5 * SECOND)).isEqualTo(250 * MS);
        assertThat(PollStagger.phaseNanos(3, 4, 5 * SECOND)).isLessThan(5 * SECOND / PollStagger.WINDOW_DIVISOR);
    }

    @Test
    void aSingleDevicePollsAtOnce() {
        assertThat(PollStagger.phaseNanos(0, 1, SECOND)).isZero();
    }

    @Test
    void theTickFallsAfterTheWholePollWindow() {
        Duration period = Duration.ofSeconds(1);
        Duration tick = PollStagger.tickPhase(period);
        assertThat(tick).isEqualTo(Duration.ofMillis(200));
        assertThat(tick.toNanos()).isGreaterThan(PollStagger.phaseNanos(999, 1000, period.toNanos()));
        assertThat(PollStagger.tickPhase(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void rejectsAnIndexOutsideTheDeviceCount() {
        assertThatThrownBy(() -> PollStagger.phaseNanos(3, 3, SECOND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PollStagger.phaseNanos(-1, 3, SECOND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PollStagger.phaseNanos(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
