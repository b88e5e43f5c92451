package io.plantd.drivers.bacnet.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A two-way table between BACnet's hyphenated names (as in the standard) and their numbers. */
final class NameTable {
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<Integer, String> byNumber = new HashMap<>();

    NameTable add(int number, String name) {
        if (byName.put(name, number) != null || byNumber.put(number, name) != null) {
            throw new IllegalStateException("duplicate entry " + number + " " + name);
        }
        return this;
    }

    OptionalInt number(String name) {
        Integer n = byName.get(name);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    Optional<String> name(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** The name, or the number itself for values the table does not list (e.g. proprietary ones). */
    String nameOrNumber(int number) {
        return name(number).orElse(Integer.toString(number));
    }
}
