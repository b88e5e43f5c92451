package io.plantd.controller.estimate;

/**
 * Predicted site draw at now + {@code horizonS}. {@code trendKw} extrapolates a robust
 * (Theil–Sen) line through the recent history; {@code rampBoundKw} is the current draw plus the
 * largest rise seen within any span of the horizon in that history. {@code predictedKw} is the
 * larger of the two and never below the current draw plus {@code spikeReserveKw} (the largest
 * short step remembered, 0 when the reserve is off): the controller plans for the worse case.
 */
public record Forecast(double currentKw, double levelKw, double slopeKwPerS, double trendKw,
                       double rampBoundKw, double predictedKw, double horizonS, int samples,
                       double spikeReserveKw) {
}
