package io.plantd.controller.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.cycle.Alarm.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmHoldTest {
    private static final PolicyResult.PendingAlarm INFEASIBLE =
            new PolicyResult.PendingAlarm("cap-infeasible", Severity.CRITICAL, "cap cannot be met");
    private final AlarmHold hold = new AlarmHold();

    @Test
    void aWaveringConditionStaysOneAlarmAndClearsAfterAQuietMinute() {
        long t = 0;
        for (int s = 0; s < 120; s++, t += 1000) {
            // infeasible every other cycle: the operator sees one steady alarm
            List<PolicyResult.PendingAlarm> out = hold.apply(s % 2 == 0 ? List.of(INFEASIBLE) : List.of(), t);
            assertThat(out).extracting(PolicyResult.PendingAlarm::id).containsExactly("cap-infeasible");
        }
        List<PolicyResult.PendingAlarm> held = hold.apply(List.of(), t + 30_000);
        assertThat(held).singleElement().satisfies(a -> assertThat(a.message()).contains("condition clear for 32 s"));
        assertThat(hold.apply(List.of(), t + 59_000)).isEmpty();
    }

    @Test
    void raisingIsNeverDelayed() {
        assertThat(hold.apply(List.of(INFEASIBLE), 5_000)).containsExactly(INFEASIBLE);
    }
}
