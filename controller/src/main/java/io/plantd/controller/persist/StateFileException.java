package io.plantd.controller.persist;

/** A state file that cannot be trusted: unreadable, truncated, wrong schema or an invalid field. */
public final class StateFileException extends Exception {
    public StateFileException(String message) {
        super(message);
    }

    public StateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
