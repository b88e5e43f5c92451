package io.plantd.app.soak.wire;

import io.plantd.controller.mqtt.BmsClient;
import java.time.Instant;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A BMS on the broker itself (not behind the fault proxy): records when plantd's {@code status}
 * went online or offline and every alarm it published, in wall time.
 */
final class BrokerWatch implements AutoCloseable {
    private final BmsClient bms;
    private final String prefix;

    BrokerWatch(String brokerUrl, String siteId) throws MqttException {
        this.prefix = "plantd/v1/" + siteId + "/";
        bms = new BmsClient(brokerUrl, "plantd-soak-watch", true).subscribe(prefix + "status")
                .subscribe(prefix + "alarm/+");
    }

    /** Wall instants at which plantd announced itself {@code online}. */
    List<Instant> onlineAt() {
        return bms.on(prefix + "status").stream().filter(m -> m.text().equals("online"))
                .map(BmsClient.Received::at).toList();
    }

    /** Alarm raises seen by the BMS (non-empty payloads on {@code alarm/+}). */
    long alarmRaisesSeen() {
        return bms.all().stream().filter(m -> m.topic().startsWith(prefix + "alarm/") && m.payload().length > 0)
                .count();
    }

    @Override
    public void close() {
        try {
            bms.close();
        } catch (MqttException e) {
            // the broker may already be gone at the end of a run
        }
    }
}
