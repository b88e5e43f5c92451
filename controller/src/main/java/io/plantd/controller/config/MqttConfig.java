package io.plantd.controller.config;

import io.plantd.drivers.yaml.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Broker connection and command authorisation. {@code principals} maps a principal (the broker
 * username, which a TLS broker sets from the client certificate CN, or the client id) to the
 * commands it may send ({@code override}, {@code cap}, {@code mode}, {@code rebirth}). The
 * principal is the last level of the command topic {@code cmd/{name}/{principal}}, which the
 * broker ACL pins to the authenticated identity (see docs/mqtt.md).
 * {@code keepAliveS} and {@code maxReconnectDelayS} tune the session (override expiry defaults
 * and bounds are in {@link ControlSettings}).
 */
public record MqttConfig(
        boolean enabled,
        String url,
        String clientId,
        Optional<Secret> username,
        Optional<Secret> password,
        Optional<Tls> tls,
        Map<String, Set<String>> principals,
        int keepAliveS,
        int maxReconnectDelayS) {

    public static final int DEFAULT_KEEP_ALIVE_S = 30;
    public static final int DEFAULT_MAX_RECONNECT_DELAY_S = 30;

    public MqttConfig {
        principals = Map.copyOf(principals);
    }

    /** The original shape, with the session defaults (30 s keep-alive, 30 s max reconnect backoff). */
    public MqttConfig(boolean enabled, String url, String clientId, Optional<Secret> username,
                      Optional<Secret> password, Optional<Tls> tls, Map<String, Set<String>> principals) {
        this(enabled, url, clientId, username, password, tls, principals,
                DEFAULT_KEEP_ALIVE_S, DEFAULT_MAX_RECONNECT_DELAY_S);
    }

    /**
     * TLS settings. {@code caFile} is a PEM bundle of trusted CAs. The client identity is either a
     * PEM certificate chain ({@code certFile}) plus a PKCS#8 PEM key ({@code keyFile}, encrypted with
     * {@code keyPassword} or not), or a PKCS#12 file as {@code certFile} (.p12/.pfx) with
     * {@code keyPassword} and no {@code keyFile}.
     */
    public record Tls(String caFile, Optional<String> certFile, Optional<String> keyFile, Optional<Secret> keyPassword) {
    }
}
