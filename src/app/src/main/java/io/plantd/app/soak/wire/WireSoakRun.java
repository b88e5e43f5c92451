package io.plantd.app.soak.wire;

import io.plantd.app.backtest.Scenarios;
import io.plantd.app.backtest.YearScenario;
import io.plantd.app.broker.EmbeddedBroker;
import io.plantd.app.decisions.DecisionLogFile;
import io.plantd.app.simsite.SimSiteFile;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.sim.SimulatorRunner;
import io.plantd.sim.modbus.DeviceEndpoint;
import io.plantd.sim.net.FaultProxy;
import io.plantd.sim.scenario.Scenario;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The soak over real sockets: the packaged daemon as a child process ({@code plantd run} in
 * accelerated time), the simulator's devices over Modbus TCP and an embedded MQTT broker, each
 * behind a {@link FaultProxy}. Network faults are injected at the proxies, and the daemon is
 * killed with SIGKILL every few simulated hours and started again on the same state directory.
 * The simulator's ground truth, the daemon's decision log, its metrics endpoint and a BMS-side
 * MQTT client are what the report is built from.
 */
public final class WireSoakRun {
    /** Before it the simulator holds still: the first daemon's JVM starts. */
    static final Duration HOLD = Duration.ofSeconds(5);
    /** How long after a fault or a restart gap an excursion over the cap is blamed on it (engine lead times). */
    static final long RECOVERY_S = 900;
    static final long ALARM_GRACE_S = 120;
    private static final String SITE = "config/sites/sim-normal-day.yaml";

    /** @param itScale multiplies the generated year's IT load so the cap binds from the first hour */
    public record Settings(double hours, long seed, double faultsPerDay, long minKillS, long maxKillS,
                           double itScale, double timeScale, Path folder) {
    }

    private WireSoakRun() {
    }

    public static WireSoakReport run(Settings s, Path repoRoot, PrintWriter progress) throws Exception {
        long wall0 = System.nanoTime();
        Scenario scenario = Scenarios.scaleIt(YearScenario.generate(s.seed(), Path.of("soak-year.yaml")), s.itScale());
        long seconds = Math.round(s.hours() * 3600);
        Instant anchor = Instant.now().plus(HOLD);
        TruthWatch truth = new TruthWatch();
        Map<String, FaultProxy> proxies = new LinkedHashMap<>();
        SimulatorRunner.Options options = SimulatorRunner.Options.realTime().withSpeed(s.timeScale()).withBasePort(0)
                .withStopAtEnd(false).withLogEvery(Duration.ZERO).withStartAt(anchor);
        try (SimulatorRunner sim = SimulatorRunner.start(scenario, options);
             EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            sim.inspect(x -> {
                x.addObserver(truth);
                return null;
            });
            List<DeviceEndpoint> proxied = new ArrayList<>();
            try {
                for (DeviceEndpoint e : sim.endpoints()) {
                    FaultProxy p = FaultProxy.modbusTcp(e.deviceId(), new InetSocketAddress(e.host(), e.port()));
                    proxies.put(e.deviceId(), p);
                    proxied.add(new DeviceEndpoint(e.deviceId(), e.kind(), e.profile(), p.host(), p.port(), e.unitId()));
                }
                FaultProxy mqtt = FaultProxy.raw(WireFault.BROKER, new InetSocketAddress("127.0.0.1", broker.port()));
                proxies.put(WireFault.BROKER, mqtt);
                int metricsPort = MetricsEndpoint.freePort();
                Path site = SimSiteFile.write(repoRoot.resolve(SITE), repoRoot.resolve("config/profiles"),
                        new SimSiteFile.Binding(proxied, OptionalInt.of(metricsPort),
                                Optional.of("tcp://" + mqtt.host() + ":" + mqtt.port())), s.folder());
                SiteConfig config = SiteConfigLoader.load(site);
                List<String> staling = new ArrayList<>(List.of("meter"));
                config.chillers().forEach(c -> staling.add(c.device()));
                WireFaultPlan plan = WireFaultPlan.random(s.seed(), seconds, s.faultsPerDay(), staling,
                        List.copyOf(sim.endpoints().stream().map(DeviceEndpoint::deviceId).toList()), s.minKillS(),
                        s.maxKillS());
                try (BrokerWatch watch = new BrokerWatch(broker.url(), config.site().id())) {
                    Session session = new Session(s, scenario, anchor, site, metricsPort, proxies, plan, progress);
                    session.play(seconds);
                    List<TruthWatch.Excursion> excursions = sim.inspect(x -> truth.excursions());
                    int maxStarts = 0;
                    long starts = 0;
                    for (var c : config.chillers()) {
                        maxStarts = Math.max(maxStarts, sim.recorder().maxStartsInAnyHour(c.device()));
                        starts += sim.recorder().engineStarts(c.device());
                    }
                    int limit = config.chillers().stream().mapToInt(c -> c.engine().maxStartsPerHour()).min().orElse(0);
                    DecisionLogFile.Contents log = DecisionLogFile.readAll(config.logging().decisionLog());
                    return WireSoakReport.judge(new WireSoakReport.Inputs(s, seconds, scenario.start(), session,
                            excursions, log, watch.onlineAt(), watch.alarmRaisesSeen(), starts, maxStarts, limit,
                            (System.nanoTime() - wall0) / 1e9));
                }
            } finally {
                proxies.values().forEach(FaultProxy::close);
            }
        }
    }

