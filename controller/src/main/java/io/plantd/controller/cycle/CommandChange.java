package io.plantd.controller.cycle;

import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;

/** A drive-mode command that changed this cycle, with the reason and the numbers behind it. */
public record CommandChange(String chillerId, DriveMode from, DriveMode to, double engineShare,
                            Reason reason, String detail) {
}
