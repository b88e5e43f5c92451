package io.plantd.controller.grid;

import io.plantd.controller.config.GridFeedConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.GridFeed;
import io.plantd.drivers.yaml.ConfigException;

/** Builds the grid feed a site's config asks for (MQTT feeds come from the northbound module). */
public final class GridFeeds {
    private GridFeeds() {
    }

    public static GridFeed create(SiteConfig config) throws ConfigException {
        GridFeedConfig g = config.grid();
        return switch (g.source()) {
            case NONE -> new TariffOnlyGridFeed(config.site().tariff());
            case MODBUS -> new ModbusGatewayGridFeed(
                    g.device().orElseThrow(() -> new IllegalArgumentException("grid source modbus needs a device")),
                    g.maxAgeMs(), config.site().tariff());
            case SCHEDULE -> ScheduleFileGridFeed.load(
                    g.scheduleFile().orElseThrow(() -> new IllegalArgumentException("grid source schedule needs a file")),
                    config.site().tariff());
            case MQTT -> throw new IllegalArgumentException(
                    "the MQTT grid feed is built by the northbound (MQTT) module, not by GridFeeds");
        };
    }
}
