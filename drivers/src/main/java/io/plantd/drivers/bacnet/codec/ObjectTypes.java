package io.plantd.drivers.bacnet.codec;

import java.util.OptionalInt;

/** BACnetObjectType numbers (clause 21) for the objects chillers, meters and gateways expose. */
public final class ObjectTypes {
    public static final int ANALOG_INPUT = 0;
    public static final int ANALOG_OUTPUT = 1;
    public static final int ANALOG_VALUE = 2;
    public static final int BINARY_INPUT = 3;
    public static final int BINARY_OUTPUT = 4;
    public static final int BINARY_VALUE = 5;
    public static final int DEVICE = 8;
    public static final int MULTI_STATE_INPUT = 13;
    public static final int MULTI_STATE_OUTPUT = 14;
    public static final int MULTI_STATE_VALUE = 19;

    private static final NameTable TABLE = new NameTable()
            .add(ANALOG_INPUT, "analog-input")
            .add(ANALOG_OUTPUT, "analog-output")
            .add(ANALOG_VALUE, "analog-value")
            .add(BINARY_INPUT, "binary-input")
            .add(BINARY_OUTPUT, "binary-output")
            .add(BINARY_VALUE, "binary-value")
            .add(6, "calendar")
            .add(7, "command")
            .add(DEVICE, "device")
            .add(9, "event-enrollment")
            .add(10, "file")
            .add(11, "group")
            .add(12, "loop")
            .add(MULTI_STATE_INPUT, "multi-state-input")
            .add(MULTI_STATE_OUTPUT, "multi-state-output")
            .add(15, "notification-class")
            .add(16, "program")
            .add(17, "schedule")
            .add(18, "averaging")
            .add(MULTI_STATE_VALUE, "multi-state-value")
            .add(20, "trend-log")
            .add(23, "accumulator")
            .add(24, "pulse-converter")
            .add(45, "integer-value")
            .add(46, "large-analog-value")
            .add(48, "positive-integer-value");

    private ObjectTypes() {
    }

    public static OptionalInt number(String name) {
        return TABLE.number(name);
    }

    public static String name(int number) {
        return TABLE.nameOrNumber(number);
    }

    /** Objects whose Present_Value is commandable through a priority array (clause 19.2). */
    public static boolean isCommandable(int type) {
        return type == ANALOG_OUTPUT || type == BINARY_OUTPUT || type == MULTI_STATE_OUTPUT
                || type == ANALOG_VALUE || type == BINARY_VALUE || type == MULTI_STATE_VALUE
                || type == 45 || type == 46 || type == 48;
    }
}
