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
import io.plantd.drivers.point.PointId;
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
    private List<DriveCommand> lastCommands;

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
        return new StepOutput(null, commands());
    }

    /** This cycle's commands: the previous list again while no unit changed (most seconds of a year). */
    private List<DriveCommand> commands() {
        boolean changed = lastCommands == null;
        for (int i = 0; i < engine.length && !changed; i++) {
            DriveCommand c = lastCommands.get(i);
            changed = c.mode() != modeOf(i) || c.reason() != reasons[i];
        }
        if (changed) {
            List<DriveCommand> out = new ArrayList<>(chillers.size());
            for (int i = 0; i < engine.length; i++) {
                out.add(new DriveCommand(chillers.get(i).id(), modeOf(i), engine[i] ? 1 : 0, reasons[i], ""));
            }
            lastCommands = List.copyOf(out);
        }
        return lastCommands;
    }

    private DriveMode modeOf(int i) {
        return engine[i] ? DriveMode.ENGINE : DriveMode.MOTOR;
    }

    /** Sets {@link #engine} for this cycle. */
    protected abstract void decide(ProcessImage image, GridStatus grid, long nowMs);

    /** The site meter reading, NaN when not GOOD. */
    protected double siteKw(ProcessImage image) {
        PointValue v = image.get(config.meters().site());
        return v.isGood() ? v.value() : Double.NaN;
    }

    /** One point of every chiller, resolved once (a step reads them every second). */
    protected PointId[] pointOfEach(String point) {
        PointId[] ids = new PointId[chillers.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = PointId.of(chillers.get(i).device(), point);
        }
        return ids;
    }

    /** A point's value, NaN when not GOOD. */
    protected static double point(ProcessImage image, PointId id) {
        PointValue v = image.get(id);
        return v.isGood() ? v.value() : Double.NaN;
    }
}
