package io.plantd.controller.policy;

import java.util.List;

/**
 * The point names a chiller profile must declare for plantd to run it. Booleans are 0/1.
 * Profiles may declare more; these are the ones the controller reads and writes.
 */
public final class ChillerPoints {
    /** W: {@link DriveMode#code()}. */
    public static final String DRIVE_MODE_CMD = "drive_mode_cmd";
    /** W: engine share 0..100 % when BLEND is commanded (optional point). */
    public static final String ENGINE_SHARE_CMD = "engine_share_cmd";
    /** W: incremented every cycle; the chiller reverts to LOCAL when it stops changing. */
    public static final String HEARTBEAT = "heartbeat";
    /** R: the drive the chiller is actually running on, {@link DriveMode#code()}. */
    public static final String DRIVE_MODE_STATUS = "drive_mode_status";
    /** R: electrical kW drawn by the motor drive. */
    public static final String MOTOR_POWER = "motor_power";
    /** R: cooling delivered, tons. */
    public static final String COOLING_LOAD = "cooling_load";
    public static final String ENGINE_READY = "engine_ready";
    public static final String ENGINE_RUNNING = "engine_running";
    public static final String ENGINE_START_FAILED = "engine_start_failed";
    public static final String GAS_PRESSURE_LOW = "gas_pressure_low";
    public static final String FAULT = "fault";
    /** R: engine counters kept by the chiller (optional points). */
    public static final String ENGINE_RUN_HOURS = "engine_run_hours";
    public static final String ENGINE_STARTS = "engine_starts";

    public static final List<String> REQUIRED = List.of(
            DRIVE_MODE_CMD, HEARTBEAT, DRIVE_MODE_STATUS, MOTOR_POWER, COOLING_LOAD,
            ENGINE_READY, ENGINE_RUNNING, ENGINE_START_FAILED, GAS_PRESSURE_LOW, FAULT);

    public static final List<String> WRITABLE = List.of(DRIVE_MODE_CMD, HEARTBEAT);

    private ChillerPoints() {
    }
}
