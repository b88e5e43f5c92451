package io.plantd.app.bench;

import java.nio.file.Path;

/**
 * The cycle benchmark's plant as its daemon sees it: a site file to load, plus the switch that
 * starts the measured phase (the meter's demand sine and the count of drive-mode writes).
 * Either hosted in the benchmark's JVM ({@link CycleSiteInJvm}) or in a child JVM of its own
 * ({@link CycleSiteProcess}), as a real site's devices are not in the daemon's process.
 */
interface CycleSite extends AutoCloseable {
    Path siteFile();

    /** Starts the demand sine and counting drive-mode writes. */
    void measure() throws Exception;

    /** Stops counting; returns the drive-mode writes the chillers saw since {@link #measure}. */
    long stop() throws Exception;

    @Override
    void close();
}
