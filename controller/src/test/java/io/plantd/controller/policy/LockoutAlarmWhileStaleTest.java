package io.plantd.controller.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.drivers.point.Quality;
import org.junit.jupiter.api.Test;

/**
 * An engine lockout is plant state, not a reading: its alarm stays raised while the chiller's data
 * is briefly stale (found end to end: the alarm cleared and re-raised with every stale blip).
 */
class LockoutAlarmWhileStaleTest {
    @Test
    void lockoutAlarmStaysRaisedWhileTheChillerIsStale() {
        Harness h = Harness.twoUnitsNeedingAnEngine();
        h.tick();
        String first = h.firstToEngine();
        h.plant.unit(first).startFailedFlag = true;
        assertThat(h.runUntilChange(first, 3).reason()).isEqualTo(Reason.ENGINE_FAIL_TO_START);
        assertThat(h.alarm("engine-lockout-" + first)).isPresent();

        h.plant.unit(first).quality = Quality.STALE;
        h.run(3);
        assertThat(h.alarm("chiller-stale-" + first)).as("the blip is seen").isPresent();
        assertThat(h.alarm("engine-lockout-" + first)).as("lockout alarm while the chiller is stale").isPresent();

        h.plant.unit(first).quality = Quality.GOOD;
        h.run(3);
        assertThat(h.alarm("engine-lockout-" + first)).isPresent();
    }
}
