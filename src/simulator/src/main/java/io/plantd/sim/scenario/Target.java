package io.plantd.sim.scenario;

import io.plantd.sim.model.PlantModel;

/**
 * A quantity a timeline can {@code set} or {@code ramp}. Grid event times are given in seconds
 * from the scenario start (−1 = none) and published as epoch seconds.
 */
public enum Target {
    IT_OFFSET_KW("itOffsetKw", true, -100_000, 100_000),
    IT_SCALE("itScale", true, 0, 10),
    OUTDOOR_OFFSET_C("outdoorOffsetC", true, -40, 40),
    OTHER_FIXED_KW("otherFixedKw", true, 0, 100_000),
    METER_NOISE_KW("meterNoiseKw", true, 0, 10_000),
    EVENT_LEVEL("eventLevel", false, 0, 3),
    CAP_LIMIT_KW("capLimitKw", false, 0, 1_000_000),
    PRICE_ELECTRICITY("priceElectricity", true, -10, 100),
    PRICE_GAS("priceGas", true, 0, 100),
    EVENT_START_AT_S("eventStartAtS", false, -1, 10L * 366 * 86400),
    EVENT_END_AT_S("eventEndAtS", false, -1, 10L * 366 * 86400),
    FREQUENCY_HZ("frequencyHz", true, 40, 70),
    OUTAGE("outage", false, 0, 1);

    private final String key;
    private final boolean rampable;
    private final double min;
    private final double max;

    Target(String key, boolean rampable, double min, double max) {
        this.key = key;
        this.rampable = rampable;
        this.min = min;
        this.max = max;
    }

    public String key() {
        return key;
    }

    public boolean rampable() {
        return rampable;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Whole numbers only (levels, flags, times). */
    public boolean integral() {
        return this == EVENT_LEVEL || this == OUTAGE || this == EVENT_START_AT_S || this == EVENT_END_AT_S;
    }

    public static java.util.Optional<Target> byKey(String key) {
        for (Target t : values()) {
            if (t.key.equals(key)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    public static java.util.List<String> keys() {
        return java.util.Arrays.stream(values()).map(Target::key).toList();
    }

    double read(PlantModel m, long startEpochS) {
        return switch (this) {
            case IT_OFFSET_KW -> m.itOffsetKw();
            case IT_SCALE -> m.itScale();
            case OUTDOOR_OFFSET_C -> m.outdoorOffsetC();
            case OTHER_FIXED_KW -> m.otherFixedKw();
            case METER_NOISE_KW -> m.meter().noiseKw();
            case EVENT_LEVEL -> m.grid().eventLevel();
            case CAP_LIMIT_KW -> m.grid().capLimitKw();
            case PRICE_ELECTRICITY -> m.grid().priceElectricity();
            case PRICE_GAS -> m.grid().priceGas();
            case EVENT_START_AT_S -> m.grid().eventStartEpochS() == 0 ? -1 : m.grid().eventStartEpochS() - startEpochS;
            case EVENT_END_AT_S -> m.grid().eventEndEpochS() == 0 ? -1 : m.grid().eventEndEpochS() - startEpochS;
            case FREQUENCY_HZ -> m.grid().frequencyHz();
            case OUTAGE -> m.grid().outage() ? 1 : 0;
        };
    }

    void apply(PlantModel m, long startEpochS, double v) {
        switch (this) {
            case IT_OFFSET_KW -> m.setItOffsetKw(v);
            case IT_SCALE -> m.setItScale(v);
            case OUTDOOR_OFFSET_C -> m.setOutdoorOffsetC(v);
            case OTHER_FIXED_KW -> m.setOtherFixedKw(v);
            case METER_NOISE_KW -> m.meter().setNoiseKw(v);
            case EVENT_LEVEL -> m.grid().setEventLevel((int) v);
            case CAP_LIMIT_KW -> m.grid().setCapLimitKw(v);
            case PRICE_ELECTRICITY -> m.grid().setPriceElectricity(v);
            case PRICE_GAS -> m.grid().setPriceGas(v);
            case EVENT_START_AT_S -> m.grid().setEventStartEpochS(v < 0 ? 0 : startEpochS + (long) v);
            case EVENT_END_AT_S -> m.grid().setEventEndEpochS(v < 0 ? 0 : startEpochS + (long) v);
            case FREQUENCY_HZ -> m.grid().setFrequencyHz(v);
            case OUTAGE -> m.grid().setOutage(v != 0);
        }
    }
}
