package io.plantd.sim.model;

/**
 * Where a chiller's gas engine is in its life cycle. The start sequence PRELUBE → CRANK →
 * WARMUP → RUNNING (share ramping up) takes the unit's true lead time in total; COOLDOWN is the
 * unloaded run after the motor has taken the load back.
 */
public enum EngineStage {
    OFF,
    PRELUBE,
    CRANK,
    WARMUP,
    RUNNING,
    COOLDOWN;

    /** The engine has fired and turns (what the chiller reports as engine_running). */
    public boolean turning() {
        return this == WARMUP || this == RUNNING || this == COOLDOWN;
    }

    public boolean starting() {
        return this == PRELUBE || this == CRANK || this == WARMUP;
    }
}
