package io.plantd.app.soak.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

/**
 * A BMS on the broker itself (not behind the fault proxy): records when plantd's {@code status}
 * went online or offline and every alarm it published, in wall time.
 */
final class BrokerWatch implements AutoCloseable {
    record Message(Instant at, String topic, String payload) {
    }

    private final MqttClient client;
    private final String prefix;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    BrokerWatch(String brokerUrl, String siteId) throws MqttException {
        this.prefix = "plantd/v1/" + siteId + "/";
        client = new MqttClient(brokerUrl, "plantd-soak-watch", new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                messages.add(new Message(Instant.now(), topic, new String(m.getPayload(), StandardCharsets.UTF_8)));
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
        o.setAutomaticReconnect(true);
        client.connect(o);
        client.subscribe(new String[] {prefix + "status", prefix + "alarm/+"}, new int[] {1, 1});
    }

    /** Wall instants at which plantd announced itself {@code online}. */
    List<Instant> onlineAt() {
        return messages.stream().filter(m -> m.topic().equals(prefix + "status") && m.payload().equals("online"))
                .map(Message::at).toList();
    }

    /** Alarm raises seen by the BMS (non-empty payloads on {@code alarm/+}). */
    long alarmRaisesSeen() {
        return messages.stream().filter(m -> m.topic().startsWith(prefix + "alarm/") && !m.payload().isEmpty())
                .count();
    }

    @Override
    public void close() {
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            // the broker may already be gone at the end of a run
        }
    }
}
