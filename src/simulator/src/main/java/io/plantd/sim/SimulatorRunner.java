package io.plantd.sim;

import io.plantd.sim.bacnet.BacnetEndpoint;
import io.plantd.sim.bacnet.BacnetObjectTable;
import io.plantd.sim.bacnet.BacnetPlantServer;
import io.plantd.sim.device.SimDevice;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.DriveCode;
import io.plantd.sim.model.PlantModel;
import io.plantd.sim.modbus.Binding;
import io.plantd.sim.modbus.DeviceEndpoint;
import io.plantd.sim.modbus.ModbusPlantServer;
import io.plantd.sim.record.GroundTruthRecorder;
import io.plantd.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario against the wall clock (optionally sped up) and serves its devices over Modbus
 * TCP, or BACnet/IP for the chillers the scenario's {@code serve.bacnet} names. Every tick (100 ms
 * of wall time; shorter above 10× so a tick stays about one simulated second) it applies the writes
 * received, advances the simulation by tick × speed in steps of at most 1 s, and republishes the
 * registers. Simulated time is {@code scenario.start + speed × (wall − wallStart())}.
 */
public final class SimulatorRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorRunner.class);
    static final long TICK_MS = 100;
    private static final int MAX_STEPS_PER_TICK = 20_000;

    /**
     * @param speed        simulated seconds per wall second (1 = real time)
     * @param basePort     overrides the scenario's base port; 0 = ephemeral ports for every device
     *                     (BACnet/IP ones included)
     * @param recordCsv    where to write the per-second ground truth, if anywhere
     * @param stopAtEnd    stop advancing once the scenario duration is reached (the devices keep
     *                     answering with the final state until {@link #close()})
     * @param logEvery     wall-time interval of the state log line (zero = never)
     * @param startAt      the wall instant simulated time starts from; until then the devices serve
     *                     the scenario's first second (so a controller started alongside can join at
     *                     t = 0); empty = at once
     */
    public record Options(double speed, OptionalInt basePort, Optional<Path> recordCsv, boolean stopAtEnd,
                          Duration logEvery, Optional<Instant> startAt) {
        public Options {
            if (!(speed > 0) || speed > 10_000) {
                throw new IllegalArgumentException("speed must be in (0, 10000], got " + speed);
            }
        }

        public static Options realTime() {
            return new Options(1.0, OptionalInt.empty(), Optional.empty(), false, Duration.ofSeconds(5),
                    Optional.empty());
        }

        public Options withSpeed(double s) {
            return new Options(s, basePort, recordCsv, stopAtEnd, logEvery, startAt);
        }

        public Options withBasePort(int port) {
            return new Options(speed, OptionalInt.of(port), recordCsv, stopAtEnd, logEvery, startAt);
        }

        public Options withRecordCsv(Path csv) {
            return new Options(speed, basePort, Optional.of(csv), stopAtEnd, logEvery, startAt);
        }

        public Options withStopAtEnd(boolean stop) {
            return new Options(speed, basePort, recordCsv, stop, logEvery, startAt);
        }

        public Options withLogEvery(Duration every) {
            return new Options(speed, basePort, recordCsv, stopAtEnd, every, startAt);
        }

        public Options withStartAt(Instant wall) {
            return new Options(speed, basePort, recordCsv, stopAtEnd, logEvery, Optional.of(wall));
        }
    }

    private final Object lock = new Object();
    private final Simulation sim;
    private final GroundTruthRecorder recorder;
    private final ModbusPlantServer server;
    private final BacnetPlantServer bacnet;
    private final Options options;
    private final ScheduledExecutorService clock;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final long wallStartNanos;
    private final Instant wallStart;
    private long lastLogNanos;
    private volatile boolean closed;

    private SimulatorRunner(Simulation sim, GroundTruthRecorder recorder, ModbusPlantServer server,
                            BacnetPlantServer bacnet, Options options) {
        this.sim = sim;
        this.recorder = recorder;
        this.server = server;
        this.bacnet = bacnet;
        this.options = options;
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-clock");
            t.setDaemon(true);
            return t;
        });
        long nowNanos = System.nanoTime();
        Instant now = Instant.now();
        this.wallStart = options.startAt().orElse(now);
        this.wallStartNanos = nowNanos + Duration.between(now, wallStart).toNanos();
        this.lastLogNanos = wallStartNanos;
    }

    /** Builds the plant, opens every device's listener and starts the clock. */
    public static SimulatorRunner start(Scenario scenario, Options options) throws IOException {
        Simulation sim = new Simulation(scenario);
        GroundTruthRecorder recorder = options.recordCsv().isPresent()
                ? new GroundTruthRecorder(Files.newBufferedWriter(options.recordCsv().get()))
                : new GroundTruthRecorder();
        sim.record(recorder);
        Scenario.Serve serve = scenario.serve();
        List<SimDevice> overModbus = sim.devices().all().stream().filter(d -> !serve.servedOverBacnet(d.id())).toList();
        boolean ephemeral = options.basePort().isPresent() && options.basePort().getAsInt() == 0;
        ModbusPlantServer server = null;
        BacnetPlantServer bacnet;
        try {
            server = ModbusPlantServer.start(overModbus, bindings(scenario, options));
            bacnet = BacnetPlantServer.start(sim.devices().all(), serve.host(), serve.bacnet(),
                    port -> ephemeral ? 0 : port);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            recorder.close();
            throw e;
        }
        SimulatorRunner runner = new SimulatorRunner(sim, recorder, server, bacnet, options);
        long tickMs = tickMs(options.speed());
        runner.clock.scheduleAtFixedRate(runner::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
        return runner;
    }

    /** 100 ms up to 10×; above, about one simulated second per tick (at least 10 ms). */
    static long tickMs(double speed) {
        return speed <= 10 ? TICK_MS : Math.max(10, Math.round(1000 / speed));
    }

    /** The wall instant simulated time started from (it read the scenario's start then). */
    public Instant wallStart() {
        return wallStart;
    }

    /** Default layout: meter at base, grid at base + 1, chiller i at base + 2 + i, unit 1; port 0 stays 0. */
    public static Function<String, Binding> bindings(Scenario scenario, Options options) {
        Scenario.Serve serve = scenario.serve();
        int base = options.basePort().orElse(serve.basePort());
        List<String> order = new java.util.ArrayList<>(List.of("meter", "grid"));
        scenario.site().chillers().forEach(c -> order.add(c.id()));
        return id -> {
            Scenario.PortUnit o = serve.overrides().get(id);
            if (o != null) {
                return new Binding(serve.host(), o.port(), o.unitId());
            }
            return new Binding(serve.host(), base == 0 ? 0 : base + order.indexOf(id), 1);
        };
    }

    private void tick() {
        try {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                double target = Math.max(0, System.nanoTime() - wallStartNanos) * 1e-9 * options.speed();
                if (options.stopAtEnd()) {
                    target = Math.min(target, sim.scenario().durationS());
                }
                int steps = 0;
                while (sim.elapsedS() < target - 1e-9 && steps++ < MAX_STEPS_PER_TICK) {
                    server.applyWrites();
                    bacnet.applyWrites();
                    sim.advance(Math.min(1.0, target - sim.elapsedS()));
                }
                server.applyWrites();
                bacnet.applyWrites();
                server.publish();
                bacnet.publish();
                if (sim.finished()) {
                    ended.countDown();
                }
                long now = System.nanoTime();
                if (!options.logEvery().isZero() && now - lastLogNanos >= options.logEvery().toNanos()) {
                    lastLogNanos = now;
                    LOG.info(stateLine(sim));
                }
            }
        } catch (RuntimeException e) {
            // a bad step must not kill the clock silently; log it and keep serving
            LOG.error("simulation step failed", e);
        }
    }

    /** One line describing the plant now, for the log. */
    public static String stateLine(Simulation sim) {
        PlantModel m = sim.model();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "t=%5.0fs site=%6.0f kW cap=%6.0f IT=%6.0f motor=%5.0f outdoor=%4.1fC grid=L%d%s",
                sim.elapsedS(), m.siteKw(), m.capKw(), m.itKw(), m.motorKw(), m.outdoorC(), m.grid().eventLevel(),
                m.grid().outage() ? " OUTAGE" : ""));
        for (ChillerModel c : m.chillers()) {
            sb.append(String.format(Locale.ROOT, " | %s %s/%s %s %.0fkW", c.id(), DriveCode.name(c.effectiveCode()),
                    DriveCode.name(c.statusCode()), c.stage(), c.motorKw()));
        }
        String faults = sim.script().activeFaults();
        if (!faults.isEmpty()) {
            sb.append(" | faults: ").append(faults);
        }
        return sb.toString();
    }

    /** The devices served over Modbus TCP. */
    public List<DeviceEndpoint> endpoints() {
        return server.endpoints();
    }

    /** The chillers served over BACnet/IP (empty unless the scenario's {@code serve.bacnet} names some). */
    public List<BacnetEndpoint> bacnetEndpoints() {
        return bacnet.endpoints();
    }

    /** Every endpoint, Modbus then BACnet, one line each, for banners and logs. */
    public List<String> endpointLines() {
        List<String> lines = new java.util.ArrayList<>();
        server.endpoints().forEach(e -> lines.add(e.toString()));
        bacnet.endpoints().forEach(e -> lines.add(e.toString()));
        return lines;
    }

    /** The object table of a chiller served over BACnet/IP (for operator-style writes in tests). */
    public Optional<BacnetObjectTable> bacnetTable(String deviceId) {
        return bacnet.table(deviceId);
    }

    /** Runs {@code f} on the simulation between ticks (the model is not thread-safe). */
    public <T> T inspect(Function<Simulation, T> f) {
        synchronized (lock) {
            return f.apply(sim);
        }
    }

    public GroundTruthRecorder recorder() {
        return recorder;
    }

    public List<SimDevice> devices() {
        return sim.devices().all();
    }

    /** Waits until the scenario's duration has been simulated. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the clock, closes every listener and the CSV. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        clock.shutdownNow();
        try {
            clock.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        bacnet.close();
        try {
            recorder.close();
        } catch (IOException e) {
            LOG.warn("cannot close the ground-truth CSV: {}", e.getMessage());
        }
    }
}
