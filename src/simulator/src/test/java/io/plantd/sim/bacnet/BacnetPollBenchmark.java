package io.plantd.sim.bacnet;

import io.plantd.drivers.bacnet.client.BacnetClient;
import io.plantd.drivers.bacnet.client.BacnetDevice;
import io.plantd.drivers.bacnet.client.BacnetDeviceOptions;
import io.plantd.drivers.bacnet.client.RequestOptions;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import io.plantd.drivers.profile.DeviceProfile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no *Test suffix): run with
 * {@code ./mvnw -o -q -B -pl drivers,src/simulator test -Dtest=BacnetPollBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the median and p95 time of one full poll of the generic BACnet chiller profile over
 * loopback UDP, with ReadPropertyMultiple and with ReadProperty per point.
 */
class BacnetPollBenchmark {
    @Test
    void printPollLatencyTable() throws Exception {
        DeviceProfile profile = GenericBacnetChillerProfileTest.load();
        System.out.printf("%-28s %8s %10s %10s%n", "mode (" + profile.points().size() + " points)", "requests",
                "median us", "p95 us");
        for (boolean rpm : new boolean[] {true, false}) {
            BacnetObjectTable table = BacnetObjectTable.fromProfile(1001, profile, Map.of());
            try (SimulatedBacnetDevice sim = SimulatedBacnetDevice.start(table, 0);
                 BacnetClient client = BacnetClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                sim.setSupportsReadPropertyMultiple(rpm);
                BacnetDevice device = new BacnetDevice("bench", profile, client, PeerAddress.local(sim.address()),
                        BacnetDeviceOptions.DEFAULT.withRequests(new RequestOptions(Duration.ofMillis(500), 1)),
                        Clock.systemUTC());
                for (int i = 0; i < 50; i++) {
                    device.pollAll();
                }
                int runs = 300;
                long[] micros = new long[runs];
                int before = sim.confirmedRequestsServed();
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    device.pollAll();
                    micros[i] = (System.nanoTime() - t) / 1000;
                }
                Arrays.sort(micros);
                System.out.printf("%-28s %8d %10d %10d%n", rpm ? "ReadPropertyMultiple" : "ReadProperty per point",
                        (sim.confirmedRequestsServed() - before) / runs, micros[runs / 2], micros[runs * 95 / 100]);
            }
        }
    }
}
