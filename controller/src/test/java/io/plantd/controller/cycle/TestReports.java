package io.plantd.controller.cycle;

import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.Quality;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds plausible cycle reports for tests of the runtime around the step. */
public final class TestReports {
    private TestReports() {
    }

    public static GridStatus grid() {
        return new GridStatus(0, Optional.empty(), 0.12, 1.0, Optional.empty(), Optional.empty(), Optional.empty(),
                false, true);
    }

    public static SiteStatus site(double siteKw, double predictedKw, double effectiveCapKw) {
        return new SiteStatus(siteKw, Quality.GOOD, siteKw * 0.6, siteKw * 0.3, siteKw * 0.1, predictedKw, 10_000,
                effectiveCapKw, siteKw, 0);
    }

    public static ChillerStatus chiller(String id, DriveMode commanded, boolean eligible, String because) {
        return new ChillerStatus(id, commanded, commanded, 0, 300, Reason.STEADY, "", eligible, because, false, 0, 0,
                300, false);
    }

    public static CycleReport report(long seq, Instant at, OperatingMode mode, List<ChillerStatus> chillers,
                                     List<CommandChange> changes, List<Alarm> alarms) {
        return new CycleReport(seq, at, 0, 0, mode, false, site(9000, 9600, 9500), grid(), chillers, changes, alarms,
                new Headroom(0, 300, at.plusSeconds(1)));
    }
}
