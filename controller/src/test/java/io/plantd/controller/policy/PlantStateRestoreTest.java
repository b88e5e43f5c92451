package io.plantd.controller.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.cycle.StepOutput;
import io.plantd.controller.state.PlantState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot taken mid-run and restored into a new step continues with the same decisions. */
class PlantStateRestoreTest {
    @Test
    void restoredStateKeepsStartsHoursLockoutsAndLeadTimes() {
        Harness h = new Harness(TestSite.site().chiller("ch1", 500, false).chiller("ch2", 500, false).build());
        h.plant.unit("ch1").trueLeadS = 350;
        h.plant.itKw = 9300;
        h.run(1200);
        PlantState.Snapshot snap = h.step.state().snapshot();
        PlantState restored = PlantState.restore(h.config.chillers(), snap);

        assertThat(restored.snapshot()).usingRecursiveComparison().withEqualsForType(Double::equals, Double.class)
                .isEqualTo(snap);
        assertThat(restored.chiller(0).totalStarts()).isEqualTo(h.step.state().chiller(0).totalStarts()).isPositive();
        assertThat(restored.chiller(0).learnedLeadTimeS(300)).isEqualTo(h.step.state().chiller(0).learnedLeadTimeS(300));

        PolicyCycleStep resumed = new PolicyCycleStep(h.config, restored);
        StepOutput out = resumed.step(h.plant.image(h.now.toEpochMilli()), h.grid, h.now, List.of());
        // no needless switching after the restart: the same commands as before it
        assertThat(out.commands()).extracting(c -> c.mode())
                .containsExactlyElementsOf(h.last.commands().stream().map(c -> c.mode()).toList());
        assertThat(out.report().changes()).isEmpty();
    }
}
