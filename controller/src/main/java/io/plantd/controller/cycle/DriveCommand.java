package io.plantd.controller.cycle;

import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;

/**
 * What the cycle wants a chiller to run on this cycle. The actuator writes it only when it
 * differs from what was last written (or the re-assert period ran out), always with its reason.
 */
public record DriveCommand(String chillerId, DriveMode mode, double engineShare, Reason reason, String detail) {
}
