package io.plantd.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {
    @Test
    void servesMqtt5OnLoopbackKeepsRetainedMessagesAndCleansUp() throws Exception {
        java.nio.file.Path folder;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            folder = broker.folder();
            assertThat(Files.exists(folder)).isTrue();
            assertThat(broker.url()).startsWith("tcp://127.0.0.1:");
            assertThat(broker.watchCommand()).contains("-p " + broker.port()).contains("plantd/#");
            MqttClient pub = new MqttClient(broker.url(), "pub", new MemoryPersistence());
            pub.connect();
            pub.publish("plantd/v1/demo/status", "online".getBytes(StandardCharsets.UTF_8), 1, true);
            pub.disconnect();
            pub.close();

            AtomicReference<String> got = new AtomicReference<>();
            MqttClient sub = new MqttClient(broker.url(), "sub", new MemoryPersistence());
            sub.connect();
            sub.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                    new org.eclipse.paho.mqttv5.common.MqttSubscription("plantd/#", 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                            (String topic, MqttMessage m) -> got.set(topic + "=" + new String(m.getPayload(),
                                    StandardCharsets.UTF_8))});
            await().atMost(Duration.ofSeconds(10)).until(() -> "plantd/v1/demo/status=online".equals(got.get()));
            sub.disconnect();
            sub.close();
        }
        assertThat(Files.exists(folder)).as("temp data folder removed on close").isFalse();
    }
}
