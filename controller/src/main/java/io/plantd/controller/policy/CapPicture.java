package io.plantd.controller.policy;

/**
 * The cap this cycle works to. {@code capKw} = min(service, grid-event limit or level/frequency
 * reduction, demand target, temporary cap); moves to engine start above {@code onThresholdKw}
 * (cap − margin, the effective cap), a return to motor needs the draw below
 * {@code releaseThresholdKw} (cap − release margin). {@code bindingReason} names what set the cap
 * (null for the service capacity); {@code eventActive} blocks every return to motor.
 */
public record CapPicture(
        double serviceKw,
        double capKw,
        double onThresholdKw,
        double releaseThresholdKw,
        String source,
        Reason bindingReason,
        boolean eventActive,
        Reason eventReason,
        boolean outage) {
}
