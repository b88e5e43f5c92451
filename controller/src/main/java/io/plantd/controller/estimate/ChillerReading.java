package io.plantd.controller.estimate;

import io.plantd.controller.policy.DriveMode;

/**
 * One chiller's points from the frozen process image as typed values. Booleans that could not
 * be read are resolved to the value that keeps the engine out of dispatch (not ready, gas low,
 * fault), never to "all well". {@code motorKw} is the electrical draw now (measured, or estimated
 * from the drive status); {@code motorEquivalentKw} is what the motor would draw carrying the
 * present cooling load (the kW a move to engine removes, or a return to motor adds).
 */
public record ChillerReading(
        String id,
        boolean stale,
        String staleBecause,
        DriveMode actualMode,
        double motorKw,
        boolean motorKwMeasured,
        double motorEquivalentKw,
        double coolingTons,
        boolean engineReady,
        boolean engineRunning,
        /** engine_running was readable; a trip is only declared on a readable "not running". */
        boolean engineRunningKnown,
        boolean engineStartFailed,
        boolean gasPressureLow,
        /** gas_pressure_low read as 1 (not merely unreadable): what stops a running engine. */
        boolean gasPressureLowConfirmed,
        boolean fault) {

    public boolean onEngineSide() {
        return actualMode == DriveMode.ENGINE || actualMode == DriveMode.BLEND;
    }
}
