package io.plantd.drivers.profile;

import io.plantd.drivers.yaml.YamlValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that need the whole point list: unique names, scale-factor references, overlapping
 * addresses and points inside declared gaps. Addresses in messages use the profile's own
 * numbering ({@code base} 0 or 1) so they match what the author wrote.
 */
final class ProfileChecks {
    private final List<ParsedPoint> points;
    private final List<AddressRange> gaps;
    private final List<YamlValue> gapNodes;
    private final int base;

    ProfileChecks(List<ParsedPoint> points, List<AddressRange> gaps, List<YamlValue> gapNodes, int base) {
        this.points = points;
        this.gaps = gaps;
        this.gapNodes = gapNodes;
        this.base = base;
    }

    void run() {
        Map<String, ParsedPoint> byName = uniqueNames();
        for (int i = 0; i < points.size(); i++) {
            ParsedPoint p = points.get(i);
            if (p.def().address() instanceof ModbusAddress a) {
                checkScaleFactor(p, a, byName);
                checkGaps(p, a);
                for (int j = 0; j < i; j++) {
                    checkOverlap(p, a, points.get(j));
                }
            } else {
                for (int j = 0; j < i; j++) {
                    if (points.get(j).def().address().equals(p.def().address())) {
                        p.addressNode().error("same BACnet object, instance, property and index as point '"
                                + points.get(j).def().name() + "'");
                    }
                }
            }
        }
    }

    private Map<String, ParsedPoint> uniqueNames() {
        Map<String, ParsedPoint> byName = new HashMap<>();
        for (ParsedPoint p : points) {
            ParsedPoint first = byName.putIfAbsent(p.def().name(), p);
            if (first != null) {
                p.nameNode().error("duplicate point name '" + p.def().name() + "' (first at line "
                        + first.nameNode().line() + ")");
            }
        }
        return byName;
    }

    private void checkScaleFactor(ParsedPoint p, ModbusAddress a, Map<String, ParsedPoint> byName) {
        String sf = a.scaleFactorPoint();
        if (sf == null) {
            return;
        }
        YamlValue node = p.scaleFactorNode().orElse(p.nameNode());
        ParsedPoint target = byName.get(sf);
        if (target == null) {
            node.error("refers to point '" + sf + "', which this profile does not declare");
        } else if (target == p) {
            node.error("a point cannot be its own scale factor");
        } else if (!(target.def().address() instanceof ModbusAddress t) || t.type() != DataType.INT16) {
            node.error("scale-factor point '" + sf + "' must be an int16 register (SunSpec sunssf)");
        } else if (t.scaleFactorPoint() != null) {
            node.error("scale-factor point '" + sf + "' has a scale factor itself; chains are not allowed");
        }
    }

    private void checkGaps(ParsedPoint p, ModbusAddress a) {
        for (int g = 0; g < gaps.size(); g++) {
            AddressRange gap = gaps.get(g);
            if (gap.overlaps(a.table(), a.address(), a.end())) {
                p.addressNode().error("lies inside the declared gap " + ProfileLoader.lower(gap.table()) + " "
                        + (gap.first() + base) + ".." + (gap.last() + base) + " (line " + gapNodes.get(g).line()
                        + "), which is never read");
            }
        }
    }

    private void checkOverlap(ParsedPoint p, ModbusAddress a, ParsedPoint other) {
        if (!(other.def().address() instanceof ModbusAddress o) || o.table() != a.table()) {
            return;
        }
        boolean overlap = a.address() < o.end() && o.address() < a.end();
        if (!overlap) {
            return;
        }
        // Several flags packed in one status register are fine, one bit each.
        if (a.bit() >= 0 && o.bit() >= 0 && a.bit() != o.bit()) {
            return;
        }
        String where = a.bit() >= 0 && a.bit() == o.bit() ? "uses the same bit " + a.bit() + " as" : "overlaps";
        p.addressNode().error(where + " point '" + other.def().name() + "' (" + ProfileLoader.lower(o.table()) + " "
                + (o.address() + base) + (o.width() > 1 ? ".." + (o.end() - 1 + base) : "") + ")");
    }
}
