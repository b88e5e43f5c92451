package io.plantd.drivers.poll;

/**
 * Why a device poll failed, as a small fixed set so that metrics can count failures by kind
 * without unbounded label values. The human-readable detail travels in the reason string.
 */
public enum FailureKind {
    /** No answer within the configured timeout. */
    TIMEOUT,
    /** Could not connect, or the connection was lost. */
    CONNECTION,
    /** The device answered with a protocol exception (for Modbus: an exception code). */
    DEVICE_EXCEPTION,
    /** The answer was malformed: short, garbage, wrong function or length. */
    PROTOCOL,
    /** The circuit breaker is open: the device was not asked at all. */
    CIRCUIT_OPEN
}
