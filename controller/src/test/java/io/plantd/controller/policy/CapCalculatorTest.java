package io.plantd.controller.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.GridStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CapCalculatorTest {
    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

    private static CapCalculator calc(TestSite site) {
        SiteConfig c = site.chiller("ch1", 500, false).build();
        return new CapCalculator(c.site(), c.control().gridEvents());
    }

    private static GridStatus grid(int level, Double limit, Instant start, Instant end, Double hz, boolean outage) {
        return new GridStatus(level, Optional.ofNullable(limit), 0.1, 1.0, Optional.ofNullable(start),
                Optional.ofNullable(end), Optional.ofNullable(hz), outage, true);
    }

    @Test
    void serviceCapacityMinusMarginsWhenQuiet() {
        CapPicture p = calc(TestSite.site()).compute(Harness.quietGrid(), Double.NaN, 300, NOW.toEpochMilli());
        assertThat(p.capKw()).isEqualTo(10_000);
        assertThat(p.onThresholdKw()).isEqualTo(9800);
        assertThat(p.releaseThresholdKw()).isEqualTo(9500);
        assertThat(p.eventActive()).isFalse();
    }

    @Test
    void theLowestOfServiceEventDemandAndTemporaryCapWins() {
        TestSite site = TestSite.site();
        site.demandTargetKw = OptionalDouble.of(9200);
        CapCalculator c = calc(site);
        long now = NOW.toEpochMilli();
        assertThat(c.compute(Harness.quietGrid(), Double.NaN, 300, now).capKw()).isEqualTo(9200);
        assertThat(c.compute(grid(2, null, null, null, null, false), Double.NaN, 300, now).capKw()).isEqualTo(9000);
        assertThat(c.compute(grid(3, null, null, null, null, false), Double.NaN, 300, now).capKw()).isEqualTo(8000);
        assertThat(c.compute(grid(1, 8500.0, null, null, null, false), Double.NaN, 300, now).capKw()).isEqualTo(8500);
        assertThat(c.compute(Harness.quietGrid(), 7000, 300, now).source()).isEqualTo("temporary cap");
        CapPicture freq = c.compute(grid(0, null, null, null, 59.7, false), Double.NaN, 300, now);
        assertThat(freq.capKw()).isEqualTo(8500);
        assertThat(freq.eventReason()).isEqualTo(Reason.GRID_LOW_FREQUENCY);
    }

    @Test
    void aScheduledEventAppliesItsCapOneHorizonAheadAndNotBefore() {
        CapCalculator c = calc(TestSite.site());
        Instant start = NOW.plusSeconds(600);
        GridStatus g = grid(0, 8000.0, start, start.plusSeconds(3600), null, false);
        assertThat(c.compute(g, Double.NaN, 300, NOW.toEpochMilli()).capKw()).isEqualTo(10_000);
        CapPicture soon = c.compute(g, Double.NaN, 300, start.minusSeconds(300).toEpochMilli());
        assertThat(soon.capKw()).isEqualTo(8000);
        assertThat(soon.bindingReason()).isEqualTo(Reason.GRID_EVENT_SCHEDULED);
        assertThat(soon.eventActive()).isTrue();
        CapPicture after = c.compute(g, Double.NaN, 300, start.plusSeconds(3600).toEpochMilli());
        assertThat(after.eventActive()).isFalse();
    }

    @Test
    void outageIsAnEvent() {
        CapPicture p = calc(TestSite.site()).compute(grid(0, null, null, null, null, true), Double.NaN, 300,
                NOW.toEpochMilli());
        assertThat(p.outage()).isTrue();
        assertThat(p.eventReason()).isEqualTo(Reason.GRID_OUTAGE);
    }
}
