package io.plantd.sim.bacnet;

import io.plantd.drivers.bacnet.codec.BacnetValue;
import io.plantd.drivers.bacnet.codec.ObjectIdentifier;
import io.plantd.drivers.bacnet.codec.ObjectTypes;
import io.plantd.drivers.bacnet.codec.PropertyIds;
import io.plantd.drivers.bacnet.codec.PropertyReference;
import io.plantd.drivers.bacnet.codec.Reasons;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One object of the simulated device. A commandable object (clause 19.2) keeps a 16-slot
 * priority array: Present_Value is the value in the highest (numerically lowest) non-NULL
 * slot, or Relinquish_Default when every slot is NULL. Not thread-safe: the table locks.
 */
public final class SimulatedObject {
    private static final int ERR_PROPERTY = Reasons.ERROR_CLASS_PROPERTY;

    private final ObjectIdentifier id;
    private final Map<Integer, BacnetValue> properties = new TreeMap<>();
    private final boolean commandable;
    private final boolean presentValueWritable;
    private final BacnetValue[] priorityArray = new BacnetValue[16];
    private BacnetValue relinquishDefault;
    private BacnetValue presentValue;
    private final int numberOfStates;

    SimulatedObject(ObjectIdentifier id, String name, BacnetValue initial, boolean commandable,
                    boolean presentValueWritable, int numberOfStates) {
        this.id = id;
        this.commandable = commandable;
        this.presentValueWritable = presentValueWritable || commandable;
        this.numberOfStates = numberOfStates;
        java.util.Arrays.fill(priorityArray, BacnetValue.Null.INSTANCE);
        properties.put(PropertyIds.OBJECT_IDENTIFIER, new BacnetValue.ObjectIdentifierValue(id));
        properties.put(PropertyIds.OBJECT_NAME, new BacnetValue.CharacterStringValue(name));
        properties.put(PropertyIds.OBJECT_TYPE, new BacnetValue.EnumeratedValue(id.type()));
        properties.put(PropertyIds.STATUS_FLAGS, new BacnetValue.BitStringValue(new boolean[4]));
        properties.put(PropertyIds.OUT_OF_SERVICE, new BacnetValue.BooleanValue(false));
        properties.put(36, new BacnetValue.EnumeratedValue(0)); // event-state normal
        if (numberOfStates > 0) {
            properties.put(74, new BacnetValue.UnsignedValue(numberOfStates));
        }
        if (commandable) {
            relinquishDefault = initial;
        } else {
            presentValue = initial;
        }
    }

    public ObjectIdentifier id() {
        return id;
    }

    public boolean isCommandable() {
        return commandable;
    }

    /** The effective Present_Value. */
    public BacnetValue presentValue() {
        if (!commandable) {
            return presentValue;
        }
        for (BacnetValue slot : priorityArray) {
            if (!(slot instanceof BacnetValue.Null)) {
                return slot;
            }
        }
        return relinquishDefault;
    }

    /** Sets a value from the plant model (inputs), bypassing BACnet's write rules. */
    void setFromModel(BacnetValue value) {
        if (commandable) {
            relinquishDefault = value;
        } else {
            presentValue = value;
        }
    }

    /** Slot {@code priority} (1..16) of the priority array, NULL when empty. */
    public BacnetValue prioritySlot(int priority) {
        return priorityArray[priority - 1];
    }

    void setProperty(int property, BacnetValue value) {
        properties.put(property, value);
    }

    List<Integer> propertyIds() {
        List<Integer> ids = new ArrayList<>(properties.keySet());
        ids.add(PropertyIds.PRESENT_VALUE);
        if (commandable) {
            ids.add(PropertyIds.PRIORITY_ARRAY);
            ids.add(PropertyIds.RELINQUISH_DEFAULT);
        }
        Collections.sort(ids);
        return ids;
    }

    PropertyOutcome read(PropertyReference ref) {
        int property = ref.property();
        if (commandable && property == PropertyIds.PRIORITY_ARRAY) {
            if (!ref.hasIndex()) {
                return PropertyOutcome.of(List.of(priorityArray));
            }
            if (ref.arrayIndex() == 0) {
                return PropertyOutcome.of(new BacnetValue.UnsignedValue(16));
            }
            if (ref.arrayIndex() > 16) {
                return PropertyOutcome.error(ERR_PROPERTY, Reasons.ERROR_CODE_INVALID_ARRAY_INDEX);
            }
            return PropertyOutcome.of(priorityArray[ref.arrayIndex() - 1]);
        }
        BacnetValue value;
        if (property == PropertyIds.PRESENT_VALUE) {
            value = presentValue();
        } else if (commandable && property == PropertyIds.RELINQUISH_DEFAULT) {
            value = relinquishDefault;
        } else {
            value = properties.get(property);
        }
        if (value == null) {
            return PropertyOutcome.error(ERR_PROPERTY, Reasons.ERROR_CODE_UNKNOWN_PROPERTY);
        }
        if (ref.hasIndex()) {
            return PropertyOutcome.error(ERR_PROPERTY, 50); // property-is-not-an-array
        }
        return PropertyOutcome.of(value);
    }

