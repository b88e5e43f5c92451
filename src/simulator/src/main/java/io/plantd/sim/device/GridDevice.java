package io.plantd.sim.device;

import io.plantd.drivers.profile.DeviceKind;
import io.plantd.sim.model.GridModel;
import io.plantd.sim.model.PlantModel;

/** The simulated grid-signal gateway's points. Read-only: the scenario drives it. */
public final class GridDevice implements SimDevice {
    public static final String ID = "grid";
    private final PlantModel plant;

    public GridDevice(PlantModel plant) {
        this.plant = plant;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.GRID_GATEWAY;
    }

    @Override
    public double read(String point) {
        GridModel g = plant.grid();
        return switch (point) {
            case PointNames.Grid.EVENT_LEVEL -> g.eventLevel();
            case PointNames.Grid.CAP_LIMIT -> g.capLimitKw();
            case PointNames.Grid.PRICE_ELECTRICITY -> g.priceElectricity();
            case PointNames.Grid.PRICE_GAS -> g.priceGas();
            case PointNames.Grid.EVENT_START -> g.eventStartEpochS();
            case PointNames.Grid.EVENT_END -> g.eventEndEpochS();
            case PointNames.Grid.FREQUENCY -> g.frequencyHz();
            case PointNames.Grid.OUTAGE -> g.outage() ? 1 : 0;
            default -> throw new IllegalArgumentException("grid gateway has no point " + point);
        };
    }

    /** Positions of {@link RegisterMaps#GRID}; a test checks each against {@link #read(String)}. */
    @Override
    public double readAt(int index) {
        GridModel g = plant.grid();
        return switch (index) {
            case 0 -> g.eventLevel();
            case 1 -> g.outage() ? 1 : 0;
            case 2 -> g.capLimitKw();
            case 3 -> g.priceElectricity();
            case 4 -> g.priceGas();
            case 5 -> g.eventStartEpochS();
            case 6 -> g.eventEndEpochS();
            case 7 -> g.frequencyHz();
            default -> throw new IndexOutOfBoundsException("grid gateway has no point " + index);
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
