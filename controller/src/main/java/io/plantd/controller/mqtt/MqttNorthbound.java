package io.plantd.controller.mqtt;

import io.plantd.controller.command.CommandSink;
import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.GridFeed;
import io.plantd.controller.mqtt.codec.CommandDecoder;
import io.plantd.controller.mqtt.codec.Json;
import io.plantd.controller.mqtt.codec.StateEncoder;
import io.plantd.controller.mqtt.codec.Topics;
import io.plantd.controller.mqtt.codec.Topics.CommandTopic;
import io.plantd.drivers.yaml.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT v5 northbound (topics and payloads in docs/mqtt.md). The control thread and Paho's
 * callbacks only enqueue; one worker thread ({@code mqtt-worker}) turns reports into messages,
 * validates and authorises commands, hands them to the {@link CommandSink} and publishes replies.
 * Nothing here ever blocks the control cycle: reports go into a bounded queue that drops its
 * oldest report when full, and publishing never waits on the network.
 */
public final class MqttNorthbound implements CycleListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttNorthbound.class);

    static final int REPORT_QUEUE = 64;
    static final int INBOUND_QUEUE = 256;
    static final int TRANSIENT_QUEUE = 1000;
    private static final Duration STOP_BUDGET = Duration.ofSeconds(3);

    private final NorthboundSettings settings;
    private final Clock clock;
    private final Topics topics;
    private final CommandStats stats = new CommandStats();
    private final Optional<MqttGridFeed> gridFeed;
    private final MqttSession session;

    private final ArrayBlockingQueue<CycleReport> reports = new ArrayBlockingQueue<>(REPORT_QUEUE);
    private final ArrayBlockingQueue<Inbound> inbound = new ArrayBlockingQueue<>(INBOUND_QUEUE);
    /** Small hand-overs from other threads (connect signals, command results); bounded by the inbound queue. */
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicLong reportsDropped = new AtomicLong();
    private final AtomicLong inboundDropped = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;

    // Used by the worker thread only.
    private final Outbox outbox = new Outbox(TRANSIENT_QUEUE);
    private final ReportPublisher reportPublisher;
    private final CommandHandler commandHandler;

    private record Inbound(String topic, MqttMessage message, Instant receivedAt) {
    }

    public MqttNorthbound(NorthboundSettings settings, CommandSink sink, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.topics = new Topics(settings.siteId());
        this.reportPublisher = new ReportPublisher(topics, outbox);
        this.commandHandler = new CommandHandler(topics,
                new CommandDecoder(settings.chillerIds(), settings.serviceCapacityKw(), settings.overrideDefault(),
                        settings.overrideMax()),
                new CommandAuthoriser(settings.mqtt().principals()), stats, sink, clock, settings.commandTimeout(),
                outbox, reportPublisher, this::toWorker);
        this.gridFeed = settings.gridTopic().map(t -> new MqttGridFeed(t, settings.gridMaxAge()));
        this.session = new MqttSession(sessionOptions(settings), new SessionEvents());
    }

    /** Starts the worker and the connection attempts; returns at once (the broker may be down). One-shot. */
    public synchronized void start() {
        if (running) {
            return;
        }
        if (worker != null) {
            throw new IllegalStateException("an MqttNorthbound cannot be restarted after stop()");
        }
        Instant now = clock.instant();
        outbox.putRetained(status("online"));
        outbox.putRetained(OutboundMessage.json(topics.info(),
                Json.bytes(StateEncoder.info(settings.siteId(), settings.version(), settings.configHash(), now)),
                1, true));
        session.start(); // throws on an unusable url before any thread is started
        running = true;
        Thread t = new Thread(this::work, "mqtt-worker");
        t.setDaemon(true);
        worker = t;
        t.start();
        LOG.info("MQTT northbound for site {} on {} (topics under {})", settings.siteId(), settings.mqtt().url(),
                topics.base());
    }

    /**
     * Flushes what is queued, publishes {@code offline} and disconnects; bounded to a few seconds.
     * Also run by {@link #onShutdown()}, i.e. after the cycle wrote the shutdown posture.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread t = worker;
        LockSupport.unpark(t);
        try {
            t.join(STOP_BUDGET.toMillis() / 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.stop(status("offline"), STOP_BUDGET);
        LOG.info("MQTT northbound stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** For {@code plantd_mqtt_connected}. */
    public boolean connected() {
        return session.connected();
    }

    /** For {@code plantd_commands_total{command,result}}; every series exists from the start. */
    public CommandStats commandStats() {
        return stats;
    }

    /** The grid feed when the site's grid source is an MQTT topic. */
    public Optional<GridFeed> gridFeed() {
        return gridFeed.map(f -> f);
    }

    public Topics topics() {
        return topics;
    }

    /** Reports dropped because the worker fell {@value #REPORT_QUEUE} cycles behind. */
    public long reportsDropped() {
        return reportsDropped.get();
    }

    /** Inbound messages (commands, grid signals) dropped because {@value #INBOUND_QUEUE} were waiting. */
    public long inboundDropped() {
        return inboundDropped.get();
    }

    @Override
    public void onCycle(CycleReport report) {
        while (!reports.offer(report)) {
            // Full: the oldest report's state is superseded anyway; its alarms are re-derived from newer reports.
            if (reports.poll() != null) {
                reportsDropped.incrementAndGet();
            }
        }
        LockSupport.unpark(worker);
    }

    @Override
    public void onShutdown() {
        stop();
    }

    // ---------------------------------------------------------------- worker thread

    private void work() {
        while (running) {
            if (!pass()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
        // one last pass so the final report (the shutdown posture) goes out before "offline"
        pass();
    }

    /** Handles everything waiting and flushes; true if there was anything to handle. */
    private boolean pass() {
        boolean busy = false;
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
                busy = true;
            }
            Inbound in;
            while ((in = inbound.poll()) != null) {
                handleInbound(in);
                busy = true;
            }
            List<CycleReport> batch = new ArrayList<>();
            reports.drainTo(batch);
            for (int i = 0; i < batch.size(); i++) {
                reportPublisher.publish(batch.get(i), i == batch.size() - 1);
                busy = true;
            }
            if (session.connected()) {
                outbox.flush(session::publish);
            }
        } catch (RuntimeException e) {
            LOG.error("MQTT worker error (continuing)", e);
        }
        return busy;
    }

    private void onConnected(boolean reconnect) {
        List<MqttSubscription> subs = new ArrayList<>();
        subs.add(commandSubscription(topics.commandFilter()));
        subs.add(commandSubscription(topics.bareCommandFilter()));
        gridFeed.ifPresent(g -> subs.add(new MqttSubscription(g.topic(), 1)));
        session.subscribe(subs);
        outbox.markAllRetainedDirty();
        LOG.info("MQTT {}: subscribed and republishing retained state", reconnect ? "reconnected" : "connected");
    }

    /**
     * Commands: never our own publications, no retained commands replayed at subscribe time
     * (retain handling 2), and the retain flag kept as published so a live retained command is
     * recognised and refused.
     */
    private static MqttSubscription commandSubscription(String filter) {
        MqttSubscription s = new MqttSubscription(filter, 1);
        s.setNoLocal(true);
        s.setRetainHandling(2);
        s.setRetainAsPublished(true);
        return s;
    }

    private void handleInbound(Inbound in) {
        if (gridFeed.isPresent() && gridFeed.get().topic().equals(in.topic())) {
            gridFeed.get().accept(in.message().getPayload(), in.message().isRetained(), in.receivedAt());
            return;
        }
        Optional<CommandTopic> parsed = topics.parseCommand(in.topic());
        if (parsed.isEmpty()) {
            LOG.debug("ignoring message on {}", in.topic());
            return;
        }
        commandHandler.handle(in.topic(), parsed.get(), in.message());
    }

    // ---------------------------------------------------------------- helpers

    private OutboundMessage status(String value) {
        return new OutboundMessage(topics.status(), value.getBytes(StandardCharsets.UTF_8), 1, true, Optional.empty(),
                "text/plain", Optional.empty());
    }

    private SessionOptions sessionOptions(NorthboundSettings s) {
        Optional<SocketFactory> factory = s.socketFactory();
        if (factory.isEmpty() && s.mqtt().tls().isPresent()) {
            try {
                factory = Optional.of(TlsSocketFactories.create(s.mqtt().tls().get()));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("mqtt.tls: " + e.getMessage(), e);
            }
        }
        return new SessionOptions(s.mqtt().url(), s.mqtt().clientId(), s.mqtt().username().map(Secret::reveal),
                s.mqtt().password().map(p -> p.reveal().getBytes(StandardCharsets.UTF_8)), factory,
                s.mqtt().keepAliveS(), s.connectTimeout(), s.initialRetryDelay(),
                Duration.ofSeconds(s.mqtt().maxReconnectDelayS()), status("offline"));
    }

    /** Hands work from another thread (Paho, a command's future) to the worker. */
    private void toWorker(Runnable task) {
        tasks.add(task);
        LockSupport.unpark(worker);
    }

    private final class SessionEvents implements MqttSession.Listener {
        @Override
        public void connected(boolean reconnect) {
            toWorker(() -> onConnected(reconnect));
        }

        @Override
        public void connectionLost(String why) {
            LOG.warn("MQTT connection lost: {}", why);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (!inbound.offer(new Inbound(topic, message, clock.instant()))) {
                inboundDropped.incrementAndGet();
                LOG.warn("MQTT inbound queue full: message on {} dropped", topic);
            }
            LockSupport.unpark(worker);
        }
    }
}
