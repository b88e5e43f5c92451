package io.plantd.controller.policy;

/** Set by the BMS: AUTO drives the plant; MONITOR_ONLY decides and publishes but writes nothing. */
public enum OperatingMode {
    AUTO,
    MONITOR_ONLY
}
