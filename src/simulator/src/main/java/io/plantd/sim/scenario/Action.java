package io.plantd.sim.scenario;

/** What a timeline entry does. */
public sealed interface Action {
    /** Sets {@code target} to {@code value} at once. */
    record Set(Target target, double value) implements Action {
    }

    /** Moves {@code target} linearly from its current value to {@code value} over {@code overS}. */
    record Ramp(Target target, double value, double overS) implements Action {
    }

    /**
     * Raises ({@code on}) or clears a fault. {@code subject} is a chiller or device id, or empty for
     * every chiller (gas loss) or the meter. {@code sigmaKw} is used by meter noise.
     */
    record Fault(FaultType type, String subject, boolean on, double sigmaKw) implements Action {
    }
}
