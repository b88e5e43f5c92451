package io.plantd.app.soak.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFaultPlanTest {
    private static final List<String> STALING = List.of("meter", "ch1", "ch2");
    private static final List<String> ALL = List.of("meter", "grid", "ch1", "ch2");

    @Test
    void aShortRunGetsOneFaultOfEachKindAwayFromTheKill() {
        for (long seed = 0; seed < 200; seed++) {
            WireFaultPlan plan = WireFaultPlan.random(seed, 5400, 0, STALING, ALL, 2400, 3000);
            assertThat(plan.killsAtS()).hasSize(1);
            long kill = plan.killsAtS().get(0);
            assertThat(plan.faults()).extracting(WireFault::kind)
                    .containsExactlyInAnyOrderElementsOf(Arrays.asList(WireFault.Kind.values()));
            assertThat(plan.faults()).allSatisfy(f -> {
                assertThat(f.endS() < kill || f.atS() > kill + 600).as("%s vs kill at %d", f, kill).isTrue();
                assertThat(f.atS()).isGreaterThanOrEqualTo(600L);
                assertThat(f.endS()).isLessThanOrEqualTo(5400L - WireFaultPlan.END_MARGIN_S);
            });
        }
    }

    @Test
    void aWeekAtTwelveADayTakesTurnsAndIsTheSameForTheSameSeed() {
        WireFaultPlan a = WireFaultPlan.random(7, 7 * 86_400, 12, STALING, ALL, 7200, 18_000);
        assertThat(a.faults()).hasSize(84);
        for (WireFault.Kind k : WireFault.Kind.values()) {
            assertThat(a.faults()).filteredOn(f -> f.kind() == k).hasSize(21);
        }
        assertThat(a.faults()).isSortedAccordingTo((x, y) -> Long.compare(x.atS(), y.atS()));
        // found by the first 7-day run: an outage that ends as the run does leaves no time to reconnect
        assertThat(a.faults()).allSatisfy(f -> assertThat(f.endS()).isLessThanOrEqualTo(7 * 86_400
                - WireFaultPlan.END_MARGIN_S));
        assertThat(a.faults()).filteredOn(f -> f.kind() == WireFault.Kind.DEVICE_TIMEOUT)
                .allSatisfy(f -> assertThat(STALING).contains(f.target()));
        assertThat(a.killsAtS()).hasSizeBetween(7 * 24 / 5, 7 * 24 / 2);
        assertThat(WireFaultPlan.random(7, 7 * 86_400, 12, STALING, ALL, 7200, 18_000)).isEqualTo(a);
    }
}
