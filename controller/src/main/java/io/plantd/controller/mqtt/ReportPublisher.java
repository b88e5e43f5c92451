package io.plantd.controller.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.mqtt.codec.Json;
import io.plantd.controller.mqtt.codec.StateEncoder;
import io.plantd.controller.mqtt.codec.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns cycle reports into outbound messages: retained state, chillers and headroom on change
 * (and at least every {@link #STATE_MAX_INTERVAL}), alarms set and cleared, decisions as events.
 * Worker thread only.
 */
final class ReportPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);

    /** State is republished at least this often even when nothing changed. */
    static final Duration STATE_MAX_INTERVAL = Duration.ofSeconds(10);
    /** Message expiry of {@code state} and {@code headroom}: a dead daemon's numbers vanish from the broker. */
    static final long STATE_EXPIRY_S = 30;

    private final Topics topics;
    private final Outbox outbox;
    /**
     * An active alarm whose text alone changes (an age, a kW figure) is republished at most this
     * often: a BMS sees a new severity at once, not a retained message churning every second.
     */
    static final Duration ALARM_TEXT_MIN_INTERVAL = Duration.ofSeconds(60);

    /** Each active alarm as last published (what the broker retains) and when. */
    private final Map<String, PublishedAlarm> activeAlarms = new LinkedHashMap<>();
    private final Map<String, Published> lastPublished = new HashMap<>();

    private record PublishedAlarm(Alarm alarm, Instant at) {
    }

    private record Published(ObjectNode content, Instant at) {
    }

    ReportPublisher(Topics topics, Outbox outbox) {
        this.topics = topics;
        this.outbox = outbox;
    }

    /**
     * Every report's decisions and alarm changes are published; the snapshot topics only for the
     * {@code latest} report of a batch, as older snapshots are already superseded.
     */
    void publish(CycleReport r, boolean latest) {
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

    void event(ObjectNode payload) {
        outbox.addTransient(OutboundMessage.json(topics.event(), Json.bytes(payload), 1, false));
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
            PublishedAlarm published = activeAlarms.get(a.id());
            // compared with what the broker holds, so a text change made in the quiet minute is
            // published once the minute is over, even if the text has not moved since
            boolean textDue = published != null && !published.alarm().equals(a)
                    && Duration.between(published.at(), r.at()).compareTo(ALARM_TEXT_MIN_INTERVAL) >= 0;
            if (published == null || published.alarm().severity() != a.severity() || textDue) {
                activeAlarms.put(a.id(), new PublishedAlarm(a, r.at()));
                outbox.putRetained(OutboundMessage.json(topics.alarm(level(a.id())),
                        Json.bytes(StateEncoder.alarm(a, r.at())), 1, true));
                if (published == null) {
                    event(StateEncoder.alarmEvent(a, true, r.at()));
                    LOG.warn("alarm raised: {} {} {}", a.id(), a.severity(), a.message());
                }
            }
        }
        for (var it = activeAlarms.values().iterator(); it.hasNext(); ) {
            Alarm a = it.next().alarm();
            if (!now.containsKey(a.id())) {
                // an empty retained payload removes the retained alarm from the broker
                outbox.putRetained(OutboundMessage.json(topics.alarm(level(a.id())), new byte[0], 1, true));
                event(StateEncoder.alarmEvent(a, false, r.at()));
                LOG.info("alarm cleared: {}", a.id());
                it.remove();
            }
        }
    }

    /** An id as one topic level: MQTT separators and wildcards replaced. */
    static String level(String id) {
        return id.replace('/', '_').replace('+', '_').replace('#', '_');
    }
}
