package io.plantd.controller.cycle;

import java.time.Instant;

/** The capacity signal for IT schedulers: kW IT may add now, and for how long it holds. */
public record Headroom(double itHeadroomKw, long horizonS, Instant validUntil) {
}
