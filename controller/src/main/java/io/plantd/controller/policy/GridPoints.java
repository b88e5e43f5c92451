package io.plantd.controller.policy;

import java.util.List;

/**
 * Point names of a grid-signal gateway profile. Times are epoch seconds (0 = none); prices are
 * per kWh (electricity) and per therm (gas) in the site currency.
 */
public final class GridPoints {
    public static final String EVENT_LEVEL = "event_level";
    public static final String CAP_LIMIT = "cap_limit";
    public static final String PRICE_ELECTRICITY = "price_electricity";
    public static final String PRICE_GAS = "price_gas";
    public static final String EVENT_START = "event_start";
    public static final String EVENT_END = "event_end";
    public static final String FREQUENCY = "frequency";
    public static final String OUTAGE = "outage";

    public static final List<String> REQUIRED = List.of(EVENT_LEVEL, PRICE_ELECTRICITY, PRICE_GAS, OUTAGE);

    private GridPoints() {
    }
}
