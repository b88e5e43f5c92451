package io.plantd.controller.estimate;

/**
 * Spots a meter whose value stopped changing while the plant behind it did: the same site
 * reading for {@code limitMs} although the loads it totals (IT meter, chiller motor kW) moved
 * means the meter, or a gateway cache in front of it, is frozen. It must then be treated like a
 * stale meter, not trusted as a steady load. A plant that is truly still is never flagged.
 */
public final class FrozenValueDetector {
    /** Six times the default max age: any live meter moves within it; a real freeze lasts far longer. */
    public static final long DEFAULT_LIMIT_MS = 30_000;
    /** How far the witnessed loads must move for the frozen total to be implausible. */
    public static final double WITNESS_TOLERANCE_KW = 1.0;

    private final long limitMs;
    private double lastValue = Double.NaN;
    private double witnessAtStart = Double.NaN;
    private long unchangedSinceMs;

    public FrozenValueDetector(long limitMs) {
        this.limitMs = limitMs;
    }

    /**
     * @param witness the sum of independently measured loads inside the total (NaN if none)
     * @return how long the value has been frozen (≥ the limit), or 0 if it is not frozen
     */
    public long frozenForMs(double value, double witness, long nowMs) {
        if (Double.compare(value, lastValue) != 0 || Double.isNaN(witnessAtStart)) {
            lastValue = value;
            witnessAtStart = witness;
            unchangedSinceMs = nowMs;
            return 0;
        }
        long unchanged = nowMs - unchangedSinceMs;
        boolean plantMoved = Math.abs(witness - witnessAtStart) > WITNESS_TOLERANCE_KW;
        return unchanged >= limitMs && plantMoved ? unchanged : 0;
    }
}
