package io.plantd.controller.config;

/**
 * Engine constraints of one chiller.
 *
 * @param leadTimeS            seconds from start command until the motor load is off the grid
 *                             (configured floor; the controller learns the real value)
 * @param minRunS              minimum engine run time before returning to motor
 * @param minOffS              minimum time between engine stop and the next start
 * @param maxStartsPerHour     rolling 60-minute start limit
 * @param yearlyHourBudget     engine hours allowed per calendar year
 * @param lockoutS             how long a failed start locks the engine out
 * @param gasThermsPerTonHour  fuel use on engine
 * @param maintenancePerTonHour engine maintenance cost on engine
 */
public record EngineLimits(
        long leadTimeS,
        long minRunS,
        long minOffS,
        int maxStartsPerHour,
        double yearlyHourBudget,
        long lockoutS,
        double gasThermsPerTonHour,
        double maintenancePerTonHour) {
}
