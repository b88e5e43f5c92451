package io.plantd.drivers.point;

/** How far a point's value can be trusted. Anything but GOOD must never be read as a number. */
public enum Quality {
    GOOD,
    /** Older than the point's max age. */
    STALE,
    /** Device error, sentinel ("not implemented") value, or outside the profile's limits. */
    BAD,
    /** Never read, or not configured. */
    MISSING;

    public boolean usable() {
        return this == GOOD;
    }
}
