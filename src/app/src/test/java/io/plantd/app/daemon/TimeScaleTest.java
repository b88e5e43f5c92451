package io.plantd.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.cycle.Ticker;
import io.plantd.drivers.poll.BreakerSettings;
import io.plantd.drivers.poll.PollSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeScaleTest {
    private static final Instant SCENARIO_START = Instant.parse("2026-07-20T14:00:00Z");

    @Test
    void theClockStandsStillUntilTheAnchorThenRunsFactorTimesFaster() throws Exception {
        Instant anchor = Instant.now().plusMillis(300);
        TimeScale scale = new TimeScale(50, SCENARIO_START, anchor);
        Clock clock = scale.clock();
        Ticker ticker = scale.ticker();
        assertThat(clock.instant()).isEqualTo(SCENARIO_START);
        assertThat(ticker.nanos()).isZero();
        long waitMs = Duration.between(Instant.now(), anchor).toMillis() + 200;
        Thread.sleep(waitMs);
        long elapsedMs = Duration.between(SCENARIO_START, clock.instant()).toMillis();
        // at least 200 ms of wall time after the anchor → about 10 s simulated (the wall-clock anchor
        // is mapped to the monotonic clock to within a few ms, × 50)
        assertThat(elapsedMs).isGreaterThanOrEqualTo(9_000L);
        long t1 = ticker.nanos();
        Thread.sleep(100);
        assertThat(ticker.nanos() - t1).as("ticker advances 50× (100 ms → ≥ 5 s)").isGreaterThanOrEqualTo(5_000_000_000L);
    }

    @Test
    void pollPeriodAndBreakerWaitAreDividedByTheFactor() {
        TimeScale scale = TimeScale.of(100);
        PollSettings scaled = scale.scale(new PollSettings(1000, "bus-a",
                new BreakerSettings(10, 5, 50f, Duration.ofSeconds(15), 2)));
        assertThat(scaled.periodMs()).isEqualTo(10);
        assertThat(scaled.bus()).isEqualTo("bus-a");
        assertThat(scaled.breaker().openWait()).isEqualTo(Duration.ofMillis(150));
        assertThat(scaled.breaker().windowSize()).isEqualTo(10);
    }

    @Test
    void factorOutsideOneTo200IsRejected() {
        assertThatThrownBy(() -> TimeScale.of(0.5)).hasMessageContaining("between 1 and 200");
        assertThatThrownBy(() -> TimeScale.of(201)).hasMessageContaining("between 1 and 200");
        assertThatThrownBy(() -> TimeScale.of(Double.NaN)).hasMessageContaining("between 1 and 200");
    }
}
