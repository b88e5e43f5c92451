package io.plantd.controller.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.command.CommandSink;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.GridFeed;
import io.plantd.controller.mqtt.codec.CommandDecoder;
import io.plantd.controller.mqtt.codec.Json;
import io.plantd.controller.mqtt.codec.PayloadException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
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

    /** State is republished at least this often even when nothing changed. */
    public static final Duration STATE_MAX_INTERVAL = Duration.ofSeconds(10);
    /** Message expiry of {@code state} and {@code headroom}: a dead daemon's numbers vanish from the broker. */
    public static final long STATE_EXPIRY_S = 30;
    static final int REPORT_QUEUE = 64;
    static final int INBOUND_QUEUE = 256;
    static final int TRANSIENT_QUEUE = 1000;
    private static final Duration STOP_BUDGET = Duration.ofSeconds(3);

    private final NorthboundSettings settings;
    private final CommandSink sink;
    private final Clock clock;
    private final Topics topics;
    private final CommandDecoder decoder;
    private final CommandAuthoriser authoriser;
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

    // Owned by the worker thread only.
    private final Outbox outbox = new Outbox(TRANSIENT_QUEUE);
    private final Map<String, Alarm> activeAlarms = new LinkedHashMap<>();
    private final Map<String, Published> lastPublished = new HashMap<>();

    private record Inbound(String topic, MqttMessage message, Instant receivedAt) {
    }

    private record Published(ObjectNode content, Instant at) {
    }

    public MqttNorthbound(NorthboundSettings settings, CommandSink sink, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.topics = new Topics(settings.siteId());
        this.decoder = new CommandDecoder(settings.chillerIds(), settings.serviceCapacityKw(),
                settings.overrideDefault(), settings.overrideMax());
        this.authoriser = new CommandAuthoriser(settings.mqtt().principals());
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
        running = true;
        Thread t = new Thread(this::work, "mqtt-worker");
        t.setDaemon(true);
        worker = t;
        t.start();
        session.start();
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
                handleReport(batch.get(i), i == batch.size() - 1);
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

    private void handleReport(CycleReport r, boolean latest) {
        Instant at = r.at();
        for (CommandChange c : r.changes()) {
            event(StateEncoder.decisionEvent(at, c));
        }
        publishAlarms(r);
        if (!latest) {
            return;
        }
        retainedIfChanged(topics.state(), StateEncoder.state(r), at, true);
        for (ChillerStatus c : r.chillers()) {
            retainedIfChanged(topics.chillerState(level(c.id())), StateEncoder.chiller(at, c), at, false);
        }
        retainedIfChanged(topics.headroom(), StateEncoder.headroom(at, r.headroom()), at, true);
    }

    private void retainedIfChanged(String topic, ObjectNode payload, Instant at, boolean expires) {
        ObjectNode content = StateEncoder.withoutVolatile(payload);
        Published last = lastPublished.get(topic);
        if (last != null && last.content().equals(content)
                && Duration.between(last.at(), at).compareTo(STATE_MAX_INTERVAL) < 0) {
            return;
        }
        lastPublished.put(topic, new Published(content, at));
        // state changes every cycle: QoS 0 suffices, the next one supersedes it
        OutboundMessage m = OutboundMessage.json(topic, Json.bytes(payload), 0, true);
        outbox.putRetained(expires ? m.expiringAfter(STATE_EXPIRY_S) : m);
    }

    private void publishAlarms(CycleReport r) {
        Map<String, Alarm> now = new LinkedHashMap<>();
        r.alarms().forEach(a -> now.put(a.id(), a));
        for (Alarm a : now.values()) {
            Alarm before = activeAlarms.get(a.id());
            if (before == null || !before.equals(a)) {
                outbox.putRetained(OutboundMessage.json(topics.alarm(level(a.id())),
                        Json.bytes(StateEncoder.alarm(a, r.at())), 1, true));
                if (before == null) {
                    event(StateEncoder.alarmEvent(a, true, r.at()));
                    LOG.warn("alarm raised: {} {} {}", a.id(), a.severity(), a.message());
                }
            }
        }
        for (Alarm a : activeAlarms.values()) {
            if (!now.containsKey(a.id())) {
                // an empty retained payload removes the retained alarm from the broker
                outbox.putRetained(OutboundMessage.json(topics.alarm(level(a.id())), new byte[0], 1, true));
                event(StateEncoder.alarmEvent(a, false, r.at()));
                LOG.info("alarm cleared: {}", a.id());
            }
        }
        activeAlarms.clear();
        activeAlarms.putAll(now);
    }

    private void event(ObjectNode payload) {
        outbox.addTransient(OutboundMessage.json(topics.event(), Json.bytes(payload), 1, false));
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
        handleCommand(in, parsed.get());
    }

    private void handleCommand(Inbound in, CommandTopic ct) {
        String name = ct.name();
        String principal = ct.principal();
        MqttProperties props = in.message().getProperties();
        Optional<String> replyTo = replyTopic(props, name, principal);
        byte[] correlation = props == null ? null : props.getCorrelationData();
        Reply reply = new Reply(in.topic(), name, principal, replyTo, correlation);

        if (principal.isEmpty()) {
            reply.finish("unauthorised", CommandResult.rejected(in.topic()
                    + ": no principal level; publish to " + topics.command(name, "{principal}")
                    + " as the identity the broker authenticated"));
            return;
        }
        if (in.message().isRetained() && in.message().getPayload().length == 0) {
            LOG.debug("retained command on {} cleared", in.topic());
            return;
        }
        if (in.message().isRetained()) {
            reply.finish("invalid", CommandResult.rejected(in.topic()
                    + ": commands must not be retained (a retained command would replay on every reconnect)"));
            return;
        }
        if (!CommandDecoder.NAMES.contains(name)) {
            reply.finish("invalid", CommandResult.rejected(in.topic() + ": unknown command '" + name
                    + "'; known: cap, mode, override, rebirth"));
            return;
        }
        if (!authoriser.allows(principal, name)) {
            reply.finish("unauthorised", CommandResult.rejected(in.topic() + ": principal '" + principal
                    + "' may not send '" + name + "'"));
            return;
        }
        Command command;
        try {
            command = decoder.decode(name, principal, in.message().getPayload(), clock.instant());
        } catch (PayloadException e) {
            reply.finish("invalid", CommandResult.rejected(in.topic() + ": " + e.getMessage()));
            return;
        }
        if (command instanceof Command.Rebirth) {
            outbox.markAllRetainedDirty();
            reply.finish("accepted", CommandResult.accepted("rebirth: republishing all retained topics",
                    Optional.empty()));
            return;
        }
        CompletableFuture<CommandResult> future;
        try {
            future = sink.submit(command);
        } catch (RuntimeException e) {
            reply.finish("refused", CommandResult.rejected(in.topic() + ": not accepted by the controller: " + e));
            return;
        }
        future.orTimeout(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((result, error) -> {
            tasks.add(() -> {
                if (error != null) {
                    boolean timeout = error instanceof TimeoutException || error.getCause() instanceof TimeoutException;
                    reply.finish(timeout ? "timeout" : "refused", CommandResult.rejected(in.topic()
                            + (timeout ? ": not confirmed by the control cycle within "
                                    + settings.commandTimeout().toMillis() + " ms; outcome unknown, check state" : ": failed: " + error)));
                } else {
                    reply.finish(result.ok() ? "accepted" : "refused", result);
                }
            });
            LockSupport.unpark(worker);
        });
    }

    private Optional<String> replyTopic(MqttProperties props, String name, String principal) {
        String requested = props == null ? null : props.getResponseTopic();
        if (requested != null && topics.acceptableResponseTopic(requested, name, principal)) {
            return Optional.of(requested);
        }
        if (requested != null) {
            LOG.warn("command on cmd/{}/{}: response topic '{}' refused (inside plantd's tree); using the fallback",
                    name, principal, requested);
        }
        return principal.isEmpty() ? Optional.empty() : Optional.of(topics.reply(name, principal));
    }

    /** One command's answer: counted, logged, published as the reply and as an event. Worker thread only. */
    private final class Reply {
        private final String topic;
        private final String name;
        private final String principal;
        private final Optional<String> replyTo;
        private final byte[] correlation;

        Reply(String topic, String name, String principal, Optional<String> replyTo, byte[] correlation) {
            this.topic = topic;
            this.name = name;
            this.principal = principal;
            this.replyTo = replyTo;
            this.correlation = correlation;
        }

        void finish(String result, CommandResult r) {
            stats.record(name, result);
            if (r.ok()) {
                LOG.info("command {} from {} accepted: {}", name, principal, r.applied());
            } else {
                LOG.warn("command {} from {} {}: {}", name, principal, result, r.reason());
            }
            Instant now = clock.instant();
            replyTo.ifPresent(t -> {
                OutboundMessage m = OutboundMessage.json(t, Json.bytes(StateEncoder.reply(now, r)), 1, false);
                outbox.addTransient(correlation == null ? m : m.correlatedWith(correlation));
            });
            event(StateEncoder.commandEvent(now, name, principal.isEmpty() ? "?" : principal, r));
        }
    }

    // ---------------------------------------------------------------- helpers

    private OutboundMessage status(String value) {
        return new OutboundMessage(topics.status(), value.getBytes(StandardCharsets.UTF_8), 1, true, Optional.empty(),
                "text/plain", Optional.empty());
    }

    /** An id as one topic level: MQTT separators and wildcards replaced. */
    static String level(String id) {
        return id.replace('/', '_').replace('+', '_').replace('#', '_');
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

    private final class SessionEvents implements MqttSession.Listener {
        @Override
        public void connected(boolean reconnect) {
            tasks.add(() -> onConnected(reconnect));
            LockSupport.unpark(worker);
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
