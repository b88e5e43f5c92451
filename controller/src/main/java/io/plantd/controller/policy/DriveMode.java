package io.plantd.controller.policy;

/**
 * The command per chiller. The register codes are the ones every shipped chiller profile
 * uses for {@code drive_mode_cmd} and {@code drive_mode_status}.
 */
public enum DriveMode {
    /** plantd hands control back to the chiller's own controls. */
    LOCAL(0),
    MOTOR(1),
    ENGINE(2),
    /** Engine and motor together at a set engine share (units that support it). */
    BLEND(3);

    /** values() copies the array on every call; fromCode runs for every chiller every cycle. */
    private static final DriveMode[] ALL = values();

    private final int code;

    DriveMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static java.util.Optional<DriveMode> fromCode(double code) {
        for (DriveMode m : ALL) {
            if (m.code == code) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
