package io.plantd.drivers.profile;

import java.util.List;

/** Standard BACnet object type names (ASHRAE 135), in the order of their type numbers 0..59. */
public final class BacnetObjectTypes {
    public static final List<String> NAMES = List.of(
            "analog-input", "analog-output", "analog-value", "binary-input", "binary-output", "binary-value",
            "calendar", "command", "device", "event-enrollment", "file", "group", "loop", "multi-state-input",
            "multi-state-output", "notification-class", "program", "schedule", "averaging", "multi-state-value",
            "trend-log", "life-safety-point", "life-safety-zone", "accumulator", "pulse-converter", "event-log",
            "global-group", "trend-log-multiple", "load-control", "structured-view", "access-door", "timer",
            "access-credential", "access-point", "access-rights", "access-user", "access-zone",
            "credential-data-input", "network-security", "bitstring-value", "characterstring-value",
            "date-pattern-value", "date-value", "datetime-pattern-value", "datetime-value", "integer-value",
            "large-analog-value", "octetstring-value", "positive-integer-value", "time-pattern-value", "time-value",
            "notification-forwarder", "alert-enrollment", "channel", "lighting-output", "binary-lighting-output",
            "network-port", "elevator-group", "escalator", "lift");

    private BacnetObjectTypes() {
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** The BACnet object type number, or -1 if unknown. */
    public static int number(String name) {
        return NAMES.indexOf(name);
    }
}
