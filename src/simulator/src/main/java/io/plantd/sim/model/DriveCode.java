package io.plantd.sim.model;

/**
 * Drive-mode register codes, shared with plantd's profiles (LOCAL=0 MOTOR=1 ENGINE=2 BLEND=3).
 * Copied as plain ints: the simulator must not depend on the controller module.
 */
public final class DriveCode {
    public static final int LOCAL = 0;
    public static final int MOTOR = 1;
    public static final int ENGINE = 2;
    public static final int BLEND = 3;

    private DriveCode() {
    }

    public static boolean valid(int code) {
        return code >= LOCAL && code <= BLEND;
    }

    public static String name(int code) {
        return switch (code) {
            case LOCAL -> "LOCAL";
            case MOTOR -> "MOTOR";
            case ENGINE -> "ENGINE";
            case BLEND -> "BLEND";
            default -> "?" + code;
        };
    }
}
