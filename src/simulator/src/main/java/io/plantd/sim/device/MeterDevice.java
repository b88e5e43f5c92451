package io.plantd.sim.device;

import io.plantd.drivers.profile.DeviceKind;
import io.plantd.sim.model.PlantModel;

/** The simulated site meter's points (what the meter shows, faults included). Read-only. */
public final class MeterDevice implements SimDevice {
    public static final String ID = "meter";
    private final PlantModel plant;

    public MeterDevice(PlantModel plant) {
        this.plant = plant;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.METER;
    }

    @Override
    public double read(String point) {
        return switch (point) {
            case PointNames.Meter.SITE_POWER -> plant.meter().siteKw();
            case PointNames.Meter.IT_POWER -> plant.meter().itKw();
            case PointNames.Meter.FREQUENCY -> plant.meter().frequencyHz();
            default -> throw new IllegalArgumentException("meter has no point " + point);
        };
    }

    /** Positions of {@link RegisterMaps#METER}; a test checks each against {@link #read(String)}. */
    @Override
    public double readAt(int index) {
        return switch (index) {
            case 0 -> plant.meter().siteKw();
            case 1 -> plant.meter().itKw();
            case 2 -> plant.meter().frequencyHz();
            default -> throw new IndexOutOfBoundsException("meter has no point " + index);
        };
    }

    @Override
    public boolean responding() {
        return plant.responding(ID);
    }

    @Override
    public boolean acceptsWrite(String point, double value) {
        return false;
    }

    @Override
    public boolean write(String point, double value) {
        return false;
    }
}