    /** The part of a run that happens in wall time: faults on and off, kills and restarts, scrapes. */
    static final class Session {
        /** A fault as applied: sim seconds it went on and off, and the wall instant it ended. */
        record Applied(WireFault fault, double onS, double offS, Instant offWall) {
        }

        private final Settings s;
        private final Scenario scenario;
        private final Instant anchor;
        private final Path site;
        private final MetricsEndpoint metrics;
        private final Map<String, FaultProxy> proxies;
        private final WireFaultPlan plan;
        private final PrintWriter progress;
        final List<DaemonLifetime> incarnations = new ArrayList<>();
        final List<Applied> applied = new ArrayList<>();

        Session(Settings s, Scenario scenario, Instant anchor, Path site, int metricsPort,
                Map<String, FaultProxy> proxies, WireFaultPlan plan, PrintWriter progress) {
            this.s = s;
            this.scenario = scenario;
            this.anchor = anchor;
            this.site = site;
            this.metrics = new MetricsEndpoint(metricsPort);
            this.proxies = proxies;
            this.plan = plan;
            this.progress = progress;
        }

        double simS() {
            return Duration.between(anchor, Instant.now()).toNanos() / 1e9 * s.timeScale();
        }

        void play(long seconds) throws Exception {
            int next = 0;
            int nextKill = 0;
            List<WireFault> active = new ArrayList<>();
            Map<WireFault, Double> onAt = new LinkedHashMap<>();
            Live live = new Live(launch(1), 1, Math.max(0, simS()));
            long lastScrape = 0;
            long lastProgress = System.nanoTime();
            while (simS() < seconds) {
                double now = simS();
                boolean changed = false;
                while (next < plan.faults().size() && plan.faults().get(next).atS() <= now) {
                    WireFault f = plan.faults().get(next++);
                    onAt.put(f, now);
                    if (f.kind() == WireFault.Kind.SOCKET_DROP) {
                        proxies.get(f.target()).dropConnections();
                        applied.add(new Applied(f, now, now, Instant.now()));
                    } else {
                        active.add(f);
                        changed = true;
                    }
                }
                for (int i = active.size() - 1; i >= 0; i--) {
                    WireFault f = active.get(i);
                    if (f.endS() <= now) {
                        active.remove(i);
                        changed = true;
                        applied.add(new Applied(f, onAt.get(f), now, Instant.now()));
                    }
                }
                if (changed) {
                    applyModes(active);
                }
                if (live.readyS < 0 && metrics.healthy()) {
                    live.readyS = simS();
                }
                if (nextKill < plan.killsAtS().size() && plan.killsAtS().get(nextKill) <= now) {
                    nextKill++;
                    live.scrape(metrics);
                    live.daemon.kill();
                    incarnations.add(live.end(simS(), true));
                    live = new Live(launch(live.number + 1), live.number + 1, simS());
                } else if (!live.daemon.isAlive()) {
                    // not ours: a crash. Recorded, and restarted as systemd would, unless it never ran at all
                    DaemonLifetime ended = live.end(simS(), false);
                    if (ended.readyS() < 0) {
                        throw new IllegalStateException("daemon #" + ended.number() + " exited with "
                                + ended.exitCode().orElse(-1) + " before /healthz answered:\n" + tail(ended.output()));
                    }
                    incarnations.add(ended);
                    live = new Live(launch(live.number + 1), live.number + 1, simS());
                }
                if (System.nanoTime() - lastScrape > 2_000_000_000L) {
                    live.scrape(metrics);
                    lastScrape = System.nanoTime();
                }
                if (progress != null && System.nanoTime() - lastProgress > 60_000_000_000L) {
                    progress.printf("soak: %.1f h of %.1f simulated, daemon #%d, %d faults applied%n", now / 3600,
                            seconds / 3600.0, live.number, applied.size());
                    progress.flush();
                    lastProgress = System.nanoTime();
                }
                Thread.sleep(20);
            }
            for (WireFault f : active) {
                applied.add(new Applied(f, onAt.get(f), simS(), Instant.now()));
            }
            applyModes(List.of());
            live.scrape(metrics);
            Optional<Integer> exit = live.daemon.terminate(Duration.ofSeconds(20));
            DaemonLifetime last = live.end(simS(), false);
            incarnations.add(new DaemonLifetime(last.number(), last.startedS(), last.readyS(), last.endedS(), false, exit,
                    last.cycles(), last.overruns(), last.maxHeapMb(), last.maxRssMb(), last.output()));
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
        }

