package io.plantd.drivers.profile;

import java.util.List;
import java.util.Optional;

/** A device type's point map, loaded from {@code config/profiles/NAME.yaml}. */
public record DeviceProfile(
        String name,
        String description,
        Protocol protocol,
        DeviceKind kind,
        List<PointDef> points,
        List<AddressRange> gaps) {

    public DeviceProfile {
        points = List.copyOf(points);
        gaps = List.copyOf(gaps);
    }

    public Optional<PointDef> point(String pointName) {
        return points.stream().filter(p -> p.name().equals(pointName)).findFirst();
    }
}
