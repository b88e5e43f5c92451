package io.plantd.drivers.point;

import java.util.Objects;

/** A point of a configured device, for example {@code chiller-1/drive_mode_status}. */
public record PointId(String device, String point) {
    public PointId {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(point, "point");
    }

    public static PointId of(String device, String point) {
        return new PointId(device, point);
    }

    @Override
    public String toString() {
        return device + "/" + point;
    }
}
