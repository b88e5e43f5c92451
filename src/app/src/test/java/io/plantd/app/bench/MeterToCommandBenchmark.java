package io.plantd.app.bench;

import io.plantd.app.daemon.Daemon;
import io.plantd.controller.config.SiteConfig;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Not a test: how long from a site-meter register change that breaches the cap to the ENGINE
 * drive-mode write arriving at a chiller slave, through the real daemon (meter poll, 1 s cycle,
 * policy, actuator, Modbus write) on the 50-device loopback plant.
 *
 * <p>Each trial starts a fresh daemon (new state folder) with the meter well under the cap, lets
 * it run 3 s (every device polled, chillers adopted on motor), waits a random 0–1 s so the step
 * falls at a random phase of the poll and the tick, steps the meter register over the cap and
 * times the first ENGINE write seen by any chiller's register. A fresh daemon per trial resets the
 * forecaster, whose ramp bound would otherwise keep the engines on for the whole prediction
 * window. The first two trials warm the JIT and are not counted. Args: trials devices chillers
 * meterPollMs (defaults 30 50 4 1000).
 */
public final class MeterToCommandBenchmark {
    private static final int WARMUP_TRIALS = 2;
    private static final double LOW_KW = 7000;
    private static final double BREACH_KW = 10_500;

    public static void main(String[] args) throws Exception {
        int trials = (int) BenchArgs.number(args, 0, 30);
        int devices = (int) BenchArgs.number(args, 1, 50);
        int chillers = (int) BenchArgs.number(args, 2, 4);
        int meterPollMs = (int) BenchArgs.number(args, 3, 1000);
        Histogram latency = BenchArgs.histogram();
        int missed = 0;
        try (BenchPlant plant = new BenchPlant(devices, chillers)) {
            plant.meterPollMs(meterPollMs);
            for (int trial = 0; trial < trials + WARMUP_TRIALS; trial++) {
                plant.chillers.forEach(BenchPlant::resetChiller);
                plant.setMeter(LOW_KW);
                AtomicLong steppedAt = new AtomicLong(Long.MAX_VALUE);
                AtomicLong engineAt = new AtomicLong();
                CountDownLatch engine = new CountDownLatch(1);
                plant.onDriveWrite((index, mode, at) -> {
                    if (mode == BenchPlant.ENGINE && at >= steppedAt.get() && engineAt.compareAndSet(0, at)) {
                        engine.countDown();
                    }
                });
                SiteConfig config = plant.siteConfig(BenchArgs.repoProfiles(), BenchSlave.freePort(),
                        plant.folder.resolve("state-" + trial));
                Daemon daemon = Daemon.start(config, Clock.systemUTC());
                try {
                    Thread.sleep(3000 + ThreadLocalRandom.current().nextInt(1000));
                    steppedAt.set(System.nanoTime());
                    plant.setMeter(BREACH_KW);
                    boolean seen = engine.await(10, TimeUnit.SECONDS);
                    if (trial >= WARMUP_TRIALS) {
                        if (seen) {
                            latency.recordValue(engineAt.get() - steppedAt.get());
                        } else {
                            missed++;
                        }
                    }
                } finally {
                    daemon.close();
                }
            }
            System.out.printf("%nMeter change -> command written: %d trials (+%d warm-up) on the %d-device loopback plant,"
                    + " meter polled every %d ms, 1 s cycle; step %.0f -> %.0f kW (effective cap %.0f kW)%n",
                    trials, WARMUP_TRIALS, devices, meterPollMs, LOW_KW, BREACH_KW, BenchPlant.CAP_KW - BenchPlant.MARGIN_KW);
            System.out.println(BenchArgs.machine());
            System.out.printf("%-28s %10s %10s %10s %10s %10s%n", "metric (ms)", "min", "p50", "p90", "p99", "max");
            System.out.printf("%-28s %10s %10s %10s %10s %10s%n", "meter step -> ENGINE write",
                    latency.getTotalCount() == 0 ? "-" : String.format("%.3f", latency.getMinValue() / 1e6),
                    BenchArgs.ms(latency, 50), BenchArgs.ms(latency, 90), BenchArgs.ms(latency, 99),
                    BenchArgs.maxMs(latency));
            System.out.printf("%-28s %10d%n", "trials without a command", missed);
        }
        System.exit(0);
    }
}
