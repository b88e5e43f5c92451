package io.plantd.drivers.bacnet.codec;

import java.util.OptionalInt;

/** BACnetPropertyIdentifier numbers (clause 21) for the properties plantd reads and writes. */
public final class PropertyIds {
    public static final int DESCRIPTION = 28;
    public static final int MAX_APDU_LENGTH_ACCEPTED = 62;
    public static final int MODEL_NAME = 70;
    public static final int OBJECT_IDENTIFIER = 75;
    public static final int OBJECT_LIST = 76;
    public static final int OBJECT_NAME = 77;
    public static final int OBJECT_TYPE = 79;
    public static final int OUT_OF_SERVICE = 81;
    public static final int PRESENT_VALUE = 85;
    public static final int PRIORITY_ARRAY = 87;
    public static final int RELIABILITY = 103;
    public static final int RELINQUISH_DEFAULT = 104;
    public static final int SEGMENTATION_SUPPORTED = 107;
    public static final int STATUS_FLAGS = 111;
    public static final int UNITS = 117;
    public static final int VENDOR_IDENTIFIER = 120;
    public static final int VENDOR_NAME = 121;

    private static final NameTable TABLE = new NameTable()
            .add(4, "active-text")
            .add(11, "apdu-timeout")
            .add(12, "application-software-version")
            .add(22, "cov-increment")
            .add(DESCRIPTION, "description")
            .add(36, "event-state")
            .add(44, "firmware-revision")
            .add(46, "inactive-text")
            .add(MAX_APDU_LENGTH_ACCEPTED, "max-apdu-length-accepted")
            .add(65, "max-pres-value")
            .add(69, "min-pres-value")
            .add(MODEL_NAME, "model-name")
            .add(73, "number-of-apdu-retries")
            .add(74, "number-of-states")
            .add(OBJECT_IDENTIFIER, "object-identifier")
            .add(OBJECT_LIST, "object-list")
            .add(OBJECT_NAME, "object-name")
            .add(OBJECT_TYPE, "object-type")
            .add(OUT_OF_SERVICE, "out-of-service")
            .add(84, "polarity")
            .add(PRESENT_VALUE, "present-value")
            .add(PRIORITY_ARRAY, "priority-array")
            .add(98, "protocol-version")
            .add(RELIABILITY, "reliability")
            .add(RELINQUISH_DEFAULT, "relinquish-default")
            .add(SEGMENTATION_SUPPORTED, "segmentation-supported")
            .add(110, "state-text")
            .add(STATUS_FLAGS, "status-flags")
            .add(112, "system-status")
            .add(UNITS, "units")
            .add(VENDOR_IDENTIFIER, "vendor-identifier")
            .add(VENDOR_NAME, "vendor-name")
            .add(139, "protocol-revision");

    private PropertyIds() {
    }

    public static OptionalInt number(String name) {
        return TABLE.number(name);
    }

    public static String name(int number) {
        return TABLE.nameOrNumber(number);
    }
}
