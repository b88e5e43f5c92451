package io.plantd.controller.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * A second, independent Paho client playing the BMS, for tests and the network soak: records
 * everything it receives, with the wall time it arrived. Not used by the daemon itself.
 */
public final class BmsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Received(Instant at, String topic, byte[] payload, boolean retained, MqttProperties properties) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Optional<String> userProperty(String key) {
            return properties.getUserProperties().stream().filter(u -> u.getKey().equals(key))
                    .map(UserProperty::getValue).findFirst();
        }
    }

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** Connected with a clean start; not reconnecting if the broker goes away. */
    public BmsClient(String url, String clientId) throws MqttException {
        this(url, clientId, false);
    }

    /** Connected with a clean start; {@code reconnect}: Paho reconnects on its own after a broker outage. */
    public BmsClient(String url, String clientId, boolean reconnect) throws MqttException {
        client = new MqttClient(url, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.add(new Received(Instant.now(), topic, m.getPayload(), m.isRetained(), m.getProperties()));
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(reconnect);
        client.connect(o);
    }

    /** Subscribes at QoS 1. */
    public BmsClient subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1);
        return this;
    }

    public void publish(String topic, String payload) throws MqttException {
        publish(topic, payload, null, null, false);
    }

    public void publish(String topic, String payload, String responseTopic, byte[] correlation, boolean retained)
            throws MqttException {
        MqttProperties p = new MqttProperties();
        if (responseTopic != null) {
            p.setResponseTopic(responseTopic);
        }
        if (correlation != null) {
            p.setCorrelationData(correlation);
        }
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, retained, p);
        client.publish(topic, m);
    }

    public List<Received> on(String topic) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.topic().equals(topic)) {
                out.add(r);
            }
        }
        return out;
    }

    public Optional<Received> last(String topic) {
        List<Received> on = on(topic);
        return on.isEmpty() ? Optional.empty() : Optional.of(on.get(on.size() - 1));
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
