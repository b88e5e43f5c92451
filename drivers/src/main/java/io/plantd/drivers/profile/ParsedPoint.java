package io.plantd.drivers.profile;

import io.plantd.drivers.yaml.YamlValue;
import java.util.Optional;

/** A point as read, with the YAML nodes that cross-point checks report errors at. */
record ParsedPoint(PointDef def, YamlValue nameNode, YamlValue addressNode, Optional<YamlValue> scaleFactorNode) {
}
