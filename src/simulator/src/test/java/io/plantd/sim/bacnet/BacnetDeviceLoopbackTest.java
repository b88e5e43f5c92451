package io.plantd.sim.bacnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.bacnet.client.BacnetClient;
import io.plantd.drivers.bacnet.client.BacnetDevice;
import io.plantd.drivers.bacnet.client.BacnetDeviceOptions;
import io.plantd.drivers.bacnet.client.BacnetPointWriter;
import io.plantd.drivers.bacnet.client.BacnetWriteOutcome;
import io.plantd.drivers.bacnet.client.DeviceInfo;
import io.plantd.drivers.bacnet.client.RequestOptions;
import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.WriteProperty;
import io.plantd.drivers.bacnet.transport.PeerAddress;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.Quality;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BacnetDevice} (points, quality, priority writes) against the simulated device on loopback UDP. */
class BacnetDeviceLoopbackTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC);
    private static final RequestOptions FAST = new RequestOptions(Duration.ofMillis(150), 1);
    private static final ObjectIdentifier AV1 = new ObjectIdentifier(ObjectTypes.ANALOG_VALUE, 1);
    private static final BacnetDeviceOptions OPTIONS = BacnetDeviceOptions.DEFAULT.withRequests(FAST);

    private final java.util.List<AutoCloseable> toClose = new java.util.ArrayList<>();
    private BacnetClient client;

    @BeforeEach
    void openClient() throws Exception {
        client = BacnetClient.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void closeAll() throws Exception {
        client.close();
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private SimulatedBacnetDevice sim(BacnetObjectTable table) throws Exception {
        SimulatedBacnetDevice sim = SimulatedBacnetDevice.start(table, 0);
        toClose.add(sim);
        return sim;
    }

    private BacnetDevice discovered(SimulatedBacnetDevice sim, io.plantd.drivers.profile.DeviceProfile profile,
                                    BacnetDeviceOptions options) throws Exception {
        DeviceInfo info = client.discover(PeerAddress.local(sim.address()), SimChillers.DEVICE_INSTANCE,
                Duration.ofSeconds(2)).orElseThrow();
        return BacnetDevice.fromIAm("chiller-1", profile, client, info, options, CLOCK);
    }

    @Test
    void pollsEveryPointGoodWithOneReadPropertyMultiple() throws Exception {
        SimulatedBacnetDevice sim = sim(SimChillers.chillerTable(1476));
        BacnetDevice device = discovered(sim, SimChillers.chiller(), OPTIONS);
        int before = sim.confirmedRequestsServed();

        Map<String, PointValue> values = device.pollAll();

        assertThat(sim.confirmedRequestsServed() - before).isEqualTo(1);
        assertThat(values).containsOnlyKeys("drive_mode_cmd", "motor_power", "engine_running");
        assertThat(values.get("drive_mode_cmd")).isEqualTo(PointValue.good(0.0, "", CLOCK.millis()));
        assertThat(values.get("motor_power")).isEqualTo(PointValue.good(812.5, "", CLOCK.millis()));
        assertThat(values.get("engine_running")).isEqualTo(PointValue.good(1.0, "", CLOCK.millis()));
        assertThat(device.usesReadPropertyMultiple()).isTrue();
    }

    @Test
    void fallsBackToReadPropertyWhenTheDeviceRejectsReadPropertyMultiple() throws Exception {
        SimulatedBacnetDevice sim = sim(SimChillers.chillerTable(1476));
        sim.setSupportsReadPropertyMultiple(false);
        BacnetDevice device = discovered(sim, SimChillers.chiller(), OPTIONS);

        Map<String, PointValue> first = device.pollAll();
        assertThat(first.values()).allMatch(PointValue::isGood);
        assertThat(first.get("motor_power").value()).isEqualTo(812.5);
        assertThat(device.usesReadPropertyMultiple()).isFalse();

        int before = sim.confirmedRequestsServed();
        assertThat(device.pollAll().values()).allMatch(PointValue::isGood);
        assertThat(sim.confirmedRequestsServed() - before).isEqualTo(3); // one ReadProperty per point, no RPM retry
    }

    @Test
    void sizesReadPropertyMultipleToTheMaxApduFromIAm() throws Exception {
        // 40 analog inputs; the device accepts 128-octet APDUs: each RPM reply must fit 128 octets.
        SimulatedBacnetDevice sim = sim(SimChillers.manyInputsTable(40, 128));
        BacnetDevice device = discovered(sim, SimChillers.manyInputs(40), OPTIONS);
        int before = sim.confirmedRequestsServed();

        Map<String, PointValue> values = device.pollAll();

        assertThat(values).hasSize(40);
        values.forEach((name, v) -> assertThat(v.value()).as(name).isEqualTo(Double.parseDouble(name.substring(3))));
        int requests = sim.confirmedRequestsServed() - before;
        assertThat(requests).isBetween(5, 39); // batched, yet never one reply too large for 128 octets
        assertThat(device.usesReadPropertyMultiple()).isTrue();
    }

    @Test
    void fallsBackWhenAReplyWouldNotFitAndTheDeviceAborts() throws Exception {
        // Configured max APDU 1476 but the device only sends 128: it aborts with
        // segmentation-not-supported; the batch is then read point by point, and later batches shrink.
        SimulatedBacnetDevice sim = sim(SimChillers.manyInputsTable(40, 128));
        BacnetDevice device = new BacnetDevice("chiller-1", SimChillers.manyInputs(40), client,
                PeerAddress.local(sim.address()), OPTIONS.withMaxApduLength(1476), CLOCK);

        Map<String, PointValue> first = device.pollAll();
        assertThat(first.values()).allMatch(PointValue::isGood);
        assertThat(first.get("ai_139").value()).isEqualTo(139.0);

        int before = sim.confirmedRequestsServed();
        assertThat(device.pollAll().values()).allMatch(PointValue::isGood);
        assertThat(sim.confirmedRequestsServed() - before).isLessThan(40);
    }

    @Test
    void pointsTheDeviceCannotServeAreBadWithTheBacnetReason() throws Exception {
        SimulatedBacnetDevice sim = sim(SimChillers.chillerTable(1476));
        sim.table().setPresentValue(new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, 2), new BacnetValue.RealValue(9000f));
        BacnetDevice device = discovered(sim, SimChillers.profile(
                SimChillers.point("motor_power", "analog-input", 2, false, 0, 5000),
                SimChillers.point("ghost", "analog-input", 99, false, Double.NaN, Double.NaN),
                new io.plantd.drivers.profile.PointDef("name_as_number", "", false, Double.NaN, Double.NaN, 0, "",
                        new io.plantd.drivers.profile.BacnetAddress("analog-input", 2, "object-name", -1, 10))),
                OPTIONS);

        for (boolean rpm : new boolean[] {true, false}) {
            sim.setSupportsReadPropertyMultiple(rpm);
            Map<String, PointValue> values = device.pollAll();
            assertThat(values.get("motor_power").quality()).isEqualTo(Quality.BAD);
            assertThat(values.get("motor_power").reason()).isEqualTo("value 9000.0 outside limits [0.0, 5000.0]");
            assertThat(values.get("ghost").reason()).isEqualTo("bacnet error object/unknown-object");
            assertThat(values.get("name_as_number").reason()).startsWith("non-numeric value CharacterStringValue");
        }
    }

    @Test
    void anOperatorAtPriority8WinsOverPlantdAtPriority10() throws Exception {
        SimulatedBacnetDevice sim = sim(SimChillers.chillerTable(1476));
        BacnetDevice device = discovered(sim, SimChillers.chiller(), OPTIONS);

        BacnetWriteOutcome mine = device.writeDetailed("drive_mode_cmd", 1);
        assertThat(mine.status()).isEqualTo(BacnetWriteOutcome.Status.VERIFIED);
        assertThat(mine.result()).isEqualTo(WriteResult.verified(PointId.of("chiller-1", "drive_mode_cmd"), 1, 1));
        assertThat(sim.table().prioritySlot(AV1, 10)).isEqualTo(1.0);

        // The operator takes the chiller to ENGINE (2) from the BMS at priority 8.
        client.writeProperty(PeerAddress.local(sim.address()), new WriteProperty(PropertyReference.of(AV1, 85),
                List.of(new BacnetValue.RealValue(2f)), 8), FAST);

        BacnetWriteOutcome deferred = device.writeDetailed("drive_mode_cmd", 3);
        assertThat(deferred.status()).isEqualTo(BacnetWriteOutcome.Status.DEFERRED_TO_HIGHER_PRIORITY);
        assertThat(deferred.holdingPriority()).isEqualTo(8);
        assertThat(deferred.result().ok()).isFalse();
        assertThat(deferred.result().readBack()).isEqualTo(2.0);
        assertThat(deferred.result().reason())
                .isEqualTo("deferred: priority 8 holds drive_mode_cmd at 2.0, above plantd's priority 10; not retried");
        assertThat(sim.table().point("drive_mode_cmd")).isEqualTo(2.0);
        assertThat(sim.table().prioritySlot(AV1, 10)).isEqualTo(3.0);

        // Operator relinquishes: plantd's priority-10 command takes effect without a rewrite.
        client.writeProperty(PeerAddress.local(sim.address()), new WriteProperty(PropertyReference.of(AV1, 85),
                List.of(BacnetValue.Null.INSTANCE), 8), FAST);
        assertThat(device.pollAll().get("drive_mode_cmd").value()).isEqualTo(3.0);

        // plantd relinquishes: Relinquish_Default (0, LOCAL) applies.
        WriteResult released = device.relinquish("drive_mode_cmd");
        assertThat(released.ok()).isTrue();
        assertThat(released.readBack()).isEqualTo(0.0);
        assertThat(sim.table().prioritySlot(AV1, 10)).isNaN();
    }

    @Test
    void badWriteRequestsNeverReachTheDevice() throws Exception {
        SimulatedBacnetDevice sim = sim(SimChillers.chillerTable(1476));
        BacnetDevice device = discovered(sim, SimChillers.chiller(), OPTIONS);
        int before = sim.confirmedRequestsServed();

        assertThat(device.write("drive_mode_cmd", 7).reason()).isEqualTo("value 7.0 outside limits [0.0, 3.0]: not written");
        assertThat(device.write("drive_mode_cmd", Double.NaN).reason()).isEqualTo("refusing to write NaN");
        assertThat(device.write("motor_power", 10).reason()).isEqualTo("point motor_power is not writable");
        assertThat(device.write("nope", 1).reason()).isEqualTo("no point nope on chiller-1");
        assertThat(sim.confirmedRequestsServed()).isEqualTo(before);
        assertThat(sim.table().prioritySlot(AV1, 10)).isNaN();
    }

    @Test
    void aDeviceRefusingTheWriteIsAFailureWithItsReason() throws Exception {
        SimulatedBacnetDevice sim = sim(SimChillers.chillerTable(1476));
        // The profile claims an analog-input is writable: the device says write-access-denied.
        BacnetDevice device = discovered(sim, SimChillers.profile(
                SimChillers.point("motor_power", "analog-input", 2, true, 0, 5000)), OPTIONS);
        WriteResult result = device.write("motor_power", 10);
        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).startsWith("bacnet error property/write-access-denied");
    }

    @Test
    void aVanishedDeviceGoesBadThenItsBreakerOpensThenItRecovers() throws Exception {
        SimulatedBacnetDevice sim = sim(SimChillers.chillerTable(1476));
        int port = sim.address().getPort();
        BacnetDeviceOptions options = OPTIONS.withRequests(new RequestOptions(Duration.ofMillis(80), 1))
                .withBreaker(BacnetDeviceOptions.defaultBreaker(Duration.ofMillis(400)));
        BacnetDevice device = discovered(sim, SimChillers.chiller(), options);
        assertThat(device.pollAll().values()).allMatch(PointValue::isGood);

        sim.close();
        // Window 10, at least 5 calls, 50 %: 1 success + 4 timeouts opens the breaker.
        for (int i = 0; i < 4; i++) {
            Map<String, PointValue> values = device.pollAll();
            assertThat(values.values()).allSatisfy(v -> {
                assertThat(v.quality()).isEqualTo(Quality.BAD);
                assertThat(v.reason()).isEqualTo("timeout after 2 attempts of 80 ms");
            });
        }
        assertThat(device.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(device.pollAll().get("motor_power").reason())
                .isEqualTo("circuit open: chiller-1 failed repeatedly; not asked for 400 ms after opening");
        assertThat(device.write("drive_mode_cmd", 1).reason()).startsWith("circuit open");

        // The controller comes back on the same port; after the open wait one probe closes the breaker.
        SimulatedBacnetDevice back = SimulatedBacnetDevice.start(SimChillers.chillerTable(1476), port);
        toClose.add(back);
        Thread.sleep(450);
        assertThat(device.pollAll().values()).allMatch(PointValue::isGood);
        assertThat(device.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void pollWithoutTheBreakerThrowsWhenTheDeviceFallsSilentMidPoll() throws Exception {
        SimulatedBacnetDevice sim = sim(SimChillers.manyInputsTable(3, 1476));
        sim.setSupportsReadPropertyMultiple(false);
        BacnetDevice device = new BacnetDevice("chiller-1", SimChillers.manyInputs(3), client,
                PeerAddress.local(sim.address()), OPTIONS.withRequests(new RequestOptions(Duration.ofMillis(80), 0)), CLOCK);
        assertThat(device.poll(1234L)).allSatisfy((name, v) -> assertThat(v.timestampMillis()).isEqualTo(1234L));

        sim.setSilent(true);
        io.plantd.drivers.bacnet.client.BacnetDeviceSilentException silent = org.junit.jupiter.api.Assertions
                .assertThrows(io.plantd.drivers.bacnet.client.BacnetDeviceSilentException.class, () -> device.poll(5678L));
        assertThat(silent.reason()).isEqualTo("timeout after 1 attempt of 80 ms");
        assertThat(silent.partial()).containsOnlyKeys("ai_100", "ai_101", "ai_102");
        assertThat(silent.partial().values()).allSatisfy(v -> {
            assertThat(v.quality()).isEqualTo(Quality.BAD);
            assertThat(v.reason()).isEqualTo("timeout after 1 attempt of 80 ms");
        });
        // One timeout ends the poll: the silent device is not asked once per point.
        assertThat(device.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void pointWriterRunsWritesOnTheDevicesExecutor() throws Exception {
        SimulatedBacnetDevice sim = sim(SimChillers.chillerTable(1476));
        BacnetDevice device = discovered(sim, SimChillers.chiller(), OPTIONS);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            BacnetPointWriter writer = new BacnetPointWriter(Map.of("chiller-1", device), Map.of("chiller-1", executor));
            WriteResult result = writer.write(PointId.of("chiller-1", "drive_mode_cmd"), 2).get(5, TimeUnit.SECONDS);
            assertThat(result.ok()).isTrue();
            assertThat(sim.table().point("drive_mode_cmd")).isEqualTo(2.0);
            assertThat(writer.write(PointId.of("chiller-9", "drive_mode_cmd"), 2).get().reason())
                    .isEqualTo("no BACnet device chiller-9");
        } finally {
            executor.shutdownNow();
        }
    }
}
