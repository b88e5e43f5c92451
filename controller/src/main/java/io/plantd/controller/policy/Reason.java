package io.plantd.controller.policy;

/** Machine-readable cause of a drive decision or hold, published and logged with its numbers. */
public enum Reason {
    /** Predicted site draw at now + L exceeds the effective cap. */
    CAP_PREDICTED_EXCEEDED,
    /** Measured draw exceeds the effective cap now. */
    CAP_EXCEEDED,
    /** Predicted draw with this unit back on motor stays below cap − release margin for the release delay. */
    CAP_RELEASED,
    ENGINE_MIN_RUN,
    ENGINE_MIN_OFF,
    STARTS_PER_HOUR_LIMIT,
    ENGINE_HOUR_BUDGET,
    ENGINE_NOT_READY,
    ENGINE_LOCKED_OUT,
    ENGINE_FAIL_TO_START,
    ENGINE_TRIP,
    /**
     * The engine stopped because the unit left plantd's control (it reports LOCAL, or was
     * unreachable long enough for its heartbeat watchdog to revert it), not because of an engine
     * fault: back to motor without a lockout.
     */
    CHILLER_LOCAL_REVERT,
    GAS_LOSS,
    CHILLER_FAULT,
    CHILLER_STALE_HOLD,
    METER_STALE_HOLD,
    GRID_EVENT,
    GRID_EVENT_SCHEDULED,
    GRID_LOW_FREQUENCY,
    GRID_OUTAGE,
    ECONOMIC,
    OVERRIDE,
    MONITOR_ONLY,
    RELEASE_DELAY,
    STEADY,
    STARTUP_ADOPT,
    SHUTDOWN_POSTURE,
    INFEASIBLE
}
