package io.plantd.app.bench;

import io.plantd.app.daemon.Daemon;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.ControlLoop;
import io.plantd.controller.cycle.CycleReport;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Not a test: the real daemon ({@link Daemon#start}: FieldBus, ControlRuntime, PolicyCycleStep,
 * metrics, decision log) polling 50 loopback j2mod slaves at a 1 s cycle for N minutes, printing
 * cycle duration and tick lateness (jitter) percentiles, overruns and skipped ticks.
 *
 * <p>The site meter follows a slow sine that crosses the cap, so the policy forecasts and moves
 * chillers to engine during the run. Args: minutes devices chillers (defaults 2 50 4).
 */
public final class CycleBenchmark {
    private static final int WARMUP_S = 15;

    public static void main(String[] args) throws Exception {
        double minutes = BenchArgs.number(args, 0, 2);
        int devices = (int) BenchArgs.number(args, 1, 50);
        int chillers = (int) BenchArgs.number(args, 2, 4);

        Histogram duration = BenchArgs.histogram();
        Histogram lateness = BenchArgs.histogram();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong failed = new AtomicLong();
        AtomicLong driveWrites = new AtomicLong();
        ScheduledExecutorService meterDriver = Executors.newSingleThreadScheduledExecutor();
        try (BenchPlant plant = new BenchPlant(devices, chillers)) {
            plant.onDriveWrite((index, mode, at) -> {
                if (measuring.get()) {
                    driveWrites.incrementAndGet();
                }
            });
            // the site meter reads demand minus the motors that engines took off the grid, so the
            // loop closes as on a real site; demand is flat in the warm-up, then a slow sine over the cap
            AtomicLong sineStart = new AtomicLong(Long.MAX_VALUE);
            meterDriver.scheduleAtFixedRate(() -> {
                double s = Math.max(0, (System.nanoTime() - sineStart.get()) / 1e9);
                double demand = 7600 + 2400 * Math.sin(2 * Math.PI * s / 240) + ThreadLocalRandom.current().nextGaussian() * 40;
                plant.setMeter(demand - BenchPlant.MOTOR_KW * plant.chillersOnEngine());
            }, 0, 200, TimeUnit.MILLISECONDS);

            SiteConfig config = plant.siteConfig(BenchArgs.repoProfiles(), BenchSlave.freePort(),
                    plant.folder.resolve("state"));
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
            });
            Thread.sleep(WARMUP_S * 1000L);
            long overruns0 = loop.overruns();
            long skipped0 = loop.skippedTicks();
            measuring.set(true);
            sineStart.set(System.nanoTime());
            Thread.sleep((long) (minutes * 60_000));
            measuring.set(false);
            long overruns = loop.overruns() - overruns0;
            long skipped = loop.skippedTicks() - skipped0;
            CycleReport last = loop.lastReport().orElseThrow();
            long staleChillers = last.chillers().stream().filter(c -> c.actual() == null).count();
            daemon.close();

            System.out.printf("%nControl cycle benchmark: real daemon, %d devices (%d points: meter, %d chillers,"
                    + " %d x %d-point devices) on loopback Modbus, 1 s cycle, %.1f min measured after %d s warm-up%n",
                    devices, plant.pointCount(), chillers, plant.generic.size(), BenchPlant.GENERIC_POINTS, minutes,
                    WARMUP_S);
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
            System.out.printf("%-28s %10d%n", "drive-mode writes", driveWrites.get());
            System.out.printf("%-28s %10s%n", "last mode / alarms", last.mode() + " / " + last.alarms().stream()
                    .map(a -> a.id()).toList() + (staleChillers > 0 ? " (" + staleChillers + " chillers unread)" : ""));
        } finally {
            meterDriver.shutdownNow();
        }
        System.exit(0);
    }
}
