package io.plantd.sim.device;

import io.plantd.drivers.profile.DeviceKind;
import io.plantd.sim.model.ChillerModel;
import io.plantd.sim.model.DriveCode;
import io.plantd.sim.model.PlantModel;

/** A simulated hybrid chiller's points. */
public final class ChillerDevice implements SimDevice {
    private final PlantModel plant;
    private final ChillerModel chiller;

    public ChillerDevice(PlantModel plant, ChillerModel chiller) {
        this.plant = plant;
        this.chiller = chiller;
    }

    @Override
    public String id() {
        return chiller.id();
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.CHILLER;
    }

    public ChillerModel model() {
        return chiller;
    }

    @Override
    public double read(String point) {
        return switch (point) {
            case PointNames.Chiller.DRIVE_MODE_CMD -> chiller.commandCode();
            case PointNames.Chiller.ENGINE_SHARE_CMD -> chiller.commandSharePct();
            case PointNames.Chiller.HEARTBEAT -> chiller.heartbeat();
            case PointNames.Chiller.DRIVE_MODE_STATUS -> chiller.statusCode();
            case PointNames.Chiller.MOTOR_POWER -> chiller.motorKw();
            case PointNames.Chiller.COOLING_LOAD -> chiller.tons();
            case PointNames.Chiller.ENGINE_READY -> flag(chiller.engineReady());
            case PointNames.Chiller.ENGINE_RUNNING -> flag(chiller.engineRunning());
            case PointNames.Chiller.ENGINE_START_FAILED -> flag(chiller.engineStartFailed());
            case PointNames.Chiller.GAS_PRESSURE_LOW -> flag(chiller.gasPressureLow());
            case PointNames.Chiller.FAULT -> flag(chiller.faulted());
            case PointNames.Chiller.ENGINE_RUN_HOURS -> chiller.engineRunHours();
            case PointNames.Chiller.ENGINE_STARTS -> chiller.starts();
            default -> throw new IllegalArgumentException("chiller has no point " + point);
        };
    }

    /** Positions of {@link RegisterMaps#CHILLER}; a test checks each against {@link #read(String)}. */
    @Override
    public double readAt(int index) {
        return switch (index) {
            case 0 -> chiller.commandCode();
            case 1 -> chiller.commandSharePct();
            case 2 -> chiller.heartbeat();
            case 3 -> chiller.statusCode();
            case 4 -> flag(chiller.engineReady());
            case 5 -> flag(chiller.engineRunning());
            case 6 -> flag(chiller.engineStartFailed());
            case 7 -> flag(chiller.gasPressureLow());
            case 8 -> flag(chiller.faulted());
            case 9 -> chiller.motorKw();
            case 10 -> chiller.tons();
            case 11 -> chiller.engineRunHours();
            case 12 -> chiller.starts();
            default -> throw new IndexOutOfBoundsException("chiller has no point " + index);
        };
    }

    @Override
    public boolean responding() {
        return plant.responding(id());
    }

    @Override
    public boolean acceptsWrite(String point, double value) {
        if (Double.isNaN(value) || value != Math.rint(value)) {
            return false;
        }
        return switch (point) {
            case PointNames.Chiller.DRIVE_MODE_CMD -> DriveCode.valid((int) value)
                    && ((int) value != DriveCode.BLEND || chiller.spec().blend());
            case PointNames.Chiller.ENGINE_SHARE_CMD -> chiller.spec().blend() && value >= 0 && value <= 100;
            case PointNames.Chiller.HEARTBEAT -> value >= 0 && value <= 65535;
            default -> false;
        };
    }

    @Override
    public boolean write(String point, double value) {
        if (!acceptsWrite(point, value)) {
            return false;
        }
        return switch (point) {
            case PointNames.Chiller.DRIVE_MODE_CMD -> chiller.writeDriveMode((int) value);
            case PointNames.Chiller.ENGINE_SHARE_CMD -> chiller.writeEngineSharePct(value);
            case PointNames.Chiller.HEARTBEAT -> {
                chiller.writeHeartbeat((int) value);
                yield true;
            }
            default -> false;
        };
    }

    private static double flag(boolean b) {
        return b ? 1.0 : 0.0;
    }
}
