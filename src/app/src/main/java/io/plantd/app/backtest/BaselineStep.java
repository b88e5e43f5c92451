package io.plantd.app.backtest;

import io.plantd.controller.command.Command;
import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.CycleStep;
import io.plantd.controller.cycle.DriveCommand;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.StepOutput;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.ProcessImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Common frame of the comparison strategies (what operators do without plantd): they see the same
 * process image through the same {@link CycleStep} contract, and say MOTOR or ENGINE per unit.
 * They publish nothing, so their {@link StepOutput#report()} is null.
 */
abstract class BaselineStep implements CycleStep {
    protected final SiteConfig config;
    protected final List<ChillerConfig> chillers;
    protected final boolean[] engine;
    /** Why each unit is where it is (kept from the cycle that last changed it). */
    protected final Reason[] reasons;

    BaselineStep(SiteConfig config) {
        this.config = config;
        this.chillers = config.chillers();
        this.engine = new boolean[chillers.size()];
        this.reasons = new Reason[chillers.size()];
        java.util.Arrays.fill(reasons, Reason.STEADY);
    }

    @Override
    public final StepOutput step(ProcessImage image, GridStatus grid, Instant now, List<Command> commands) {
        decide(image, grid, now.toEpochMilli());
        List<DriveCommand> out = new ArrayList<>(chillers.size());
        for (int i = 0; i < engine.length; i++) {
            out.add(new DriveCommand(chillers.get(i).id(), engine[i] ? DriveMode.ENGINE : DriveMode.MOTOR, engine[i] ? 1 : 0,
                    reasons[i], ""));
        }
        return new StepOutput(null, out);
    }

    /** Sets {@link #engine} for this cycle. */
    protected abstract void decide(ProcessImage image, GridStatus grid, long nowMs);

    /** The site meter reading, NaN when not GOOD. */
    protected double siteKw(ProcessImage image) {
        PointValue v = image.get(config.meters().site());
        return v.isGood() ? v.value() : Double.NaN;
    }

    protected double point(ProcessImage image, int chiller, String point) {
        PointValue v = image.get(chillers.get(chiller).device(), point);
        return v.isGood() ? v.value() : Double.NaN;
    }
}
