package io.plantd.drivers.profile;

/** What a profile describes; the site config uses it to check a device fits its role. */
public enum DeviceKind {
    CHILLER,
    METER,
    GRID_GATEWAY,
    OTHER
}
