package io.plantd.controller.config;

import io.plantd.controller.policy.DriveMode;
import io.plantd.drivers.yaml.Secret;
import io.plantd.drivers.yaml.YamlMap;
import io.plantd.drivers.yaml.YamlValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads {@code mqtt:}, {@code metrics:}, {@code logging:} and {@code shutdown:}. */
final class NorthboundSection {
    /** The MQTT commands a principal can be allowed (topic {@code cmd/NAME}). */
    static final List<String> COMMANDS = List.of("override", "cap", "mode", "rebirth");
    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

    private NorthboundSection() {
    }

    static MqttConfig mqttDisabled(String siteId) {
        return new MqttConfig(false, "", "plantd-" + siteId, Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of());
    }

    static MqttConfig mqtt(YamlMap m, String siteId, Path baseDir, Function<String, String> env) {
        boolean enabled = m.bool("enabled", true);
        Optional<YamlValue> urlNode = enabled ? m.required("url") : m.get("url");
        String url = urlNode.map(NorthboundSection::brokerUrl).orElse("");
        String clientId = m.get("clientId").map(Fields::checkId).orElse("plantd-" + siteId);
        Optional<Secret> username = m.get("username").flatMap(v -> v.asSecret(env));
        Optional<Secret> password = m.get("password").flatMap(v -> v.asSecret(env));
        Optional<YamlValue> tlsNode = m.get("tls");
        Optional<MqttConfig.Tls> tls = tlsNode.map(v -> tls(v.asMap(), baseDir, env));
        if (tlsNode.isPresent() && !url.isEmpty() && !(url.startsWith("ssl://") || url.startsWith("wss://"))) {
            tlsNode.get().error("tls needs an ssl:// or wss:// url, got a " + url.substring(0, url.indexOf(':'))
                    + ":// url");
        }
        Map<String, Set<String>> principals = m.get("principals").map(v -> principals(v.asMap())).orElse(Map.of());
        m.rejectUnknownKeys();
        return new MqttConfig(enabled, url, clientId, username, password, tls, principals);
    }

    /** tcp/ssl/ws/wss with a host; credentials belong in username/password, never in the url. */
    private static String brokerUrl(YamlValue v) {
        String url = v.asString();
        if (url.isEmpty()) {
            return url;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!List.of("tcp", "ssl", "ws", "wss").contains(scheme)) {
                v.error("expected a tcp://, ssl://, ws:// or wss:// broker url");
            } else if (uri.getRawUserInfo() != null) {
                v.error("put credentials in username and password, not in the url (value not shown)");
            } else if (uri.getHost() == null) {
                v.error("the broker url needs a host, for example tcp://localhost:1883");
            }
        } catch (URISyntaxException e) {
            v.error("not a valid url: " + e.getReason());
        }
        return url;
    }

    private static MqttConfig.Tls tls(YamlMap m, Path baseDir, Function<String, String> env) {
        String ca = m.required("caFile").map(v -> existingFile(v, baseDir)).orElse("");
        Optional<YamlValue> certNode = m.get("certFile");
        Optional<YamlValue> keyNode = m.get("keyFile");
        Optional<String> cert = certNode.map(v -> existingFile(v, baseDir));
        Optional<String> key = keyNode.map(v -> existingFile(v, baseDir));
        if (cert.isPresent() != key.isPresent()) {
            (cert.isPresent() ? certNode : keyNode).get().error("certFile and keyFile go together: give both or neither");
        }
        Optional<Secret> keyPassword = m.get("keyPassword").flatMap(v -> v.asSecret(env));
        m.rejectUnknownKeys();
        return new MqttConfig.Tls(ca, cert, key, keyPassword);
    }

    private static String existingFile(YamlValue v, Path baseDir) {
        String text = v.asString();
        if (text.isEmpty()) {
            return text;
        }
        Path p = baseDir.resolve(text).normalize();
        if (!Files.isReadable(p) || !Files.isRegularFile(p)) {
            v.error("file " + p + " does not exist or is not readable");
        }
        return p.toString();
    }

    private static Map<String, Set<String>> principals(YamlMap m) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (String principal : m.keys()) {
            m.get(principal).ifPresent(v -> {
                Set<String> allowed = new LinkedHashSet<>();
                for (YamlValue item : v.asList()) {
                    String command = item.asString();
                    if (COMMANDS.contains(command)) {
                        allowed.add(command);
                    } else if (!command.isEmpty()) {
                        item.error("unknown command '" + command + "' (known: " + String.join(", ", COMMANDS) + ")");
                    }
                }
                result.put(principal, Set.copyOf(allowed));
            });
        }
        m.rejectUnknownKeys();
        return result;
    }

    static MetricsConfig metrics(YamlMap m) {
        MetricsConfig c = new MetricsConfig(
                m.bool("enabled", true),
                m.get("bind").isPresent() ? Fields.token(m, "bind") : ConfigDefaults.METRICS_BIND,
                (int) m.integer("port", ConfigDefaults.METRICS_PORT, 1, 65_535));
        m.rejectUnknownKeys();
        return c;
    }

    static MetricsConfig metricsDefault() {
        return new MetricsConfig(true, ConfigDefaults.METRICS_BIND, ConfigDefaults.METRICS_PORT);
    }

    static LoggingConfig logging(YamlMap m, Path stateDir, Path baseDir) {
        String level = m.get("level").map(v -> {
            String l = v.asString().toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(l)) {
                v.error("expected one of " + LEVELS + ", got '" + v.asString() + "'");
                return ConfigDefaults.LOG_LEVEL;
            }
            return l.toUpperCase(Locale.ROOT);
        }).orElse(ConfigDefaults.LOG_LEVEL);
        Path decisionLog = m.get("decisionLog").map(v -> baseDir.resolve(v.asString()).normalize())
                .orElse(stateDir.resolve(ConfigDefaults.DECISION_LOG_FILE));
        LoggingConfig c = new LoggingConfig(level, decisionLog,
                m.integer("decisionLogMaxBytes", ConfigDefaults.DECISION_LOG_MAX_BYTES, 1L << 20, 1L << 30),
                (int) m.integer("decisionLogMaxFiles", ConfigDefaults.DECISION_LOG_MAX_FILES, 1, 100));
        m.rejectUnknownKeys();
        return c;
    }

    static LoggingConfig loggingDefault(Path stateDir) {
        return new LoggingConfig(ConfigDefaults.LOG_LEVEL, stateDir.resolve(ConfigDefaults.DECISION_LOG_FILE),
                ConfigDefaults.DECISION_LOG_MAX_BYTES, ConfigDefaults.DECISION_LOG_MAX_FILES);
    }

    /** LOCAL (default) or MOTOR: leaving engines on ENGINE with nobody supervising them is refused. */
    static ShutdownConfig shutdown(YamlMap m) {
        DriveMode posture = m.get("posture").flatMap(v -> {
            Optional<DriveMode> mode = v.asEnum(DriveMode.class);
            if (mode.isPresent() && mode.get() != DriveMode.LOCAL && mode.get() != DriveMode.MOTOR) {
                v.error("must be local or motor: " + mode.get().name().toLowerCase(Locale.ROOT)
                        + " would leave engines running with nothing supervising them");
                return Optional.empty();
            }
            return mode;
        }).orElse(DriveMode.LOCAL);
        m.rejectUnknownKeys();
        return new ShutdownConfig(posture);
    }
}
