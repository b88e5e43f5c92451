package io.plantd.controller.cycle;

import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;

/** One chiller as the cycle saw and commanded it; {@code actual} is null until its drive mode was read. */
public record ChillerStatus(
        String id,
        DriveMode commanded,
        DriveMode actual,
        double engineShare,
        double motorKw,
        Reason reason,
        String reasonDetail,
        boolean eligible,
        String ineligibleBecause,
        boolean stale,
        long engineStarts,
        double engineRunSeconds,
        double learnedLeadTimeS,
        boolean overridden) {
}
