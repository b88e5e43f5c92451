package io.plantd.app.bench;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cycle benchmark's plant in the calling JVM: {@link BenchPlant}'s slaves and a driver that
 * sets the site meter every 200 ms to demand minus the motors the engines took off the grid (the
 * loop closes as on a real site); demand is flat until {@link #measure}, then a 4-minute sine
 * from 5,200 to 10,000 kW. Also the body of {@link CycleSiteProcess}'s child.
 */
final class CycleSiteInJvm implements CycleSite {
    private final BenchPlant plant;
    private final Path siteFile;
    private final ScheduledExecutorService meterDriver = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicLong driveWrites = new AtomicLong();
    private final AtomicLong sineStart = new AtomicLong(Long.MAX_VALUE);

    CycleSiteInJvm(int devices, int chillers) throws Exception {
        plant = new BenchPlant(devices, chillers);
        plant.onDriveWrite((index, mode, at) -> {
            if (measuring.get()) {
                driveWrites.incrementAndGet();
            }
        });
        meterDriver.scheduleAtFixedRate(() -> {
            double s = Math.max(0, (System.nanoTime() - sineStart.get()) / 1e9);
            double demand = 7600 + 2400 * Math.sin(2 * Math.PI * s / 240)
                    + ThreadLocalRandom.current().nextGaussian() * 40;
            plant.setMeter(demand - BenchPlant.MOTOR_KW * plant.chillersOnEngine());
        }, 0, 200, TimeUnit.MILLISECONDS);
        siteFile = plant.writeSite(BenchArgs.repoProfiles(), BenchSlave.freePort(), plant.folder.resolve("state"));
    }

    @Override
    public Path siteFile() {
        return siteFile;
    }

    @Override
    public void measure() {
        measuring.set(true);
        sineStart.set(System.nanoTime());
    }

    @Override
    public long stop() {
        measuring.set(false);
        return driveWrites.get();
    }

    @Override
    public void close() {
        meterDriver.shutdownNow();
        plant.close();
    }
}
