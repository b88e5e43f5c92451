package io.plantd.app.soak;

import io.plantd.sim.model.PlantModel;

/**
 * One injected fault: what, on which unit (a chiller id, "meter", or a device id for a dropout),
 * from when (seconds into the soak) and for how long (0: momentary).
 */
public record Fault(Kind kind, String target, long atS, long durationS) {
    public enum Kind {
        METER_FREEZE,
        ENGINE_START_FAILURE,
        ENGINE_TRIP,
        GAS_LOSS,
        /** The device stops answering: its points age to STALE/BAD in the process image. */
        DEVICE_TIMEOUT
    }

    public long endS() {
        return atS + durationS;
    }

    void apply(PlantModel model, boolean on) {
        switch (kind) {
            case METER_FREEZE -> model.meter().setFrozen(on);
            case ENGINE_START_FAILURE -> model.chiller(target).setStartFailureFault(on);
            case ENGINE_TRIP -> {
                if (on) {
                    model.chiller(target).trip();
                }
            }
            case GAS_LOSS -> model.chiller(target).setGasLoss(on);
            case DEVICE_TIMEOUT -> model.setDropout(target, on);
        }
    }

    /** Whether {@code alarmId} is the alarm plantd should raise for this fault, when the fault is exercised. */
    boolean expects(String alarmId) {
        return switch (kind) {
            case METER_FREEZE -> alarmId.equals("meter-stale");
            case ENGINE_START_FAILURE -> alarmId.equals("engine-fail-to-start-" + target);
            case ENGINE_TRIP -> alarmId.equals("engine-trip-" + target);
            // one unit losing gas: its own warning (and a trip or lock-out if it was running); every unit: the site alarm
            case GAS_LOSS -> alarmId.equals("gas-loss") || alarmId.equals("gas-low-" + target)
                    || alarmId.equals("engine-trip-" + target) || alarmId.equals("engine-lockout-" + target);
            case DEVICE_TIMEOUT -> alarmId.equals(target.equals("meter") ? "meter-stale" : "chiller-stale-" + target);
        };
    }
}
