package io.plantd.controller.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.cycle.CommandChange;
import io.plantd.drivers.point.Quality;
import org.junit.jupiter.api.Test;

/**
 * An engine lockout is plant state, not a reading: its alarm stays raised while the chiller's data
 * is briefly stale (found end to end: the alarm cleared and re-raised with every stale blip).
 */
class LockoutAlarmWhileStaleTest {
    @Test
    void lockoutAlarmStaysRaisedWhileTheChillerIsStale() {
        Harness h = new Harness(TestSite.site().chiller("ch1", 500, false).chiller("ch2", 500, false).build());
        h.plant.itKw = 9500;
        h.plant.otherKw = 300;
        h.tick();
        String first = h.allChanges().stream().filter(c -> c.to() == DriveMode.ENGINE)
                .map(CommandChange::chillerId).findFirst().orElseThrow();
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
