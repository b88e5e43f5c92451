package io.plantd.controller.grid;

import io.plantd.controller.config.Tariff;
import io.plantd.controller.cycle.GridFeed;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.drivers.point.ProcessImage;
import java.time.Instant;
import java.util.Optional;

/** Grid source NONE: no events, the tariff's prices, always good (there is nothing to go stale). */
public final class TariffOnlyGridFeed implements GridFeed {
    private final GridStatus status;

    public TariffOnlyGridFeed(Tariff tariff) {
        this.status = new GridStatus(0, Optional.empty(), tariff.electricityPerKwh(), tariff.gasPerTherm(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, true);
    }

    @Override
    public GridStatus current(ProcessImage image, Instant now) {
        return status;
    }
}
