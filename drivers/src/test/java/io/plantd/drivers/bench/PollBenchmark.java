package io.plantd.drivers.bench;

import io.plantd.drivers.modbus.ModbusDevice;
import io.plantd.drivers.modbus.TestPoints;
import io.plantd.drivers.modbus.TestSlave;
import io.plantd.drivers.point.PointStore;
import io.plantd.drivers.poll.FailureKind;
import io.plantd.drivers.poll.FieldBus;
import io.plantd.drivers.poll.PollListener;
import io.plantd.drivers.poll.PollSettings;
import io.plantd.drivers.profile.DataType;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import io.plantd.drivers.profile.RegisterTable;
import io.plantd.drivers.profile.WordOrder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Not a test: polls N loopback j2mod slaves of M points each through the real FieldBus (one bus
 * per device, as for TCP devices that are their own gateway) and prints polls/s and poll
 * latency percentiles. Args: devices points periodMs seconds (defaults 50 40 1000 30).
 * Run as documented in BENCHMARKS.md.
 */
public final class PollBenchmark {

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        long periodMs = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int warmupSeconds = 5;

        DeviceProfile profile = profile(points);
        List<TestSlave> slaves = new ArrayList<>();
        Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong polls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        PointStore store = new PointStore();
        FieldBus bus = new FieldBus(store, Clock.systemUTC(), new PollListener() {
            @Override
            public void polled(String device, long latencyNanos) {
                if (measuring.get()) {
                    polls.incrementAndGet();
                    latency.recordValue(latencyNanos);
                }
            }

            @Override
            public void failed(String device, FailureKind kind, String reason, long latencyNanos) {
                if (measuring.get()) {
                    failures.incrementAndGet();
                }
            }
        });
        try {
            for (int i = 0; i < devices; i++) {
                TestSlave slave = TestSlave.start(points);
                for (int r = 0; r < points; r++) {
                    slave.set(RegisterTable.HOLDING, r, 0x4248 + r);
                    slave.set(RegisterTable.INPUT, r, r);
                }
                slaves.add(slave);
                bus.add(new ModbusDevice("dev-" + i, profile, slave.settings()), new PollSettings(periodMs, ""));
            }
            bus.start();
            Thread.sleep(warmupSeconds * 1000L);
            measuring.set(true);
            long started = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - started) / 1e9;
            int requests = new ModbusDevice("plan", profile, slaves.get(0).settings()).plan().requests().size();

            System.out.printf("%nModbus polling benchmark: %d devices x %d points (%d requests/poll), period %d ms,"
                    + " %d s measured after %d s warm-up, %d cores%n", devices, points, requests, periodMs, seconds,
                    warmupSeconds, Runtime.getRuntime().availableProcessors());
            System.out.printf("%-22s %12s%n", "metric", "value");
            System.out.printf("%-22s %12.1f%n", "polls/s", polls.get() / elapsed);
            System.out.printf("%-22s %12.1f%n", "points/s", polls.get() * points / elapsed);
            System.out.printf("%-22s %12d%n", "failed polls", failures.get());
            System.out.printf("%-22s %12.3f%n", "latency p50 (ms)", latency.getValueAtPercentile(50) / 1e6);
            System.out.printf("%-22s %12.3f%n", "latency p99 (ms)", latency.getValueAtPercentile(99) / 1e6);
            System.out.printf("%-22s %12.3f%n", "latency max (ms)", latency.getMaxValue() / 1e6);
        } finally {
            bus.close();
            slaves.forEach(TestSlave::close);
        }
        System.exit(0);
    }

    /** Half float32 holding registers (CDAB), half int16 input registers: two reads per poll. */
    private static DeviceProfile profile(int points) {
        List<PointDef> defs = new ArrayList<>();
        int floats = points / 2;
        for (int i = 0; i < floats; i++) {
            defs.add(TestPoints.point("f" + i, RegisterTable.HOLDING, 2 * i, DataType.FLOAT32, WordOrder.CDAB));
        }
        for (int i = 0; i < points - floats; i++) {
            defs.add(TestPoints.point("i" + i, RegisterTable.INPUT, i, DataType.INT16, WordOrder.ABCD));
        }
        return TestPoints.profile("bench", defs);
    }
}
