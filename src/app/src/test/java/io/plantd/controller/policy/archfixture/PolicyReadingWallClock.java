package io.plantd.controller.policy.archfixture;

import java.time.Instant;

/** Deliberately reads the wall clock instead of an injected one (test fixture for the architecture rules only). */
public final class PolicyReadingWallClock {
    public boolean expired(Instant deadline) {
        return Instant.now().isAfter(deadline);
    }
}
