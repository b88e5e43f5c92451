package io.plantd.sim.model;

/**
 * What the grid-signal gateway publishes. Set by the scenario timeline. Times are epoch seconds,
 * 0 meaning "none"; a cap limit of 0 means "no limit".
 */
public final class GridModel {
    private int eventLevel;
    private double capLimitKw;
    private double priceElectricity = 0.10;
    private double priceGas = 0.80;
    private long eventStartEpochS;
    private long eventEndEpochS;
    private double frequencyHz = 60.0;
    private boolean outage;

    /** The grid-imposed limit in force at {@code epochS}, or +∞ when there is none. */
    public double limitAt(double epochS) {
        if (capLimitKw <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        boolean started = eventStartEpochS == 0 || epochS >= eventStartEpochS;
        boolean ended = eventEndEpochS != 0 && epochS >= eventEndEpochS;
        return started && !ended ? capLimitKw : Double.POSITIVE_INFINITY;
    }

    public int eventLevel() {
        return eventLevel;
    }

    public void setEventLevel(int level) {
        if (level < 0 || level > 3) {
            throw new IllegalArgumentException("event level must be 0..3, got " + level);
        }
        eventLevel = level;
    }

    public double capLimitKw() {
        return capLimitKw;
    }

    public void setCapLimitKw(double kw) {
        capLimitKw = kw;
    }

    public double priceElectricity() {
        return priceElectricity;
    }

    public void setPriceElectricity(double perKwh) {
        priceElectricity = perKwh;
    }

    public double priceGas() {
        return priceGas;
    }

    public void setPriceGas(double perTherm) {
        priceGas = perTherm;
    }

    public long eventStartEpochS() {
        return eventStartEpochS;
    }

    public void setEventStartEpochS(long epochS) {
        eventStartEpochS = epochS;
    }

    public long eventEndEpochS() {
        return eventEndEpochS;
    }

    public void setEventEndEpochS(long epochS) {
        eventEndEpochS = epochS;
    }

    public double frequencyHz() {
        return frequencyHz;
    }

    public void setFrequencyHz(double hz) {
        frequencyHz = hz;
    }

    public boolean outage() {
        return outage;
    }

    public void setOutage(boolean on) {
        outage = on;
    }
}
