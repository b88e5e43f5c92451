package io.plantd.drivers.bacnet.client;

import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.profile.BacnetAddress;
import io.plantd.drivers.profile.PointDef;
import java.util.OptionalInt;

/**
 * A profile point resolved to wire numbers. Names follow the standard's spelling
 * ({@code analog-value}, {@code present-value}); a decimal number is accepted for
 * vendor-proprietary types and properties.
 */
public record BacnetPoint(PointDef def, PropertyReference reference, int writePriority) {
    /** plantd writes below operators (priority 8) so that they always win (DOMAIN-NOTES). */
    public static final int DEFAULT_WRITE_PRIORITY = 10;

    public static BacnetPoint resolve(PointDef def) {
        if (!(def.address() instanceof BacnetAddress a)) {
            throw new IllegalArgumentException("point " + def.name() + " has no BACnet address");
        }
        int type = number(a.objectType(), ObjectTypes.number(a.objectType()), "object type", def.name());
        int property = number(a.property(), PropertyIds.number(a.property()), "property", def.name());
        int priority = a.writePriority() >= 1 && a.writePriority() <= 16 ? a.writePriority() : DEFAULT_WRITE_PRIORITY;
        if (a.writePriority() != 0 && a.writePriority() != -1 && (a.writePriority() < 1 || a.writePriority() > 16)) {
            throw new IllegalArgumentException("point " + def.name() + ": write priority " + a.writePriority()
                    + " outside 1..16");
        }
        return new BacnetPoint(def, new PropertyReference(new ObjectIdentifier(type, a.instance()), property,
                a.arrayIndex() < 0 ? PropertyReference.NO_INDEX : a.arrayIndex()), priority);
    }

    public String name() {
        return def.name();
    }

    public boolean isCommandablePresentValue() {
        return reference.property() == PropertyIds.PRESENT_VALUE && !reference.hasIndex()
                && ObjectTypes.isCommandable(reference.object().type());
    }

    private static int number(String name, OptionalInt known, String what, String point) {
        if (known.isPresent()) {
            return known.getAsInt();
        }
        if (name != null && name.matches("\\d{1,7}")) {
            return Integer.parseInt(name);
        }
        throw new IllegalArgumentException("point " + point + ": unknown BACnet " + what + " '" + name
                + "' (use the standard's hyphenated name, e.g. analog-value / present-value, or a number)");
    }
}
