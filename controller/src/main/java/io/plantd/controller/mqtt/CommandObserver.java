package io.plantd.controller.mqtt;

/**
 * Told about every command outcome, for {@code plantd_commands_total{command,result}}. Called on
 * the MQTT worker thread; must return at once.
 */
@FunctionalInterface
public interface CommandObserver {
    void onCommand(String command, String result);
}
