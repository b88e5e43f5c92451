package io.plantd.app.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short soak (1 simulated day, the long one is {@code plantd soak --days 7}, see
 * docs/soak.md): random faults and daemon restarts through persisted state.
 */
class SoakRunTest {
    @TempDir
    Path dir;

    @Test
    void oneDayWithFaultsAndRestarts() {
        SoakReport r = SoakRun.run(SoakRun.Settings.standard(1, 7, dir));
        System.out.println(r.toMarkdown("SoakRunTest"));
        assertThat(r.cycles()).isGreaterThan(86_000);
        assertThat(r.restarts()).isGreaterThanOrEqualTo(4);
        assertThat(r.conservativeRestores()).isZero();
        assertThat(r.faultsInjected()).isGreaterThanOrEqualTo(8);
        assertThat(r.startsOverLimit()).isZero();
        assertThat(r.missedCycles()).isZero();
        assertThat(r.controllerOverCapS()).isZero();
        assertThat(r.engineStarts()).as("the cap binds: engines work").isPositive();
        for (SoakReport.FaultOutcome f : r.faults()) {
            assertThat(f.alarmed()).as("alarms for exercised %s faults", f.kind()).isEqualTo(f.exercised());
        }
    }
}
