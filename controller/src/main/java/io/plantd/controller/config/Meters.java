package io.plantd.controller.config;

import io.plantd.drivers.point.PointId;
import java.util.Optional;

/**
 * Which points measure the site. {@code site} is the utility-side total the cap applies to;
 * {@code it} (optional) measures IT load directly, otherwise it is estimated.
 */
public record Meters(PointId site, Optional<PointId> it, double otherLoadKw) {
}
