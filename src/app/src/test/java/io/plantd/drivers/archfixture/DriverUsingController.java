package io.plantd.drivers.archfixture;

import io.plantd.controller.policy.DriveMode;

/** Deliberately breaks the layering (test fixture for the architecture rules only). */
public final class DriverUsingController {
    public int localCode() {
        return DriveMode.LOCAL.code();
    }
}
