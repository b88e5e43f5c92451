package io.plantd.controller.mqtt.codec;

import java.util.Optional;

/**
 * The topic tree of one site under {@code plantd/v1/{site}/}. Commands arrive on
 * {@code cmd/{name}/{principal}}; the broker ACL pins the last level to the publisher's
 * authenticated identity, which is how plantd knows who sent a command.
 */
public final class Topics {
    public static final String ROOT = "plantd/v1/";

    private final String base;

    public Topics(String siteId) {
        if (siteId.isEmpty() || siteId.contains("/") || siteId.contains("+") || siteId.contains("#")) {
            throw new IllegalArgumentException("site id '" + siteId + "' cannot be a single MQTT topic level");
        }
        this.base = ROOT + siteId + "/";
    }

    public String base() {
        return base;
    }

    public String status() {
        return base + "status";
    }

    public String info() {
        return base + "info";
    }

    public String state() {
        return base + "state";
    }

    public String chillerState(String chillerId) {
        return base + "chiller/" + chillerId + "/state";
    }

    public String headroom() {
        return base + "headroom";
    }

    public String alarm(String alarmId) {
        return base + "alarm/" + alarmId;
    }

    public String event() {
        return base + "event";
    }

    /** Commands with their principal level: {@code cmd/{name}/{principal}}. */
    public String commandFilter() {
        return base + "cmd/+/+";
    }

    /** Commands sent without a principal level, subscribed only to answer with the reason they are refused. */
    public String bareCommandFilter() {
        return base + "cmd/+";
    }

    public String command(String name, String principal) {
        return base + "cmd/" + name + "/" + principal;
    }

    /** Fallback reply topic when a command carries no Response Topic; readable only by that principal under the ACL. */
    public String reply(String name, String principal) {
        return command(name, principal) + "/reply";
    }

    /**
     * Splits a received command topic. An absent principal is returned as an empty string so the
     * caller can refuse it with a reason.
     */
    public Optional<CommandTopic> parseCommand(String topic) {
        String prefix = base + "cmd/";
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] levels = topic.substring(prefix.length()).split("/", -1);
        if (levels.length == 1) {
            return Optional.of(new CommandTopic(levels[0], ""));
        }
        if (levels.length == 2) {
            return Optional.of(new CommandTopic(levels[0], levels[1]));
        }
        return Optional.empty();
    }

    /** A response topic a sender asked for: outside plantd's own tree, or its own fallback reply topic. */
    public boolean acceptableResponseTopic(String responseTopic, String name, String principal) {
        if (responseTopic.isEmpty() || responseTopic.contains("+") || responseTopic.contains("#")) {
            return false;
        }
        return !responseTopic.startsWith(ROOT) || responseTopic.equals(reply(name, principal));
    }

    public record CommandTopic(String name, String principal) {
    }
}
