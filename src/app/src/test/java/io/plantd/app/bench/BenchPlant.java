package io.plantd.app.bench;

import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark plant: one site meter, a few hybrid chillers (simulator register maps) and generic
 * 40-point devices up to the device count, each a real j2mod slave on loopback; plus the site
 * config that points the real daemon at them (written to a temporary folder and loaded by the
 * real {@link SiteConfigLoader}, so the wiring is exactly what {@code plantd run} builds).
 *
 * <p>Chiller slaves act like a unit that obeys at once: a drive-mode write is mirrored to
 * drive_mode_status, and ENGINE takes the motor off the grid (motor_power 0, engine_running 1).
 */
final class BenchPlant implements AutoCloseable {
    static final String GENERIC_PROFILE = "bench-generic-40";
    static final int GENERIC_POINTS = 40;
    static final float MOTOR_KW = 300f;
    static final double CAP_KW = 10_000;
    static final double MARGIN_KW = 200;

    // sim-hybrid-chiller register map (config/profiles/sim-hybrid-chiller.yaml)
    static final int DRIVE_MODE_CMD = 0;
    private static final int IN_STATUS = 0;
    private static final int IN_ENGINE_READY = 1;
    private static final int IN_ENGINE_RUNNING = 2;
    private static final int IN_MOTOR_POWER = 6;
    private static final int IN_COOLING = 8;
    static final int ENGINE = 2;

    /** A drive-mode command arrived at chiller {@code index} (0-based) at {@code nanoTime}. */
    @FunctionalInterface
    interface DriveWriteListener {
        void written(int index, int mode, long nanoTime);
    }

    private volatile DriveWriteListener driveWrites = (index, mode, at) -> { };
    final BenchSlave meter;
    final List<BenchSlave> chillers = new ArrayList<>();
    final List<BenchSlave> generic = new ArrayList<>();
    final Path folder;
    private int meterPollMs = 1000;

    BenchPlant(int devices, int chillerCount) throws Exception {
        if (devices < chillerCount + 1) {
            throw new IllegalArgumentException("need at least one device more than chillers (the meter)");
        }
        folder = Files.createTempDirectory("plantd-bench-");
        meter = new BenchSlave(8);
        setMeter(7000);
        meter.inputFloat(2, 6000f);
        meter.inputFloat(4, 60f);
        for (int i = 0; i < chillerCount; i++) {
            BenchSlave c = new BenchSlave(16);
            resetChiller(c);
            int index = i;
            c.onWrite((address, value) -> {
                if (address == DRIVE_MODE_CMD) {
                    long at = System.nanoTime();
                    obey(c, value);
                    driveWrites.written(index, value, at);
                }
            });
            chillers.add(c);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = chillerCount + 1; i < devices; i++) {
            BenchSlave g = new BenchSlave(GENERIC_POINTS);
            for (int p = 0; p < GENERIC_POINTS / 2; p++) {
                g.holdingFloatCdab(2 * p, (float) (random.nextDouble() * 100));
                g.input(p, random.nextInt(1000));
            }
            generic.add(g);
        }
    }

    void onDriveWrite(DriveWriteListener listener) {
        this.driveWrites = listener;
    }

    int chillersOnEngine() {
        int n = 0;
        for (BenchSlave c : chillers) {
            if (c.holding(DRIVE_MODE_CMD) == ENGINE) {
                n++;
            }
        }
        return n;
    }

    /** How often the daemon polls the site meter (every other device: 1000 ms). */
    void meterPollMs(int ms) {
        this.meterPollMs = ms;
    }

    void setMeter(double siteKw) {
        meter.inputFloat(0, (float) siteKw);
    }

    /** Back to motor drive with the engine ready, as if the unit had been reset. */
    static void resetChiller(BenchSlave c) {
        c.holding(DRIVE_MODE_CMD, 1);
        c.input(IN_ENGINE_READY, 1);
        obey(c, 1);
        c.inputFloat(IN_COOLING, 450f);
    }

    private static void obey(BenchSlave c, int mode) {
        c.input(IN_STATUS, mode);
        c.input(IN_ENGINE_RUNNING, mode == ENGINE ? 1 : 0);
        c.inputFloat(IN_MOTOR_POWER, mode == ENGINE ? 0f : MOTOR_KW);
    }

