package io.plantd.sim.device;

import java.util.List;

/**
 * Point names the simulated devices serve. They are the names plantd's controller uses
 * (io.plantd.controller.policy.ChillerPoints and GridPoints), copied here because the simulator
 * must not depend on the controller; the app module's tests check the copies still match.
 */
public final class PointNames {
    private PointNames() {
    }

    /** Hybrid chiller: every name of ChillerPoints. */
    public static final class Chiller {
        public static final String DRIVE_MODE_CMD = "drive_mode_cmd";
        public static final String ENGINE_SHARE_CMD = "engine_share_cmd";
        public static final String HEARTBEAT = "heartbeat";
        public static final String DRIVE_MODE_STATUS = "drive_mode_status";
        public static final String MOTOR_POWER = "motor_power";
        public static final String COOLING_LOAD = "cooling_load";
        public static final String ENGINE_READY = "engine_ready";
        public static final String ENGINE_RUNNING = "engine_running";
        public static final String ENGINE_START_FAILED = "engine_start_failed";
        public static final String GAS_PRESSURE_LOW = "gas_pressure_low";
        public static final String FAULT = "fault";
        public static final String ENGINE_RUN_HOURS = "engine_run_hours";
        public static final String ENGINE_STARTS = "engine_starts";

        /** The controller's required set (ChillerPoints.REQUIRED). */
        public static final List<String> REQUIRED = List.of(
                DRIVE_MODE_CMD, HEARTBEAT, DRIVE_MODE_STATUS, MOTOR_POWER, COOLING_LOAD,
                ENGINE_READY, ENGINE_RUNNING, ENGINE_START_FAILED, GAS_PRESSURE_LOW, FAULT);
        public static final List<String> WRITABLE = List.of(DRIVE_MODE_CMD, ENGINE_SHARE_CMD, HEARTBEAT);
        public static final List<String> ALL = List.of(
                DRIVE_MODE_CMD, ENGINE_SHARE_CMD, HEARTBEAT, DRIVE_MODE_STATUS, MOTOR_POWER, COOLING_LOAD,
                ENGINE_READY, ENGINE_RUNNING, ENGINE_START_FAILED, GAS_PRESSURE_LOW, FAULT,
                ENGINE_RUN_HOURS, ENGINE_STARTS);

        private Chiller() {
        }
    }

    /** Grid-signal gateway: every name of GridPoints. */
    public static final class Grid {
        public static final String EVENT_LEVEL = "event_level";
        public static final String CAP_LIMIT = "cap_limit";
        public static final String PRICE_ELECTRICITY = "price_electricity";
        public static final String PRICE_GAS = "price_gas";
        public static final String EVENT_START = "event_start";
        public static final String EVENT_END = "event_end";
        public static final String FREQUENCY = "frequency";
        public static final String OUTAGE = "outage";

        /** The controller's required set (GridPoints.REQUIRED). */
        public static final List<String> REQUIRED = List.of(EVENT_LEVEL, PRICE_ELECTRICITY, PRICE_GAS, OUTAGE);
        public static final List<String> ALL = List.of(
                EVENT_LEVEL, CAP_LIMIT, PRICE_ELECTRICITY, PRICE_GAS, EVENT_START, EVENT_END, FREQUENCY, OUTAGE);

        private Grid() {
        }
    }

    /** Site meter. */
    public static final class Meter {
        public static final String SITE_POWER = "site_power";
        public static final String IT_POWER = "it_power";
        public static final String FREQUENCY = "frequency";
        public static final List<String> ALL = List.of(SITE_POWER, IT_POWER, FREQUENCY);

        private Meter() {
        }
    }
}
