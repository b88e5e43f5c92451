package io.plantd.controller.config;

import io.plantd.drivers.yaml.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Broker connection and command authorisation. {@code principals} maps a client id or a TLS
 * certificate CN to the commands it may send ({@code override}, {@code cap}, {@code mode},
 * {@code rebirth}).
 */
public record MqttConfig(
        boolean enabled,
        String url,
        String clientId,
        Optional<Secret> username,
        Optional<Secret> password,
        Optional<Tls> tls,
        Map<String, Set<String>> principals) {

    public MqttConfig {
        principals = Map.copyOf(principals);
    }

    public record Tls(String caFile, Optional<String> certFile, Optional<String> keyFile, Optional<Secret> keyPassword) {
    }
}
