package io.plantd.controller.mqtt;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.command.CommandSink;
import io.plantd.controller.mqtt.codec.CommandDecoder;
import io.plantd.controller.mqtt.codec.Json;
import io.plantd.controller.mqtt.codec.PayloadException;
import io.plantd.controller.mqtt.codec.StateEncoder;
import io.plantd.controller.mqtt.codec.Topics;
import io.plantd.controller.mqtt.codec.Topics.CommandTopic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound command, start to end: principal present, not retained, known, authorised, valid;
 * then handed to the {@link CommandSink} (or, for {@code rebirth}, handled here) and answered once
 * the cycle confirms it. Every outcome is counted, logged, replied and published as an event.
 * Runs on the worker thread; the sink's answer is handed back to it through {@code toWorker}.
 */
final class CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final Topics topics;
    private final CommandDecoder decoder;
    private final CommandAuthoriser authoriser;
    private final CommandStats stats;
    private final CommandSink sink;
    private final Clock clock;
    private final Duration timeout;
    private final Outbox outbox;
    private final ReportPublisher events;
    private final Consumer<Runnable> toWorker;

    CommandHandler(Topics topics, CommandDecoder decoder, CommandAuthoriser authoriser, CommandStats stats,
                   CommandSink sink, Clock clock, Duration timeout, Outbox outbox, ReportPublisher events,
                   Consumer<Runnable> toWorker) {
        this.topics = topics;
        this.decoder = decoder;
        this.authoriser = authoriser;
        this.stats = stats;
        this.sink = sink;
        this.clock = clock;
        this.timeout = timeout;
        this.outbox = outbox;
        this.events = events;
        this.toWorker = toWorker;
    }

    void handle(String topic, CommandTopic ct, MqttMessage message) {
        String name = ct.name();
        String principal = ct.principal();
        MqttProperties props = message.getProperties();
        Optional<String> replyTo = replyTopic(props, name, principal);
        byte[] correlation = props == null ? null : props.getCorrelationData();
        Reply reply = new Reply(topic, name, principal, replyTo, correlation);

        if (principal.isEmpty()) {
            reply.finish("unauthorised", CommandResult.rejected(topic
                    + ": no principal level; publish to " + topics.command(name, "{principal}")
                    + " as the identity the broker authenticated"));
            return;
        }
        if (message.isRetained() && message.getPayload().length == 0) {
            LOG.debug("retained command on {} cleared", topic);
            return;
        }
        if (message.isRetained()) {
            reply.finish("invalid", CommandResult.rejected(topic
                    + ": commands must not be retained (a retained command would replay on every reconnect)"));
            return;
        }
        if (!CommandDecoder.NAMES.contains(name)) {
            reply.finish("invalid", CommandResult.rejected(topic + ": unknown command '" + name
                    + "'; known: cap, mode, override, rebirth"));
            return;
        }
        if (!authoriser.allows(principal, name)) {
            reply.finish("unauthorised", CommandResult.rejected(topic + ": principal '" + principal
                    + "' may not send '" + name + "'"));
            return;
        }
        Command command;
        try {
            command = decoder.decode(name, principal, message.getPayload(), clock.instant());
        } catch (PayloadException e) {
            reply.finish("invalid", CommandResult.rejected(topic + ": " + e.getMessage()));
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
            reply.finish("refused", CommandResult.rejected(topic + ": not accepted by the controller: " + e));
            return;
        }
        future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((result, error) -> {
            toWorker.accept(() -> {
                if (error != null) {
                    boolean timedOut = error instanceof TimeoutException
                            || error.getCause() instanceof TimeoutException;
                    reply.finish(timedOut ? "timeout" : "refused", CommandResult.rejected(topic
                            + (timedOut ? ": not confirmed by the control cycle within "
                                    + timeout.toMillis() + " ms; outcome unknown, check state" : ": failed: " + error)));
                } else {
                    reply.finish(result.ok() ? "accepted" : "refused", result);
                }
            });
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

    /** One command's answer: counted, logged, published as the reply and as an event. */
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
            events.event(StateEncoder.commandEvent(now, name, principal.isEmpty() ? "?" : principal, r));
        }
    }
}
