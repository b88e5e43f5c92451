package io.plantd.drivers.yaml;

/**
 * A credential resolved from {@code ${ENV_VAR}} or {@code file:/path}. Its {@code toString}
 * never reveals the value, so it cannot leak into logs or error messages.
 */
public final class Secret {
    private final String value;
    private final String source;

    public Secret(String value, String source) {
        this.value = value;
        this.source = source;
    }

    public String reveal() {
        return value;
    }

    /** Where it came from, for example {@code ${MQTT_PASSWORD}}; safe to log. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Secret[" + source + "]";
    }
}
