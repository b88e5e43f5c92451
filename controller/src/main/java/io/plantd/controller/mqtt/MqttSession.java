package io.plantd.controller.mqtt;

import io.plantd.controller.mqtt.codec.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Paho v5 client and nothing else. Paho's automatic reconnect only starts after a first
 * successful connect, so the first connect is retried here with exponential backoff. Every Paho
 * callback only hands over to the {@link Listener} (which enqueues); no call here waits on the
 * network except {@link #stop}, which is bounded.
 */
final class MqttSession {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);

    interface Listener {
        void connected(boolean reconnect);

        void connectionLost(String why);

        void messageArrived(String topic, MqttMessage message);
    }

    private final SessionOptions options;
    private final Listener listener;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-connect");
        t.setDaemon(true);
        return t;
    });
    private MqttAsyncClient client;
    private long nextDelayMs;

    MqttSession(SessionOptions options, Listener listener) {
        this.options = options;
        this.listener = listener;
        this.nextDelayMs = options.initialRetryDelay().toMillis();
    }

    void start() {
        try {
            client = new MqttAsyncClient(options.url(), options.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("MQTT url '" + options.url() + "' or client id is not usable: "
                    + e.getMessage(), e);
        }
        client.setCallback(new Callbacks());
        connector.execute(this::attemptFirstConnect);
    }

    boolean connected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /** Hands a message to Paho without waiting; false when not connected or Paho refuses it (in-flight window full). */
    boolean publish(OutboundMessage m) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            return false;
        }
        try {
            c.publish(m.topic(), toPaho(m));
            return true;
        } catch (MqttException e) {
            LOG.debug("publish to {} deferred: {}", m.topic(), e.getMessage());
            return false;
        }
    }

    /** Subscribes without waiting; a failure is logged and retried at the next reconnect. */
    boolean subscribe(List<MqttSubscription> subscriptions) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected() || subscriptions.isEmpty()) {
            return false;
        }
        try {
            c.subscribe(subscriptions.toArray(new MqttSubscription[0]), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.info("MQTT subscribed to {}", subscriptions.stream().map(MqttSubscription::getTopic).toList());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    LOG.warn("MQTT subscribe failed: {}", error.toString());
                }
            }, new MqttProperties());
            return true;
        } catch (MqttException e) {
            LOG.warn("MQTT subscribe failed: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Publishes {@code lastWords} (the retained {@code offline} status) if connected, then
     * disconnects normally, so the broker does not send the Will. Bounded by {@code budget}.
     */
    void stop(OutboundMessage lastWords, Duration budget) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        connector.shutdownNow();
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        long half = Math.max(100, budget.toMillis() / 2);
        try {
            if (c.isConnected()) {
                c.publish(lastWords.topic(), toPaho(lastWords)).waitForCompletion(half);
                c.disconnect(half / 2).waitForCompletion(half);
            }
        } catch (MqttException e) {
            LOG.warn("MQTT clean disconnect failed ({}); closing the connection", e.getMessage());
        }
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 100, false);
            }
            c.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT close: {}", e.getMessage());
        }
    }

    private void attemptFirstConnect() {
        if (stopped.get()) {
            return;
        }
        try {
            client.connect(connectionOptions(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.info("MQTT connected to {} as {}", options.url(), options.clientId());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    retryFirstConnect(error);
                }
            });
        } catch (MqttException e) {
            retryFirstConnect(e);
        }
    }

    private void retryFirstConnect(Throwable error) {
        if (stopped.get()) {
            return;
        }
        long delay = nextDelayMs;
        nextDelayMs = Math.min(nextDelayMs * 2, options.maxRetryDelay().toMillis());
        LOG.warn("MQTT connect to {} failed ({}); retrying in {} ms", options.url(), error.getMessage(), delay);
        try {
            connector.schedule(this::attemptFirstConnect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stoppedMeanwhile) {
            // stop() ran between the check and the schedule: nothing left to do
        }
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay((int) Math.max(1, options.initialRetryDelay().toSeconds()),
                (int) Math.max(1, options.maxRetryDelay().toSeconds()));
        o.setKeepAliveInterval(options.keepAliveS());
        o.setConnectionTimeout((int) Math.max(1, options.connectTimeout().toSeconds()));
        o.setHttpsHostnameVerificationEnabled(true);
        options.username().ifPresent(o::setUserName);
        options.password().ifPresent(o::setPassword);
        options.socketFactory().ifPresent(o::setSocketFactory);
        OutboundMessage will = options.will();
        MqttMessage willMessage = toPaho(will);
        o.setWill(will.topic(), willMessage);
        o.setWillMessageProperties(willMessage.getProperties());
        return o;
    }

    static MqttMessage toPaho(OutboundMessage m) {
        MqttProperties p = new MqttProperties();
        p.setUserProperties(List.of(new UserProperty(Json.SCHEMA_PROPERTY, Json.SCHEMA)));
        p.setContentType(m.contentType());
        p.setPayloadFormat(true);
        m.expiryS().ifPresent(p::setMessageExpiryInterval);
        m.correlationData().ifPresent(p::setCorrelationData);
        MqttMessage message = new MqttMessage(m.payload(), m.qos(), m.retained(), p);
        return message;
    }

    private final class Callbacks implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            listener.connectionLost(response.toString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Never throw here: an exception from this callback makes Paho drop the connection.
            try {
                listener.messageArrived(topic, message);
            } catch (RuntimeException e) {
                LOG.error("MQTT message on {} could not be queued", topic, e);
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            listener.connected(reconnect);
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
