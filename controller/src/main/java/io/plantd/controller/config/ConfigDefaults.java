package io.plantd.controller.config;

/**
 * Every default of the site config in one place, with its unit in the name. The values follow
 * DOMAIN-NOTES: they are safe starting points that a site confirms at commissioning.
 */
public final class ConfigDefaults {
    // site
    /** Margin below the cap, as a fraction of the service capacity, when marginKw is not given. */
    public static final double MARGIN_FRACTION = 0.02;
    /** Extra margin before a chiller may return to motor, as a fraction of service capacity. */
    public static final double RELEASE_EXTRA_FRACTION = 0.03;
    /** Demand-charge interval: most utilities bill the highest 15-minute average. */
    public static final long DEMAND_INTERVAL_S = 900;
    public static final String CURRENCY = "USD";
    public static final double ELECTRICITY_PER_KWH = 0.12;
    public static final double GAS_PER_THERM = 1.00;
    public static final double GRID_CO2_KG_PER_KWH = 0.40;
    /** Natural gas: about 5.3 kg CO2 per therm burned. */
    public static final double GAS_CO2_KG_PER_THERM = 5.3;

    // control
    public static final long PERIOD_MS = 1_000;
    public static final long RELEASE_DELAY_S = 600;
    public static final long REASSERT_S = 60;
    public static final long METER_MAX_AGE_MS = 5_000;
    public static final long PREDICTION_WINDOW_S = 600;
    /** Spike reserve: a rise within 30 s is a step no engine start can follow. */
    public static final long SPIKE_SPAN_S = 30;
    /** Spike reserve: the largest step of the last 6 h is kept as headroom. */
    public static final long SPIKE_MEMORY_S = 21_600;
    public static final long OVERRIDE_DEFAULT_S = 3_600;
    public static final long OVERRIDE_MAX_S = 86_400;
    public static final double ECONOMIC_DEADBAND_PER_HOUR = 1.0;
    public static final int PRESTART_LEVEL = 2;
    public static final double NOMINAL_FREQUENCY_HZ = 60.0;
    /** Low-frequency trigger below nominal: 59.8 Hz on 60 Hz grids (ERCOT emergency). */
    public static final double LOW_FREQUENCY_BELOW_NOMINAL_HZ = 0.2;

    // devices
    public static final long POLL_PERIOD_MS = 1_000;
    public static final int MODBUS_TCP_PORT = 502;
    public static final int MODBUS_UNIT_ID = 1;
    /** j2mod's own default (5 × 3 s) would stall a 1 s cycle; plantd always sets both. */
    public static final long MODBUS_TIMEOUT_MS = 500;
    public static final int MODBUS_RETRIES = 1;
    public static final int MAX_REGISTERS_PER_READ = 125;
    public static final int RTU_BAUD_RATE = 9_600;
    public static final String RTU_PARITY = "even";
    public static final int RTU_DATA_BITS = 8;
    public static final int RTU_STOP_BITS = 1;
    public static final int BACNET_PORT = 47_808;
    public static final long BACNET_TIMEOUT_MS = 1_000;
    public static final int BACNET_RETRIES = 1;

    // chillers
    public static final double MOTOR_KW_PER_TON = 0.6;
    public static final long LEAD_TIME_S = 300;
    public static final long MIN_RUN_S = 900;
    public static final long MIN_OFF_S = 600;
    public static final int MAX_STARTS_PER_HOUR = 4;
    public static final double YEARLY_HOUR_BUDGET = 3_000;
    public static final long LOCKOUT_S = 1_800;
    /** 12,000 Btu per ton-hour at a COP of about 1.7 is 7,000 Btu = 0.07 therm. */
    public static final double GAS_THERMS_PER_TON_HOUR = 0.07;
    public static final double MAINTENANCE_PER_TON_HOUR = 0.02;

    // grid feed, northbound
    public static final long GRID_MAX_AGE_MS = 120_000;
    public static final String METRICS_BIND = "127.0.0.1";
    public static final int METRICS_PORT = 9_464;
    public static final String LOG_LEVEL = "INFO";
    public static final String STATE_DIR = "plantd-state";
    public static final String DECISION_LOG_FILE = "decisions.jsonl";
    public static final long DECISION_LOG_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DECISION_LOG_MAX_FILES = 5;

    private ConfigDefaults() {
    }
}
