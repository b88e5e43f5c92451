package io.plantd.drivers.bacnet.codec;

/**
 * Names of error classes and codes (clause 18), reject reasons (18.8) and abort reasons (18.9),
 * for the reasons plantd attaches to BAD points. Unlisted numbers are shown as numbers.
 */
public final class Reasons {
    private static final NameTable ERROR_CLASSES = new NameTable()
            .add(0, "device").add(1, "object").add(2, "property").add(3, "resources")
            .add(4, "security").add(5, "services").add(6, "vt").add(7, "communication");

    private static final NameTable ERROR_CODES = new NameTable()
            .add(0, "other")
            .add(2, "configuration-in-progress")
            .add(3, "device-busy")
            .add(9, "invalid-data-type")
            .add(25, "operational-problem")
            .add(27, "read-access-denied")
            .add(31, "unknown-object")
            .add(32, "unknown-property")
            .add(37, "value-out-of-range")
            .add(40, "write-access-denied")
            .add(42, "invalid-array-index")
            .add(44, "not-cov-property")
            .add(45, "optional-functionality-not-supported")
            .add(47, "datatype-not-supported")
            .add(50, "property-is-not-an-array");

    private static final NameTable REJECT = new NameTable()
            .add(0, "other").add(1, "buffer-overflow").add(2, "inconsistent-parameters")
            .add(3, "invalid-parameter-data-type").add(4, "invalid-tag").add(5, "missing-required-parameter")
            .add(6, "parameter-out-of-range").add(7, "too-many-arguments").add(8, "undefined-enumeration")
            .add(9, "unrecognized-service");

    private static final NameTable ABORT = new NameTable()
            .add(0, "other").add(1, "buffer-overflow").add(2, "invalid-apdu-in-this-state")
            .add(3, "preempted-by-higher-priority-task").add(4, "segmentation-not-supported")
            .add(5, "security-error").add(6, "insufficient-security").add(7, "window-size-out-of-range")
            .add(8, "application-exceeded-reply-time").add(9, "out-of-resources").add(10, "tsm-timeout")
            .add(11, "apdu-too-long");

    public static final int ERROR_CLASS_OBJECT = 1;
    public static final int ERROR_CLASS_PROPERTY = 2;
    public static final int ERROR_CLASS_SERVICES = 5;
    public static final int ERROR_CODE_OTHER = 0;
    public static final int ERROR_CODE_INVALID_DATA_TYPE = 9;
    public static final int ERROR_CODE_UNKNOWN_OBJECT = 31;
    public static final int ERROR_CODE_UNKNOWN_PROPERTY = 32;
    public static final int ERROR_CODE_VALUE_OUT_OF_RANGE = 37;
    public static final int ERROR_CODE_WRITE_ACCESS_DENIED = 40;
    public static final int ERROR_CODE_INVALID_ARRAY_INDEX = 42;
    public static final int REJECT_UNRECOGNIZED_SERVICE = 9;
    public static final int REJECT_OTHER = 0;
    public static final int ABORT_OTHER = 0;
    public static final int ABORT_BUFFER_OVERFLOW = 1;
    public static final int ABORT_SEGMENTATION_NOT_SUPPORTED = 4;
    public static final int ABORT_APDU_TOO_LONG = 11;

    private Reasons() {
    }

    public static String errorClass(int number) {
        return ERROR_CLASSES.nameOrNumber(number);
    }

    public static String errorCode(int number) {
        return ERROR_CODES.nameOrNumber(number);
    }

    public static String reject(int number) {
        return REJECT.nameOrNumber(number);
    }

    public static String abort(int number) {
        return ABORT.nameOrNumber(number);
    }
}
