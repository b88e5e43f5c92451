package io.plantd.controller.cycle;

/**
 * Receives every cycle's report. Implementations must return at once (enqueue and hand off):
 * they run on the control thread.
 */
public interface CycleListener {
    void onCycle(CycleReport report);

    /** Called once on shutdown after the shutdown posture was written. */
    default void onShutdown() {
    }
}
