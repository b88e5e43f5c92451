package io.plantd.drivers.poll;

import static io.plantd.drivers.modbus.TestPoints.holding;
import static io.plantd.drivers.modbus.TestPoints.profile;
import static io.plantd.drivers.modbus.TestPoints.writable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantd.drivers.api.WriteResult;
import io.plantd.drivers.modbus.HostileSlave;
import io.plantd.drivers.modbus.ModbusDevice;
import io.plantd.drivers.modbus.TestSlave;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointStore;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.Quality;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.RegisterTable;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real pollers on real executors: a hung device must not starve devices on other buses. */
class FieldBusTest {
    private static final DeviceProfile PROFILE = profile("p",
            List.of(holding("kw", 0, DataType.UINT16), writable(holding("sp", 1, DataType.UINT16))));

    private TestSlave good;
    private HostileSlave hung;
    private final PointStore store = new PointStore();
    private final Map<String, AtomicLong> polled = new ConcurrentHashMap<>();
    private FieldBus bus;

    @BeforeEach
    void start() throws Exception {
        good = TestSlave.start(10);
        good.set(RegisterTable.HOLDING, 0, 321);
        hung = new HostileSlave().delay(10_000);
        bus = new FieldBus(store, Clock.systemUTC(), new PollListener() {
            @Override
            public void polled(String device, long latencyNanos) {
                polled.computeIfAbsent(device, d -> new AtomicLong()).incrementAndGet();
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        bus.close();
        good.close();
        hung.close();
    }

    @Test
    void hungDeviceDoesNotStarveOtherBuses() {
        bus.add(new ModbusDevice("hung", PROFILE, hung.settings(300, 1)), new PollSettings(100, "gw-a"));
        bus.add(new ModbusDevice("neighbour", PROFILE, good.settings()), new PollSettings(100, "gw-a"));
        bus.add(new ModbusDevice("good", PROFILE, good.settings()), new PollSettings(100, "gw-b"));
        assertThat(bus.buses()).containsExactlyInAnyOrder("gw-a", "gw-b");
        bus.start();

        // 20 polls at 100 ms: about 2 s when on schedule; a shared executor would manage one
        // poll per 600 ms hang, about 12 s
        await().atMost(5, TimeUnit.SECONDS).until(() -> count("good") >= 20);
        DeviceStats.Snapshot hungStats = bus.stats("hung").orElseThrow();
        assertThat(hungStats.polls()).isLessThan(8);
        assertThat(count("neighbour")).as("the device sharing the hung bus waits its turn").isLessThan(10);

        PointValue goodKw = store.latest(PointId.of("good", "kw"));
        assertThat(goodKw.value()).isEqualTo(321.0);
        assertThat(System.currentTimeMillis() - goodKw.timestampMillis()).isLessThan(1000);
        PointValue hungKw = store.latest(PointId.of("hung", "kw"));
        assertThat(hungKw.quality()).isEqualTo(Quality.BAD);
        assertThat(hungKw.reason()).isEqualTo("device unreachable: no answer to holding 0..1 within 300 ms");
        assertThat(hungStats.failuresByKind()).containsKey(FailureKind.TIMEOUT);
        assertThat(hungStats.up()).isFalse();
        assertThat(bus.stats("good").orElseThrow().up()).isTrue();
    }

    @Test
    void writesAreRoutedToTheDevicesBusAndVerified() throws Exception {
        bus.add(new ModbusDevice("good", PROFILE, good.settings()), new PollSettings(200, ""));
        bus.start();
        WriteResult r = bus.write(PointId.of("good", "sp"), 42).get(2, TimeUnit.SECONDS);
        assertThat(r.ok()).as(r.reason()).isTrue();
        assertThat(good.holding(1)).isEqualTo(42);
        assertThat(bus.write(PointId.of("good", "kw"), 1).get(2, TimeUnit.SECONDS).reason()).contains("not writable");
        assertThat(bus.write(PointId.of("ghost", "sp"), 1).get(2, TimeUnit.SECONDS).reason())
                .isEqualTo("unknown device ghost");
        assertThat(bus.buses()).containsExactly("device:good");
    }

    @Test
    void devicePollGridsAreStaggeredByAddOrderWithinTheirOwnPeriod() {
        assertThat(bus.pollPhases()).isEmpty();
        bus.add(new ModbusDevice("meter", PROFILE, good.settings()), new PollSettings(250, ""));
        bus.add(new ModbusDevice("ch1", PROFILE, good.settings()), new PollSettings(1000, ""));
        bus.add(new ModbusDevice("ch2", PROFILE, good.settings()), new PollSettings(1000, ""));
        bus.add(new ModbusDevice("ahu", PROFILE, good.settings()), new PollSettings(5000, "gw-a"));
        bus.start();

        // device k of 4 starts k/4 of the way into the first tenth of its own period
        assertThat(bus.pollPhases()).containsExactly(
                Map.entry("meter", Duration.ZERO),
                Map.entry("ch1", Duration.ofMillis(25)),
                Map.entry("ch2", Duration.ofMillis(50)),
                Map.entry("ahu", Duration.ofMillis(375)));
    }

    @Test
    void closeStopsPollingPromptly() {
        bus.add(new ModbusDevice("good", PROFILE, good.settings()), new PollSettings(50, ""));
        bus.start();
        await().atMost(2, TimeUnit.SECONDS).until(() -> count("good") >= 3);
        bus.close();
        long after = count("good");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> count("good") == after);
    }

    private long count(String device) {
        AtomicLong n = polled.get(device);
        return n == null ? 0 : n.get();
    }
}
