package io.plantd.controller.mqtt;

import java.time.Duration;
import java.util.Optional;
import javax.net.SocketFactory;

/** How the session connects: resolved credentials, transport and timings. Never logged (holds a password). */
record SessionOptions(String url, String clientId, Optional<String> username, Optional<byte[]> password,
                      Optional<SocketFactory> socketFactory, int keepAliveS, Duration connectTimeout,
                      Duration initialRetryDelay, Duration maxRetryDelay, OutboundMessage will) {

    @Override
    public String toString() {
        return "SessionOptions[" + url + ", " + clientId + "]";
    }
}
