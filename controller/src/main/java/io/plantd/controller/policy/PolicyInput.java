package io.plantd.controller.policy;

import io.plantd.controller.estimate.ChillerReading;
import io.plantd.controller.estimate.SiteEstimate;

/**
 * Everything one decision depends on besides the plant state and the time.
 *
 * @param leadTimeS        learned lead time per chiller (same order as the config)
 * @param horizonS         the prediction horizon used for the estimate
 * @param economicActive   economic mode configured and not switched off by the BMS
 * @param gridFeedExpected a grid feed is configured (so a stale one is worth an alarm)
 * @param gridGood         the grid feed is fresh
 */
public record PolicyInput(
        SiteEstimate estimate,
        ChillerReading[] readings,
        CapPicture cap,
        double[] leadTimeS,
        double horizonS,
        double priceElectricity,
        double priceGas,
        boolean economicActive,
        boolean gridFeedExpected,
        boolean gridGood) {
}
