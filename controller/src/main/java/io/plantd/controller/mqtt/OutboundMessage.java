package io.plantd.controller.mqtt;

import java.util.Optional;

/** One message for the broker, built on the worker thread and handed to the session as is. */
record OutboundMessage(String topic, byte[] payload, int qos, boolean retained, Optional<Long> expiryS,
                       String contentType, Optional<byte[]> correlationData) {

    static OutboundMessage json(String topic, byte[] payload, int qos, boolean retained) {
        return new OutboundMessage(topic, payload, qos, retained, Optional.empty(), "application/json",
                Optional.empty());
    }

    OutboundMessage expiringAfter(long seconds) {
        return new OutboundMessage(topic, payload, qos, retained, Optional.of(seconds), contentType, correlationData);
    }

    OutboundMessage correlatedWith(byte[] correlation) {
        return new OutboundMessage(topic, payload, qos, retained, expiryS, contentType, Optional.of(correlation));
    }
}