    /** Applies a WriteProperty; returns an error outcome or an empty success. */
    PropertyOutcome write(PropertyReference ref, List<BacnetValue> values, int priority) {
        if (values.size() != 1) {
            return PropertyOutcome.error(ERR_PROPERTY, Reasons.ERROR_CODE_INVALID_DATA_TYPE);
        }
        BacnetValue value = values.get(0);
        int property = ref.property();
        if (ref.hasIndex() && !(commandable && property == PropertyIds.PRIORITY_ARRAY)) {
            return PropertyOutcome.error(ERR_PROPERTY, 50);
        }
        if (property == PropertyIds.PRESENT_VALUE && presentValueWritable) {
            if (commandable) {
                int slot = priority < 1 ? 16 : priority; // clause 19.2.2: absent priority means 16
                if (value instanceof BacnetValue.Null) {
                    priorityArray[slot - 1] = BacnetValue.Null.INSTANCE;
                    return PropertyOutcome.of(List.of());
                }
                PropertyOutcome invalid = checkDatatype(value);
                if (invalid != null) {
                    return invalid;
                }
                priorityArray[slot - 1] = value;
            } else {
                PropertyOutcome invalid = value instanceof BacnetValue.Null
                        ? PropertyOutcome.error(ERR_PROPERTY, Reasons.ERROR_CODE_INVALID_DATA_TYPE)
                        : checkDatatype(value);
                if (invalid != null) {
                    return invalid;
                }
                presentValue = value;
            }
            return PropertyOutcome.of(List.of());
        }
        if (commandable && property == PropertyIds.RELINQUISH_DEFAULT) {
            PropertyOutcome invalid = checkDatatype(value);
            if (invalid != null) {
                return invalid;
            }
            relinquishDefault = value;
            return PropertyOutcome.of(List.of());
        }
        if (property == PropertyIds.PRESENT_VALUE || properties.containsKey(property)
                || property == PropertyIds.PRIORITY_ARRAY || property == PropertyIds.RELINQUISH_DEFAULT) {
            return PropertyOutcome.error(ERR_PROPERTY, Reasons.ERROR_CODE_WRITE_ACCESS_DENIED);
        }
        return PropertyOutcome.error(ERR_PROPERTY, Reasons.ERROR_CODE_UNKNOWN_PROPERTY);
    }

    /** Present_Value's datatype per object type (clause 12), and its range. */
    private PropertyOutcome checkDatatype(BacnetValue value) {
        int type = id.type();
        boolean ok;
        boolean inRange = true;
        switch (type) {
            case ObjectTypes.ANALOG_INPUT, ObjectTypes.ANALOG_OUTPUT, ObjectTypes.ANALOG_VALUE ->
                    ok = value instanceof BacnetValue.RealValue;
            case ObjectTypes.BINARY_INPUT, ObjectTypes.BINARY_OUTPUT, ObjectTypes.BINARY_VALUE -> {
                ok = value instanceof BacnetValue.EnumeratedValue;
                inRange = ok && ((BacnetValue.EnumeratedValue) value).value() <= 1;
            }
            case ObjectTypes.MULTI_STATE_INPUT, ObjectTypes.MULTI_STATE_OUTPUT, ObjectTypes.MULTI_STATE_VALUE -> {
                ok = value instanceof BacnetValue.UnsignedValue;
                inRange = ok && ((BacnetValue.UnsignedValue) value).value() >= 1
                        && ((BacnetValue.UnsignedValue) value).value() <= numberOfStates;
            }
            default -> ok = true;
        }
        if (!ok) {
            return PropertyOutcome.error(ERR_PROPERTY, Reasons.ERROR_CODE_INVALID_DATA_TYPE);
        }
        if (!inRange) {
            return PropertyOutcome.error(ERR_PROPERTY, Reasons.ERROR_CODE_VALUE_OUT_OF_RANGE);
        }
        return null;
    }
}
