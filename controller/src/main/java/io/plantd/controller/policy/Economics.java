package io.plantd.controller.policy;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.EconomicSettings;

/**
 * Hourly cost of carrying a chiller's present load on motor versus on engine. Electricity is per
 * kWh, gas per therm; the heat-recovery credit is per engine-hour of one unit.
 */
final class Economics {
    private final EconomicSettings settings;

    Economics(EconomicSettings settings) {
        this.settings = settings;
    }

    double motorCostPerHour(double motorKw, double priceElectricity) {
        return motorKw * priceElectricity;
    }

    double engineCostPerHour(ChillerConfig c, double tons, double priceGas) {
        return tons * (c.engine().gasThermsPerTonHour() * priceGas + c.engine().maintenancePerTonHour())
                - settings.heatRecoveryCreditPerHour();
    }

    /** Motor minus engine cost per hour: start on engine above +deadband, keep on engine above −deadband. */
    double saving(ChillerConfig c, double motorKw, double tons, double priceElectricity, double priceGas) {
        return motorCostPerHour(motorKw, priceElectricity) - engineCostPerHour(c, tons, priceGas);
    }

    double deadband() {
        return settings.deadbandPerHour();
    }
}
