package io.plantd.sim.scenario;

/** Scripted faults. {@link Scope} says what the fault is aimed at. */
public enum FaultType {
    /** Every engine start of the chiller fails at the end of cranking until cleared. */
    ENGINE_START_FAILURE("engine-start-failure", Scope.CHILLER, true),
    /** Momentary: the engine stops at once and the motor takes the load back. */
    ENGINE_TRIP("engine-trip", Scope.CHILLER, false),
    /** Low gas pressure on one chiller, or on every chiller when none is named. */
    GAS_PRESSURE_LOSS("gas-pressure-loss", Scope.CHILLER_OR_ALL, true),
    /** The chiller stops and delivers no cooling. */
    CHILLER_FAULT("chiller-fault", Scope.CHILLER, true),
    /** The meter's values stop updating (the device still answers). */
    METER_FREEZE("meter-freeze", Scope.METER, true),
    /** Gaussian noise on the meter's site power ({@code sigmaKw}). */
    METER_NOISE("meter-noise", Scope.METER, true),
    /** The meter sends its floats with the two words swapped. */
    METER_WORD_ORDER("meter-word-order", Scope.METER, true),
    /** A device stops answering on the wire: meter, grid or a chiller id. */
    DROPOUT("dropout", Scope.DEVICE, true);

    public enum Scope {
        CHILLER,
        CHILLER_OR_ALL,
        METER,
        DEVICE
    }

    private final String key;
    private final Scope scope;
    private final boolean clearable;

    FaultType(String key, Scope scope, boolean clearable) {
        this.key = key;
        this.scope = scope;
        this.clearable = clearable;
    }

    public String key() {
        return key;
    }

    public Scope scope() {
        return scope;
    }

    public boolean clearable() {
        return clearable;
    }

    public static java.util.Optional<FaultType> byKey(String key) {
        for (FaultType t : values()) {
            if (t.key.equals(key)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    public static java.util.List<String> keys() {
        return java.util.Arrays.stream(values()).map(FaultType::key).toList();
    }
}
