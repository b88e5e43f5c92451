package io.plantd.sim.model;

/**
 * The fixed properties of one simulated hybrid-drive chiller.
 *
 * @param trueLeadTimeS  seconds from an engine-start command until the motor carries no load:
 *                       the unit's real figure, which may differ from what the site config says
 * @param watchdogS      the chiller reverts to LOCAL when the heartbeat register has not changed
 *                       for this long
 * @param cooldownS      unloaded engine run after the motor took the load back
 * @param motorPickupS   how fast the motor takes the load back from the engine (trip or command)
 */
public record ChillerSpec(
        String id,
        double capacityTons,
        double designKwPerTon,
        double trueLeadTimeS,
        boolean blend,
        double watchdogS,
        double cooldownS,
        double motorPickupS) {

    public static final double DEFAULT_WATCHDOG_S = 60;
    public static final double DEFAULT_COOLDOWN_S = 300;
    public static final double DEFAULT_MOTOR_PICKUP_S = 5;

    public ChillerSpec {
        if (capacityTons <= 0 || designKwPerTon <= 0 || trueLeadTimeS < 10 || watchdogS <= 0
                || cooldownS < 0 || motorPickupS <= 0) {
            throw new IllegalArgumentException("implausible chiller spec " + id);
        }
    }

    public static ChillerSpec of(String id, double tons, double kwPerTon, double leadTimeS) {
        return new ChillerSpec(id, tons, kwPerTon, leadTimeS, true, DEFAULT_WATCHDOG_S, DEFAULT_COOLDOWN_S,
                DEFAULT_MOTOR_PICKUP_S);
    }

    // Start-sequence split of the true lead time: pre-lube, crank, warm-up, then the load ramp.
    public double prelubeS() {
        return 0.40 * trueLeadTimeS;
    }

    public double crankS() {
        return 0.05 * trueLeadTimeS;
    }

    public double warmupS() {
        return 0.35 * trueLeadTimeS;
    }

    /** Seconds for the engine to take 0 → 100 % of the compressor load. */
    public double rampS() {
        return 0.20 * trueLeadTimeS;
    }
}
