package io.plantd.sim.bacnet;

import io.plantd.drivers.bacnet.client.BacnetPoint;
import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.IAm;
import io.plantd.drivers.bacnet.codec.MaxApdu;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.Reasons;
import io.plantd.drivers.profile.DeviceProfile;
import io.plantd.drivers.profile.PointDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects a simulated BACnet device serves, including its Device object. Thread-safe: the
 * device's receive thread and the plant model (through {@link #setPoint} / {@link #point})
 * may use it at once. Build one from a profile with {@link #fromProfile} so that the plant
 * model can read commands and publish measurements by point name.
 */
public final class BacnetObjectTable {
    private final Map<ObjectIdentifier, SimulatedObject> objects = new LinkedHashMap<>();
    private final Map<String, ObjectIdentifier> pointObjects = new LinkedHashMap<>();
    private final ObjectIdentifier device;
    private final List<java.util.function.Consumer<ObjectIdentifier>> changeListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public BacnetObjectTable(int deviceInstance, String deviceName) {
        this(deviceInstance, deviceName, MaxApdu.BACNET_IP);
    }

    public BacnetObjectTable(int deviceInstance, String deviceName, int maxApdu) {
        device = new ObjectIdentifier(ObjectTypes.DEVICE, deviceInstance);
        SimulatedObject dev = new SimulatedObject(device, deviceName, new BacnetValue.EnumeratedValue(0), false, false, 0);
        dev.setProperty(PropertyIds.VENDOR_IDENTIFIER, new BacnetValue.UnsignedValue(999));
        dev.setProperty(PropertyIds.VENDOR_NAME, new BacnetValue.CharacterStringValue("plantd simulator"));
        dev.setProperty(PropertyIds.MODEL_NAME, new BacnetValue.CharacterStringValue("sim-hybrid-chiller"));
        dev.setProperty(PropertyIds.MAX_APDU_LENGTH_ACCEPTED, new BacnetValue.UnsignedValue(maxApdu));
        dev.setProperty(PropertyIds.SEGMENTATION_SUPPORTED, new BacnetValue.EnumeratedValue(IAm.NO_SEGMENTATION));
        dev.setProperty(98, new BacnetValue.UnsignedValue(1)); // protocol-version
        dev.setProperty(139, new BacnetValue.UnsignedValue(14)); // protocol-revision
        dev.setProperty(112, new BacnetValue.EnumeratedValue(0)); // system-status operational
        objects.put(device, dev);
    }

    /**
     * A table serving every point of a BACnet profile: writable present-values of commandable
     * types become commandable objects (relinquish default = {@code initial}), the rest plain.
     */
    public static BacnetObjectTable fromProfile(int deviceInstance, DeviceProfile profile, Map<String, Double> initial) {
        BacnetObjectTable table = new BacnetObjectTable(deviceInstance, profile.name());
        for (PointDef def : profile.points()) {
            BacnetPoint p = BacnetPoint.resolve(def);
            if (p.reference().property() != PropertyIds.PRESENT_VALUE || p.reference().hasIndex()) {
                continue; // the plant model only drives present-values
            }
            ObjectIdentifier id = p.reference().object();
            double v = initial.getOrDefault(def.name(), 0.0);
            boolean commandable = def.writable() && ObjectTypes.isCommandable(id.type());
            table.add(id, def.name(), encode(id.type(), v), commandable, def.writable(), 8);
        }
        return table;
    }

    public synchronized BacnetObjectTable addAnalogInput(int instance, String name, float value) {
        return add(new ObjectIdentifier(ObjectTypes.ANALOG_INPUT, instance), name,
                new BacnetValue.RealValue(value), false, false, 0);
    }

    /** An analog value, commandable (priority array) or plainly writable. */
    public synchronized BacnetObjectTable addAnalogValue(int instance, String name, float relinquishDefault,
                                                         boolean commandable) {
        return add(new ObjectIdentifier(ObjectTypes.ANALOG_VALUE, instance), name,
                new BacnetValue.RealValue(relinquishDefault), commandable, true, 0);
    }

    public synchronized BacnetObjectTable addBinaryInput(int instance, String name, boolean active) {
        return add(new ObjectIdentifier(ObjectTypes.BINARY_INPUT, instance), name,
                new BacnetValue.EnumeratedValue(active ? 1 : 0), false, false, 0);
    }

    public synchronized BacnetObjectTable addBinaryValue(int instance, String name, boolean active, boolean commandable) {
        return add(new ObjectIdentifier(ObjectTypes.BINARY_VALUE, instance), name,
                new BacnetValue.EnumeratedValue(active ? 1 : 0), commandable, true, 0);
    }

    public synchronized BacnetObjectTable addMultiStateValue(int instance, String name, int states, int relinquishDefault) {
        return add(new ObjectIdentifier(ObjectTypes.MULTI_STATE_VALUE, instance), name,
                new BacnetValue.UnsignedValue(relinquishDefault), true, true, states);
    }

    private synchronized BacnetObjectTable add(ObjectIdentifier id, String name, BacnetValue initial,
                                               boolean commandable, boolean writable, int states) {
        if (objects.containsKey(id)) {
            throw new IllegalArgumentException("object " + id + " already exists");
        }
        objects.put(id, new SimulatedObject(id, name, initial, commandable, writable, states));
        pointObjects.putIfAbsent(name, id); // the object name doubles as the point name
        return this;
    }

    public ObjectIdentifier deviceId() {
        return device;
    }

    public synchronized int maxApdu() {
        return (int) ((BacnetValue.UnsignedValue) objects.get(device)
                .read(PropertyReference.of(device, PropertyIds.MAX_APDU_LENGTH_ACCEPTED)).values().get(0)).value();
    }

    // ---- plant-model side ----

    /** Called (outside the table's lock) with an object whose Present_Value changed. */
    public void onPresentValueChange(java.util.function.Consumer<ObjectIdentifier> listener) {
        changeListeners.add(listener);
    }

    /** Publishes a measurement into a point's object (bypassing BACnet write rules). */
    public void setPoint(String point, double value) {
        ObjectIdentifier id;
        boolean changed;
        synchronized (this) {
            id = pointObject(point);
            BacnetValue before = objects.get(id).presentValue();
            objects.get(id).setFromModel(encode(id.type(), value));
            changed = !before.equals(objects.get(id).presentValue());
        }
        fireIfChanged(changed, id);
    }

    /** A point's effective Present_Value as a number (for a commandable one: the winning slot). */
    public synchronized double point(String point) {
        return presentValue(pointObject(point));
    }

    public void setPresentValue(ObjectIdentifier id, BacnetValue value) {
        boolean changed;
        synchronized (this) {
            BacnetValue before = object(id).presentValue();
            object(id).setFromModel(value);
            changed = !before.equals(object(id).presentValue());
        }
        fireIfChanged(changed, id);
    }

    private void fireIfChanged(boolean changed, ObjectIdentifier id) {
        if (changed) {
            changeListeners.forEach(l -> l.accept(id));
        }
    }

    public synchronized boolean exists(ObjectIdentifier id) {
        return objects.containsKey(id);
    }

    public synchronized double presentValue(ObjectIdentifier id) {
        return object(id).presentValue().asDouble().orElse(Double.NaN);
    }

    /** Slot {@code priority} of a commandable object's priority array, NaN when NULL. */
    public synchronized double prioritySlot(ObjectIdentifier id, int priority) {
        return object(id).prioritySlot(priority).asDouble().orElse(Double.NaN);
    }

    public synchronized Optional<ObjectIdentifier> objectOf(String point) {
        return Optional.ofNullable(pointObjects.get(point));
    }

    // ---- BACnet side ----

    public synchronized PropertyOutcome read(PropertyReference ref) {
        SimulatedObject o = objects.get(ref.object());
        if (o == null) {
            return PropertyOutcome.error(Reasons.ERROR_CLASS_OBJECT, Reasons.ERROR_CODE_UNKNOWN_OBJECT);
        }
        if (ref.object().equals(device) && ref.property() == PropertyIds.OBJECT_LIST) {
            List<BacnetValue> list = new ArrayList<>();
            objects.keySet().forEach(id -> list.add(new BacnetValue.ObjectIdentifierValue(id)));
            if (!ref.hasIndex()) {
                return PropertyOutcome.of(list);
            }
            if (ref.arrayIndex() == 0) {
                return PropertyOutcome.of(new BacnetValue.UnsignedValue(list.size()));
            }
            return ref.arrayIndex() <= list.size() ? PropertyOutcome.of(list.get(ref.arrayIndex() - 1))
                    : PropertyOutcome.error(Reasons.ERROR_CLASS_PROPERTY, Reasons.ERROR_CODE_INVALID_ARRAY_INDEX);
        }
        return o.read(ref);
    }

    public PropertyOutcome write(PropertyReference ref, List<BacnetValue> values, int priority) {
        PropertyOutcome outcome;
        boolean changed = false;
        synchronized (this) {
            SimulatedObject o = objects.get(ref.object());
            if (o == null) {
                return PropertyOutcome.error(Reasons.ERROR_CLASS_OBJECT, Reasons.ERROR_CODE_UNKNOWN_OBJECT);
            }
            if (ref.object().equals(device)) {
                return PropertyOutcome.error(Reasons.ERROR_CLASS_PROPERTY, Reasons.ERROR_CODE_WRITE_ACCESS_DENIED);
            }
            BacnetValue before = o.presentValue();
            outcome = o.write(ref, values, priority);
            changed = !before.equals(o.presentValue());
        }
        fireIfChanged(changed, ref.object());
        return outcome;
    }

    private SimulatedObject object(ObjectIdentifier id) {
        SimulatedObject o = objects.get(id);
        if (o == null) {
            throw new IllegalArgumentException("no object " + id);
        }
        return o;
    }

    private ObjectIdentifier pointObject(String point) {
        ObjectIdentifier id = pointObjects.get(point);
        if (id == null) {
            throw new IllegalArgumentException("no point " + point + " in this object table");
        }
        return id;
    }

    private static BacnetValue encode(int type, double v) {
        return switch (type) {
            case ObjectTypes.BINARY_INPUT, ObjectTypes.BINARY_OUTPUT, ObjectTypes.BINARY_VALUE ->
                    new BacnetValue.EnumeratedValue(v != 0 ? 1 : 0);
            case ObjectTypes.MULTI_STATE_INPUT, ObjectTypes.MULTI_STATE_OUTPUT, ObjectTypes.MULTI_STATE_VALUE ->
                    new BacnetValue.UnsignedValue(Math.max(1, Math.round(v)));
            default -> new BacnetValue.RealValue((float) v);
        };
    }
}
