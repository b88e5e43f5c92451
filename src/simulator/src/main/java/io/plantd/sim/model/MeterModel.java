package io.plantd.sim.model;

/**
 * The site meter as plantd sees it: the true values, or what a faulty meter shows. Faults:
 * frozen (values stop updating), noise (per-second Gaussian, deterministic from the seed) and a
 * wrong word order (every float is shown as if its two 16-bit words were swapped, which is what a
 * client reading ABCD sees from a meter that sends CDAB). Dropout is a wire fault, kept by
 * {@link PlantModel#responding(String)}.
 */
public final class MeterModel {
    private final long seed;
    private boolean frozen;
    private boolean wordOrderFault;
    private double noiseKw;
    private double siteKw;
    private double itKw;
    private double frequencyHz = 60.0;

    MeterModel(long seed, double noiseKw) {
        this.seed = seed ^ 0x5EED_3E7E_4L;
        this.noiseKw = noiseKw;
    }

    void update(double trueSiteKw, double trueItKw, double trueFrequencyHz, double epochS) {
        if (frozen) {
            return;
        }
        double site = trueSiteKw;
        if (noiseKw > 0) {
            site += noiseKw * Hash.normal(seed, (long) Math.floor(epochS));
        }
        siteKw = wordOrderFault ? swapWords(site) : site;
        itKw = wordOrderFault ? swapWords(trueItKw) : trueItKw;
        frequencyHz = wordOrderFault ? swapWords(trueFrequencyHz) : trueFrequencyHz;
    }

    /** The float a client decodes when the two words of {@code value}'s float32 arrive swapped. */
    public static double swapWords(double value) {
        int bits = Float.floatToRawIntBits((float) value);
        return Float.intBitsToFloat((bits << 16) | (bits >>> 16));
    }

    public void setFrozen(boolean on) {
        frozen = on;
    }

    public void setWordOrderFault(boolean on) {
        wordOrderFault = on;
    }

    public void setNoiseKw(double sigmaKw) {
        noiseKw = sigmaKw;
    }

    public boolean frozen() {
        return frozen;
    }

    public boolean wordOrderFault() {
        return wordOrderFault;
    }

    public double noiseKw() {
        return noiseKw;
    }

    public double siteKw() {
        return siteKw;
    }

    public double itKw() {
        return itKw;
    }

    public double frequencyHz() {
        return frequencyHz;
    }
}
