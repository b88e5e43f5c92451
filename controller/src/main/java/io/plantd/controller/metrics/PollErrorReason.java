package io.plantd.controller.metrics;

/**
 * Why a device poll failed: the fixed label set of {@code plantd_device_poll_errors_total}, so the
 * number of series never depends on what a device sends back.
 */
public enum PollErrorReason {
    /** No answer within the device's timeout. */
    TIMEOUT("timeout"),
    /** The device answered with a protocol exception (Modbus exception code, BACnet error/reject). */
    EXCEPTION("exception"),
    /** Socket or serial-line failure: refused, reset, closed. */
    IO("io"),
    /** An answer that does not decode: wrong length, CRC, unexpected function or invoke id. */
    BAD_FRAME("bad-frame"),
    /** Not polled because the device's circuit breaker is open. */
    CIRCUIT_OPEN("circuit-open");

    private final String label;

    PollErrorReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
