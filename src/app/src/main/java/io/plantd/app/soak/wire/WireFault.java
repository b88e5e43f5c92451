package io.plantd.app.soak.wire;

/**
 * One network fault between the daemon and what it talks to, from {@code atS} (seconds into the
 * soak) for {@code durationS}. {@code target} is a device id, or {@code mqtt} for the broker.
 */
public record WireFault(Kind kind, String target, long atS, long durationS) {
    public enum Kind {
        /** Every open connection to the device is closed at once; it answers again on reconnect. */
        SOCKET_DROP,
        /** Requests reach nothing and are never answered: each poll times out. */
        DEVICE_TIMEOUT,
        /** Every request is answered with Modbus exception 04 (server device failure). */
        EXCEPTION_RESPONSES,
        /** The broker cannot be reached: connections are dropped and new ones refused. */
        BROKER_OUTAGE
    }

    public static final String BROKER = "mqtt";

    /** The alarm plantd raises when this fault's device goes quiet: the meter's, or its chiller's. */
    public String staleAlarm() {
        return target.equals("meter") ? "meter-stale" : "chiller-stale-" + target;
    }

    public long endS() {
        return atS + durationS;
    }

    /**
     * The alarm plantd must raise for this fault, if any. A dropped socket is reconnected within a
     * poll and must pass without one; a broker outage cannot be reported over the broker.
     */
    public java.util.Optional<String> expectedAlarm() {
        return switch (kind) {
            case DEVICE_TIMEOUT, EXCEPTION_RESPONSES -> java.util.Optional.of(staleAlarm());
            case SOCKET_DROP, BROKER_OUTAGE -> java.util.Optional.empty();
        };
    }
}
