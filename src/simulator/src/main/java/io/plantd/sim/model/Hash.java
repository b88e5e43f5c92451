package io.plantd.sim.model;

/**
 * Deterministic per-second noise: a hash of (seed, second) rather than a running random stream,
 * so the same scenario gives the same values whatever the step size.
 */
final class Hash {
    private Hash() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    static double uniform(long seed, long second, int stream) {
        long h = mix(seed * 0x9E3779B97F4A7C15L + second * 0xC2B2AE3D27D4EB4FL + stream);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Approximately standard normal (Irwin-Hall with 4 terms, rescaled to unit variance). */
    static double normal(long seed, long second) {
        double sum = uniform(seed, second, 1) + uniform(seed, second, 2) + uniform(seed, second, 3)
                + uniform(seed, second, 4);
        return (sum - 2.0) * Math.sqrt(3.0);
    }
}
