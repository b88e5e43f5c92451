package io.plantd.app.daemon;

import io.plantd.app.cli.VersionProvider;
import io.plantd.app.systemd.SystemdCycleListener;
import io.plantd.app.systemd.SystemdNotifier;
import io.plantd.app.wiring.DeviceSources;
import io.plantd.controller.config.DeviceConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.ControlRuntime;
import io.plantd.controller.cycle.Sleeper;
import io.plantd.controller.cycle.Ticker;
import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.GridFeed;
import io.plantd.controller.metrics.CommandOutcome;
import io.plantd.controller.metrics.CycleHealth;
import io.plantd.controller.metrics.MetricsHttpServer;
import io.plantd.controller.metrics.PlantdMetrics;
import io.plantd.controller.mqtt.MqttNorthbound;
import io.plantd.controller.mqtt.NorthboundSettings;
import io.plantd.controller.persist.PersistingCycleStep;
import io.plantd.controller.persist.StateLoader;
import io.plantd.controller.persist.StateStore;
import io.plantd.controller.persist.StateWriter;
import io.plantd.controller.policy.PolicyCycleStep;
import io.plantd.drivers.poll.FieldBus;
import io.plantd.drivers.poll.PollSettings;
import io.plantd.drivers.poll.PollStagger;
import io.plantd.drivers.point.PointStore;
import io.plantd.drivers.yaml.ConfigException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running plantd: field bus, control runtime, metrics endpoint, MQTT northbound and systemd
 * notification, wired from a validated site config. {@link #close()} runs the shutdown sequence
 * (stop the loop, write the posture, publish offline, disconnect) and then releases the rest.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final SiteConfig config;
    private final FieldBus bus;
    private final ControlRuntime runtime;
    private final PlantdMetrics metrics;
    private final Optional<MetricsHttpServer> http;
    private final Optional<MqttNorthbound> mqtt;
    private final SystemdNotifier notifier;
    private final StateWriter stateWriter;
    private boolean closed;

    private Daemon(SiteConfig config, FieldBus bus, ControlRuntime runtime, PlantdMetrics metrics,
                   Optional<MetricsHttpServer> http, Optional<MqttNorthbound> mqtt, SystemdNotifier notifier,
                   StateWriter stateWriter) {
        this.config = config;
        this.bus = bus;
        this.runtime = runtime;
        this.metrics = metrics;
        this.http = http;
        this.mqtt = mqtt;
        this.notifier = notifier;
        this.stateWriter = stateWriter;
    }

    /** Wires and starts everything; the first cycle runs at once. */
    public static Daemon start(SiteConfig config, Clock clock) throws ConfigException, IOException {
        return start(config, clock, Map.of());
    }

    /** As {@link #start(SiteConfig, Clock)}, with extra report consumers (the demo's console status). */
    public static Daemon start(SiteConfig config, Clock clock, Map<String, CycleListener> extraConsumers)
            throws ConfigException, IOException {
        return start(config, clock, extraConsumers, Optional.empty());
    }

    /**
     * Accelerated time, for simulation and testing only: the clock, the cycle and every poll run
     * {@code scale.factor()} times faster. The caller checks that every device is on loopback
     * ({@link TimeScale#nonLoopbackDevices}).
     */
    public static Daemon startScaled(SiteConfig config, TimeScale scale) throws ConfigException, IOException {
        return start(config, scale.clock(), Map.of(), Optional.of(scale));
    }

    private static Daemon start(SiteConfig config, Clock clock, Map<String, CycleListener> extraConsumers,
                                Optional<TimeScale> scale) throws ConfigException, IOException {
        String version = VersionProvider.version();
        PlantdMetrics metrics = new PlantdMetrics(config, version);
        CycleHealth health = new CycleHealth(Duration.ofMillis(config.control().periodMs()));

        PointStore store = new PointStore();
        FieldBus bus = new FieldBus(store, clock, new MetricsPollListener(metrics));
        for (DeviceConfig device : config.devices()) {
            PollSettings poll = DeviceSources.pollSettings(device);
            bus.add(DeviceSources.create(device, config.profileOf(device), clock),
                    scale.isPresent() ? scale.get().scale(poll) : poll);
        }

        LateBoundCommandSink commands = new LateBoundCommandSink();
        Optional<MqttNorthbound> mqtt = Optional.empty();
        if (config.mqtt().enabled()) {
            MqttNorthbound northbound = new MqttNorthbound(NorthboundSettings.from(config, version), commands, clock);
            northbound.commandStats().addObserver((command, result) ->
                    metrics.recordCommand(command, outcomeOf(result)));
            mqtt = Optional.of(northbound);
        }
        Optional<GridFeed> gridFeed = mqtt.flatMap(MqttNorthbound::gridFeed);

        SystemdNotifier notifier = SystemdNotifier.fromEnvironment();
        Map<String, CycleListener> consumers = new LinkedHashMap<>();
        Optional<MqttNorthbound> northbound = mqtt;
        // the MQTT connection state rides on the metrics consumer: no thread of its own for one gauge
        consumers.put("metrics", report -> {
            northbound.ifPresent(m -> metrics.setMqttConnected(m.connected()));
            metrics.onCycle(report);
        });
        consumers.put("health", health);
        mqtt.ifPresent(m -> consumers.put("mqtt", m));
        if (notifier.enabled()) {
            consumers.put("systemd", new SystemdCycleListener(notifier));
        }
        consumers.putAll(extraConsumers);

        // the saved state decides what the first cycle may do, so it is read before anything runs
        StateStore stateStore = new StateStore(config.stateDir());
        long loadedAtMs = clock.millis();
        StateLoader.Loaded loaded = StateLoader.load(stateStore, config.chillers(), loadedAtMs);
        if (loaded.conservative()) {
            LOG.warn("plant state: {} (alarm {})", loaded.detail(), PersistingCycleStep.RESTORED_CONSERVATIVE);
        } else {
            LOG.info("plant state: {}", loaded.detail());
        }
        StateWriter stateWriter = new StateWriter(stateStore);
        PersistingCycleStep step = new PersistingCycleStep(new PolicyCycleStep(config, loaded.state()), stateWriter,
                loaded, loadedAtMs);
        ControlRuntime runtime = ControlRuntime.create(config, store, bus, step, gridFeed, consumers, clock,
                scale.map(TimeScale::ticker).orElse(Ticker.system()),
                scale.map(TimeScale::sleeper).orElse(Sleeper.parking()));
        commands.bind(runtime.commands());

        Optional<MetricsHttpServer> http = Optional.empty();
        if (config.metrics().enabled()) {
            http = Optional.of(MetricsHttpServer.start(config.metrics(), metrics, health));
        }
        mqtt.ifPresent(MqttNorthbound::start);
        // the bus spreads its polls over the first tenth of each period; the loop, started right
        // after it, ticks a fifth of a period in, after that wave: a tick never shares its
        // millisecond with 50 polls, and reads values about a tenth to a fifth of a period old
        // (devices polled at the cycle period)
        bus.start();
        runtime.start(PollStagger.tickPhase(Duration.ofMillis(config.control().periodMs())));
        LOG.info("plantd {} running site {}: {} devices, {} chillers, cycle {} ms{}{}", version, config.site().id(),
                config.devices().size(), config.chillers().size(), config.control().periodMs(),
                scale.map(s -> ", ACCELERATED TIME x" + s.factor() + " from " + s.start()).orElse(""),
                http.map(h -> ", metrics on http://" + config.metrics().bind() + ":" + h.port() + "/metrics").orElse(""));
        return new Daemon(config, bus, runtime, metrics, http, mqtt, notifier, stateWriter);
    }

    private static CommandOutcome outcomeOf(String result) {
        return switch (result) {
            case "accepted" -> CommandOutcome.ACCEPTED;
            case "invalid" -> CommandOutcome.INVALID;
            case "unauthorised" -> CommandOutcome.DENIED;
            default -> CommandOutcome.REJECTED;
        };
    }

    public SiteConfig config() {
        return config;
    }

    public ControlRuntime runtime() {
        return runtime;
    }

    public Optional<Integer> metricsPort() {
        return http.map(MetricsHttpServer::port);
    }

    public Optional<MqttNorthbound> mqtt() {
        return mqtt;
    }

    /** The SIGTERM sequence, then releases sockets and threads; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        notifier.stopping("writing shutdown posture");
        runtime.shutdown();
        stateWriter.close();
        mqtt.ifPresent(MqttNorthbound::close);
        bus.close();
        http.ifPresent(MetricsHttpServer::close);
        metrics.close();
        notifier.close();
        LOG.info("plantd stopped");
    }
}
