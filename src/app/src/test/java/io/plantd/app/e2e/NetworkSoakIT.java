package io.plantd.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.app.soak.wire.WireFault;
import io.plantd.app.soak.wire.WireSoakReport;
import io.plantd.app.soak.wire.WireSoakRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The short form of {@code plantd soak --network}: 1.5 simulated hours at 100× with one fault of
 * each kind (socket drop, unanswered requests, Modbus exception responses, broker outage) at
 * the proxies and one SIGKILL of the daemon process, restarted on the same state directory. Run
 * alone: the daemon's accelerated 10 ms cycle must not share two cores with other end-to-end runs.
 */
@Isolated
class NetworkSoakIT {
    @TempDir
    Path folder;

    @Test
    void the_daemon_rides_through_network_faults_and_a_sigkill_over_real_sockets() throws Exception {
        var settings = new WireSoakRun.Settings(1.5, 11, 0, 2400, 3000, 1.2, 100, folder);
        WireSoakReport r = WireSoakRun.run(settings, E2eSite.repoRoot(), null);
        String report = r.toMarkdown("NetworkSoakIT");
        System.out.println(report);

        assertThat(r.faults().get(WireFault.Kind.SOCKET_DROP)[0]).as(report).isEqualTo(1);
        assertThat(r.faults().get(WireFault.Kind.BROKER_OUTAGE)[0]).as(report).isEqualTo(1);
        assertThat(r.kills()).as(report).isEqualTo(1);
        assertThat(r.incarnations()).as(report).hasSize(2)
                .allSatisfy(i -> assertThat(i.readyS()).as("daemon #%d reached /healthz", i.number()).isNotNegative());

        assertThat(r.controllerOverCapS()).as(report).isZero();
        assertThat(r.maxStartsInAnyHour()).as(report).isLessThanOrEqualTo(r.startsPerHourLimit());
        assertThat(r.crashes()).as(report).isZero();
        assertThat(r.uncaught()).as(report).isEmpty();
        assertThat(r.errorLines()).as(report).isEmpty();
        assertThat(r.cleanFinalStop()).as(report).isTrue();
        assertThat(r.brokerOutagesNotRecovered()).as(report).isZero();
        assertThat(r.spuriousAlarmsAfterSocketDrops()).as(report).isZero();
        // a chiller fault ending in a watchdog revert is a revert, never an engine trip or failed start
        assertThat(r.engineFaultAlarms()).as(report).isZero();
        for (WireFault.Kind k : new WireFault.Kind[] {WireFault.Kind.DEVICE_TIMEOUT, WireFault.Kind.EXCEPTION_RESPONSES}) {
            int[] c = r.faults().get(k);
            assertThat(c[2]).as("%s with the daemon up raised its stale alarm\n%s", k, report).isEqualTo(c[1]);
        }
        assertThat(r.alarmMessagesSeenByBms()).as(report).isPositive();
        assertThat(r.passed()).as(report).isTrue();
    }
}
