package io.plantd.app.bench;

import io.plantd.app.daemon.Daemon;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.controller.cycle.ControlLoop;
import io.plantd.controller.cycle.CycleReport;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Not a test: the real daemon ({@link Daemon#start}: FieldBus, ControlRuntime, PolicyCycleStep,
 * metrics, decision log) polling 50 loopback j2mod slaves at a 1 s cycle for N minutes, printing
 * cycle duration and tick lateness (jitter) percentiles, overruns and skipped ticks.
 *
 * <p>The site meter follows a slow sine that crosses the cap, so the policy forecasts and moves
 * chillers to engine during the run ({@link CycleSiteInJvm}). The slaves run in a child JVM by
 * default ({@link CycleSiteProcess}), so this JVM is the daemon alone and can be given the
 * launcher's flags; {@code in-jvm} hosts them here as the first measurements did. Args: minutes
 * devices chillers [process|in-jvm] (defaults 2 50 4 process).
 */
public final class CycleBenchmark {
    private static final int WARMUP_S = 15;
    private static final int WORST_SHOWN = 5;

    public static void main(String[] args) throws Exception {
        double minutes = BenchArgs.number(args, 0, 2);
        int devices = (int) BenchArgs.number(args, 1, 50);
        int chillers = (int) BenchArgs.number(args, 2, 4);
        boolean slavesInJvm = args.length > 3 && args[3].equals("in-jvm");
        if (args.length > 3 && !slavesInJvm && !args[3].equals("process")) {
            throw new IllegalArgumentException("4th argument: process (default) or in-jvm, got " + args[3]);
        }

        Histogram duration = BenchArgs.histogram();
        Histogram lateness = BenchArgs.histogram();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong failed = new AtomicLong();
        LateTicks worst = new LateTicks(WORST_SHOWN);
        try (CycleSite plant = slavesInJvm ? new CycleSiteInJvm(devices, chillers)
                : new CycleSiteProcess(devices, chillers)) {
            SiteConfig config = SiteConfigLoader.load(plant.siteFile());
            Daemon daemon = Daemon.start(config, Clock.systemUTC());
            ControlLoop loop = daemon.runtime().loop();
            loop.onTiming((late, nanos, ok) -> {
                if (!measuring.get()) {
                    return;
                }
                if (ok) {
                    duration.recordValue(nanos);
                } else {
                    failed.incrementAndGet();
                }
                lateness.recordValue(Math.max(0, late));
                worst.offer(late, nanos);
            });
            Thread.sleep(WARMUP_S * 1000L);
            long overruns0 = loop.overruns();
            long skipped0 = loop.skippedTicks();
            measuring.set(true);
            plant.measure();
            Thread.sleep((long) (minutes * 60_000));
            measuring.set(false);
            long driveWrites = plant.stop();
            long overruns = loop.overruns() - overruns0;
            long skipped = loop.skippedTicks() - skipped0;
            CycleReport last = loop.lastReport().orElseThrow();
            long staleChillers = last.chillers().stream().filter(c -> c.actual() == null).count();
            daemon.close();

            System.out.printf("%nControl cycle benchmark: real daemon, %d devices (%d points: meter, %d chillers,"
                    + " %d x %d-point devices) on loopback Modbus, 1 s cycle, %.1f min measured after %d s warm-up%n",
                    devices, BenchPlant.pointCount(devices, chillers), chillers, devices - chillers - 1,
                    BenchPlant.GENERIC_POINTS, minutes, WARMUP_S);
            System.out.printf("slaves %s; daemon JVM flags %s%n", slavesInJvm ? "in the daemon's JVM" : "in a child JVM",
                    ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.println(BenchArgs.machine());
            System.out.printf("%-28s %10s %10s %10s %10s%n", "metric (ms)", "p50", "p90", "p99", "max");
            System.out.printf("%-28s %10s %10s %10s %10s%n", "cycle duration", BenchArgs.ms(duration, 50),
                    BenchArgs.ms(duration, 90), BenchArgs.ms(duration, 99), BenchArgs.maxMs(duration));
            System.out.printf("%-28s %10s %10s %10s %10s%n", "tick lateness (jitter)", BenchArgs.ms(lateness, 50),
                    BenchArgs.ms(lateness, 90), BenchArgs.ms(lateness, 99), BenchArgs.maxMs(lateness));
            System.out.printf("%-28s %10d%n", "cycles measured", duration.getTotalCount());
            System.out.printf("%-28s %10d%n", "failed cycles", failed.get());
            System.out.printf("%-28s %10d%n", "overruns", overruns);
            System.out.printf("%-28s %10d%n", "skipped ticks", skipped);
            System.out.printf("%-28s %10d%n", "drive-mode writes", driveWrites);
            System.out.printf("%-28s %s%n", "latest ticks, at JVM uptime", worst.describe());
            System.out.printf("%-28s %10s%n", "last mode / alarms", last.mode() + " / " + last.alarms().stream()
                    .map(a -> a.id()).toList() + (staleChillers > 0 ? " (" + staleChillers + " chillers unread)" : ""));
        }
        System.exit(0);
    }

    /**
     * The few ticks that started latest, with when they were due in JVM uptime (as -Xlog's
     * {@code uptime} decoration prints it), to line them up with GC and safepoint logs.
     */
    private static final class LateTicks {
        private final int size;
        private final long jvmStartNanos = System.nanoTime()
                - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        private final PriorityQueue<long[]> smallestFirst =
                new PriorityQueue<>(Comparator.comparingLong(e -> e[0]));

        LateTicks(int size) {
            this.size = size;
        }

        void offer(long lateNanos, long durationNanos) {
            long startedAt = System.nanoTime() - durationNanos;
            smallestFirst.add(new long[] {lateNanos, startedAt - lateNanos - jvmStartNanos});
            if (smallestFirst.size() > size) {
                smallestFirst.poll();
            }
        }

        String describe() {
            return smallestFirst.stream().sorted(Comparator.comparingLong((long[] e) -> -e[0]))
                    .map(e -> String.format("%.1f ms at tick %.3f s", e[0] / 1e6, e[1] / 1e9))
                    .collect(Collectors.joining(", "));
        }
    }
}
