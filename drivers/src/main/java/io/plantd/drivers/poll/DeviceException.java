package io.plantd.drivers.poll;

/** A device-level failure with a readable reason; the device's points become BAD with it. */
public class DeviceException extends Exception {
    private final FailureKind kind;

    public DeviceException(FailureKind kind, String reason) {
        this(kind, reason, null);
    }

    public DeviceException(FailureKind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }
}
