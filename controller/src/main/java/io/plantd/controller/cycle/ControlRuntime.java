package io.plantd.controller.cycle;

import io.plantd.controller.command.CommandSink;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.grid.GridFeeds;
import io.plantd.controller.log.DecisionLog;
import io.plantd.drivers.api.PointWriter;
import io.plantd.drivers.point.PointStore;
import io.plantd.drivers.yaml.ConfigException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control runtime of one site, wired from its config: command queue, actuator, grid feed,
 * one {@link PublishHub} per consumer (the decision log always among them), the loop and the
 * shutdown sequence. Threads: {@code plantd-publish-<name>} per consumer (started here) and
 * {@code plantd-control} (started by {@link #start}). {@link #shutdown} (or the installed JVM
 * hook) stops everything within 10 s.
 */
public final class ControlRuntime {
    /** Queued reports per consumer: about two minutes at 1 Hz before the oldest are dropped. */
    public static final int PUBLISH_QUEUE = 128;
    public static final int COMMAND_QUEUE = 64;

    private final CommandQueue commands;
    private final Actuator actuator;
    private final DecisionLog decisionLog;
    private final List<PublishHub> publishers;
    private final ControlLoop loop;
    private final ShutdownSequence shutdown;

    private ControlRuntime(CommandQueue commands, Actuator actuator, DecisionLog decisionLog, List<PublishHub> publishers,
                           ControlLoop loop, ShutdownSequence shutdown) {
        this.commands = commands;
        this.actuator = actuator;
        this.decisionLog = decisionLog;
        this.publishers = publishers;
        this.loop = loop;
        this.shutdown = shutdown;
    }

    /**
     * @param writer    writes any chiller point (route by {@link io.plantd.drivers.point.PointId#device()}
     *                  to the device's own executor); must return at once
     * @param gridFeed  the feed to use, or empty to build the one the config names (MQTT feeds
     *                  must be passed in)
     * @param consumers name → consumer (e.g. "mqtt", "metrics"); each gets its own hub thread
     */
    public static ControlRuntime create(SiteConfig config, PointStore store, PointWriter writer, CycleStep step,
                                        Optional<GridFeed> gridFeed, Map<String, CycleListener> consumers, Clock clock)
            throws ConfigException {
        return create(config, store, writer, step, gridFeed, consumers, clock, Ticker.system(), Sleeper.parking());
    }

    /**
     * As above, with the loop scheduled on the given ticker and sleeper (accelerated time for
     * simulation; tests). The shutdown sequence keeps the system ticker: its 10 s budget is real time.
     */
    public static ControlRuntime create(SiteConfig config, PointStore store, PointWriter writer, CycleStep step,
                                        Optional<GridFeed> gridFeed, Map<String, CycleListener> consumers, Clock clock,
                                        Ticker ticker, Sleeper sleeper)
            throws ConfigException {
        GridFeed feed = gridFeed.isPresent() ? gridFeed.get() : GridFeeds.create(config);
        CommandQueue commands = new CommandQueue(COMMAND_QUEUE, CommandValidator.of(config));
        Actuator actuator = new Actuator(config.chillers(), writer, Duration.ofSeconds(config.control().reassertS()));
        DecisionLog decisionLog = DecisionLog.of(config.logging());
        Map<String, CycleListener> all = new LinkedHashMap<>(consumers);
        all.put("decision-log", decisionLog);
        List<PublishHub> hubs = new ArrayList<>();
        all.forEach((name, consumer) -> hubs.add(PublishHub.start(name, consumer, PUBLISH_QUEUE)));
        ControlLoop loop = new ControlLoop(Duration.ofMillis(config.control().periodMs()), store, feed, commands, step,
                actuator, List.copyOf(hubs), clock, ticker, sleeper);
        ShutdownSequence shutdown = new ShutdownSequence(loop, commands, actuator, config.shutdown().posture(),
                hubs, ShutdownSequence.Budget.standard(), Ticker.system(), clock);
        return new ControlRuntime(commands, actuator, decisionLog, List.copyOf(hubs), loop, shutdown);
    }

    /** Starts the control thread; the first cycle runs at once. */
    public void start() {
        loop.start();
    }

    /** Starts the control thread with its tick grid {@code firstTickDelay} from now (at most a period). */
    public void start(Duration firstTickDelay) {
        loop.start(firstTickDelay);
    }

    /** The SIGTERM sequence; idempotent. */
    public ShutdownSequence.Outcome shutdown() {
        return shutdown.run();
    }

    public Thread installShutdownHook() {
        return shutdown.installShutdownHook();
    }

    /** Where MQTT submits validated commands. */
    public CommandSink commands() {
        return commands;
    }

    public ControlLoop loop() {
        return loop;
    }

    public Actuator actuator() {
        return actuator;
    }

    public DecisionLog decisionLog() {
        return decisionLog;
    }

    public List<PublishHub> publishers() {
        return publishers;
    }
}
