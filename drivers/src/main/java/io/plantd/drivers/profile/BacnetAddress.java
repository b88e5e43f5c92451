package io.plantd.drivers.profile;

/**
 * A BACnet property. {@code arrayIndex} is -1 for the whole property; {@code writePriority}
 * 1..16 is used for commandable objects (plantd's default is 10, below operators at 8).
 */
public record BacnetAddress(
        String objectType,
        int instance,
        String property,
        int arrayIndex,
        int writePriority) implements PointAddress {
}
