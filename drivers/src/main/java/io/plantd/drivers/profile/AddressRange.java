package io.plantd.drivers.profile;

/** A declared gap: 0-based wire addresses [first, last] that a batched read must never cover. */
public record AddressRange(RegisterTable table, int first, int last) {
    public boolean overlaps(RegisterTable t, int start, int endExclusive) {
        return t == table && start <= last && endExclusive - 1 >= first;
    }
}
