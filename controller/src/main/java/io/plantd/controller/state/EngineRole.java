package io.plantd.controller.state;

/** Why a chiller is on engine: decides which rule may take it back to motor. */
public enum EngineRole {
    NONE,
    /** Found on engine at startup or in monitor-only mode. */
    ADOPTED,
    CAP,
    GRID_EVENT,
    OUTAGE,
    ECONOMIC,
    OVERRIDE
}
