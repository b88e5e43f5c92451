package io.plantd.controller.config;

/**
 * Timing and behaviour of the control cycle and policy.
 *
 * @param periodMs          cycle period, 100..10,000 ms
 * @param releaseDelayS     how long the return-to-motor condition must hold
 * @param reassertS         how often an unchanged drive-mode command is written again
 * @param meterMaxAgeMs     site meter older than this is STALE (fail-safe: treat as overloaded)
 * @param predictionWindowS history the estimator uses for its trend
 * @param overrideDefaultS  expiry of an override that names none
 * @param overrideMaxS      longest expiry accepted for overrides and temporary caps
 * @param spikeSpanS        spike reserve: a rise of the base load within this span is a step
 * @param spikeMemoryS      spike reserve: how long the largest step is kept as headroom (0: off)
 */
public record ControlSettings(
        long periodMs,
        long releaseDelayS,
        long reassertS,
        long meterMaxAgeMs,
        long predictionWindowS,
        long overrideDefaultS,
        long overrideMaxS,
        EconomicSettings economic,
        GridEventSettings gridEvents,
        long spikeSpanS,
        long spikeMemoryS) {

    /** Settings with the default spike reserve ({@link ConfigDefaults#SPIKE_SPAN_S}, {@link ConfigDefaults#SPIKE_MEMORY_S}). */
    public ControlSettings(long periodMs, long releaseDelayS, long reassertS, long meterMaxAgeMs,
                           long predictionWindowS, long overrideDefaultS, long overrideMaxS,
                           EconomicSettings economic, GridEventSettings gridEvents) {
        this(periodMs, releaseDelayS, reassertS, meterMaxAgeMs, predictionWindowS, overrideDefaultS, overrideMaxS,
                economic, gridEvents, ConfigDefaults.SPIKE_SPAN_S, ConfigDefaults.SPIKE_MEMORY_S);
    }
}