    /** Writes profiles and site config into a fresh sub-folder and loads them. */
    SiteConfig siteConfig(Path repoProfiles, int metricsPort, Path stateDir) throws Exception {
        return SiteConfigLoader.load(writeSite(repoProfiles, metricsPort, stateDir));
    }

    /** Writes profiles and site config into a fresh sub-folder; returns the site file. */
    Path writeSite(Path repoProfiles, int metricsPort, Path stateDir) throws Exception {
        Path profiles = folder.resolve("profiles");
        Files.createDirectories(profiles);
        for (String p : List.of("sim-hybrid-chiller", "sim-site-meter")) {
            Files.copy(repoProfiles.resolve(p + ".yaml"), profiles.resolve(p + ".yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(profiles.resolve(GENERIC_PROFILE + ".yaml"), genericProfile());
        Path site = folder.resolve("bench-site.yaml");
        Files.writeString(site, siteYaml(metricsPort, stateDir));
        return site;
    }

    /** Half float32 holding registers (CDAB), half int16 input registers: two reads per poll. */
    private static String genericProfile() {
        StringBuilder b = new StringBuilder();
        b.append("name: ").append(GENERIC_PROFILE).append('\n')
                .append("description: \"benchmark device: 20 float32 holding (CDAB) + 20 int16 input registers\"\n")
                .append("protocol: modbus\nkind: other\naddressing: 0-based\n")
                .append("defaults: { order: ABCD, maxAgeMs: 5000 }\npoints:\n");
        for (int p = 0; p < GENERIC_POINTS / 2; p++) {
            b.append("  - { name: f").append(p).append(", table: holding, address: ").append(2 * p)
                    .append(", type: float32, order: CDAB }\n");
        }
        for (int p = 0; p < GENERIC_POINTS / 2; p++) {
            b.append("  - { name: i").append(p).append(", table: input, address: ").append(p)
                    .append(", type: int16 }\n");
        }
        return b.toString();
    }

    private String siteYaml(int metricsPort, Path stateDir) {
        StringBuilder b = new StringBuilder();
        b.append("site: { id: bench, serviceCapacityKw: ").append((int) CAP_KW).append(", marginKw: ")
                .append((int) MARGIN_KW).append(", releaseMarginKw: 600 }\n")
                .append("control: { periodMs: 1000, economic: { enabled: false } }\n")
                .append("profilesDir: ").append(folder.resolve("profiles")).append('\n')
                .append("stateDir: ").append(stateDir).append('\n')
                .append("devices:\n");
        device(b, "meter", "sim-site-meter", meter, meterPollMs);
        for (int i = 0; i < chillers.size(); i++) {
            device(b, "ch" + (i + 1), "sim-hybrid-chiller", chillers.get(i), 1000);
        }
        for (int i = 0; i < generic.size(); i++) {
            device(b, "dev" + (i + 1), GENERIC_PROFILE, generic.get(i), 1000);
        }
        b.append("meters: { site: meter/site_power }\nchillers:\n");
        for (int i = 0; i < chillers.size(); i++) {
            b.append("  - { id: ch").append(i + 1).append(", device: ch").append(i + 1)
                    .append(", capacityTons: 500, motorKwPerTon: 0.6 }\n");
        }
        b.append("metrics: { enabled: true, bind: 127.0.0.1, port: ").append(metricsPort).append(" }\n");
        return b.toString();
    }

    private static void device(StringBuilder b, String id, String profile, BenchSlave slave, int pollMs) {
        b.append("  - { id: ").append(id).append(", profile: ").append(profile)
                .append(", pollPeriodMs: ").append(pollMs).append(", connection: { type: modbus-tcp, host: 127.0.0.1, port: ")
                .append(slave.port()).append(", unitId: ").append(BenchSlave.UNIT).append(" } }\n");
    }

    int pointCount() {
        return pointCount(1 + chillers.size() + generic.size(), chillers.size());
    }

    static int pointCount(int devices, int chillers) {
        return 3 + chillers * 14 + (devices - chillers - 1) * GENERIC_POINTS;
    }

    @Override
    public void close() {
        meter.close();
        chillers.forEach(BenchSlave::close);
        generic.forEach(BenchSlave::close);
    }
}
