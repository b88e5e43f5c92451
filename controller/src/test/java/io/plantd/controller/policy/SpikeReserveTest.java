package io.plantd.controller.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.cycle.CommandChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spike reserve, cycle by cycle: a 600 kW IT step is seen once while the site is far below
 * the cap; over an hour later, after a ramp too slow for the trend or the ramp bound to act and a
 * calm last window, the site sits 300 kW under the
 * effective cap when the same step comes again. No engine can follow a step (true lead 240 s),
 * so only an engine started before it keeps the site under the service capacity.
 */
class SpikeReserveTest {
    private static final double STEP_KW = 600;
    private static final int SECOND_STEP_S = 4900;

    /** Site = IT + 300 other + 4 × 210 kW motor = IT + 1,140 kW (chiller load held constant). */
    private static double itAt(int t) {
        double it = 7000;
        if (t >= 600 && t < 720) {
            it += STEP_KW;                                   // first step: site 8,740, far below 9,800
        }
        if (t >= 900) {
            it += Math.min(1360, (t - 900) * 0.4);           // slow ramp to site 9,500 by t=4,300, then flat
        }
        if (t >= SECOND_STEP_S && t < SECOND_STEP_S + 120) {
            it += STEP_KW;                                   // second step: 9,500 + 600 > 10,000
        }
        return it;
    }

    private static Harness run(TestSite site, List<CommandChange> beforeSecondStep) {
        Harness h = new Harness(site.chiller("ch1", 500, false).chiller("ch2", 500, false)
                .chiller("ch3", 500, false).chiller("ch4", 500, false).build());
        for (int t = 0; t < SECOND_STEP_S + 500; t++) {
            h.plant.itKw = itAt(t);
            h.tick();
            if (t < SECOND_STEP_S) {
                beforeSecondStep.addAll(h.last.report().changes());
            }
        }
        return h;
    }

    @Test
    void aStepSeenEarlierKeepsAnEngineReadySoTheSameStepLaterStaysUnderTheCap() {
        List<CommandChange> early = new ArrayList<>();
        Harness h = run(TestSite.site(), early);

        assertThat(early).isNotEmpty();
        assertThat(early.get(0).to()).isEqualTo(DriveMode.ENGINE);
        assertThat(early.get(0).reason()).isEqualTo(Reason.CAP_PREDICTED_EXCEEDED);
        assertThat(h.maxSiteKw()).isLessThanOrEqualTo(9800);
    }

    @Test
    void withoutTheReserveTheCalmWindowStartsNothingAndTheStepBreachesTheCap() {
        TestSite site = TestSite.site();
        site.spikeMemoryS = 0;
        List<CommandChange> early = new ArrayList<>();
        Harness h = run(site, early);

        assertThat(early).isEmpty();
        assertThat(h.maxSiteKw()).isGreaterThan(10_000);
    }

    @Test
    void theReserveIsForgottenAfterItsMemory() {
        TestSite site = TestSite.site();
        site.spikeMemoryS = 900;                              // the first step is forgotten long before the ramp
        List<CommandChange> early = new ArrayList<>();
        run(site, early);

        assertThat(early).isEmpty();
    }
}