        /** A proxy's mode follows the faults on it: no answer beats a wrong answer beats passing. */
        private void applyModes(List<WireFault> active) {
            for (Map.Entry<String, FaultProxy> e : proxies.entrySet()) {
                FaultProxy.Mode mode = FaultProxy.Mode.PASS;
                for (WireFault f : active) {
                    if (!f.target().equals(e.getKey())) {
                        continue;
                    }
                    FaultProxy.Mode m = switch (f.kind()) {
                        case DEVICE_TIMEOUT -> FaultProxy.Mode.BLACKHOLE;
                        case EXCEPTION_RESPONSES -> FaultProxy.Mode.MODBUS_EXCEPTION;
                        case BROKER_OUTAGE -> FaultProxy.Mode.REFUSE;
                        case SOCKET_DROP -> FaultProxy.Mode.PASS;
                    };
                    if (mode == FaultProxy.Mode.PASS || m == FaultProxy.Mode.BLACKHOLE) {
                        mode = m;
                    }
                }
                if (e.getValue().mode() != mode) {
                    e.getValue().mode(mode);
                }
            }
        }

        private DaemonProcess launch(int incarnation) throws java.io.IOException {
            return DaemonProcess.launch(s.folder(), incarnation, site, s.timeScale(), scenario.start(), anchor);
        }

        /** The daemon now running, and what its metrics said last. */
        private static final class Live {
            final DaemonProcess daemon;
            final int number;
            final double startedS;
            double readyS = -1;
            double cycles;
            double overruns;
            double heapMb;
            double maxRssMb;

            Live(DaemonProcess daemon, int number, double startedS) {
                this.daemon = daemon;
                this.number = number;
                this.startedS = startedS;
            }

            void scrape(MetricsEndpoint metrics) {
                metrics.scrape().ifPresent(m -> {
                    cycles = m.sum("plantd_cycle_duration_seconds_count");
                    overruns = m.sum("plantd_cycle_overruns_total");
                    heapMb = Math.max(heapMb, m.sum("jvm_memory_used_bytes", "area", "heap") / 1048576.0);
                });
                daemon.rssBytes().ifPresent(b -> maxRssMb = Math.max(maxRssMb, b / 1048576.0));
            }

            DaemonLifetime end(double endedS, boolean killed) {
                return new DaemonLifetime(number, startedS, readyS, endedS, killed, daemon.exitCode(), cycles, overruns,
                        heapMb, maxRssMb, daemon.output());
            }
        }
    }
}
