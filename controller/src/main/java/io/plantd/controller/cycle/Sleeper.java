package io.plantd.controller.cycle;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits up to the given time. May return early (spurious wake-up, stop request): the loop checks
 * the ticker again after every call. Tests inject one that advances a fake ticker instead.
 */
@FunctionalInterface
public interface Sleeper {
    void sleepNanos(long nanos);

    /** Parks the calling thread; {@code LockSupport.unpark} on it ends the wait at once. */
    static Sleeper parking() {
        return LockSupport::parkNanos;
    }
}
