package io.plantd.controller.config;

import io.plantd.controller.policy.DriveMode;

/** The drive mode written to every chiller on SIGTERM (default LOCAL: hand back to the unit). */
public record ShutdownConfig(DriveMode posture) {
}
