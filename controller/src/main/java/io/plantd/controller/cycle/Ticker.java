package io.plantd.controller.cycle;

/**
 * A monotonic nanosecond source. The loop schedules against it (never the wall clock, which can
 * jump); tests inject a fake one to control time exactly.
 */
@FunctionalInterface
public interface Ticker {
    long nanos();

    static Ticker system() {
        return System::nanoTime;
    }
}
