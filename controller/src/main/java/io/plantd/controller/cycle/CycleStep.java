package io.plantd.controller.cycle;

import io.plantd.controller.command.Command;
import io.plantd.drivers.point.ProcessImage;
import java.time.Instant;
import java.util.List;

/**
 * Estimate and decide for one cycle: pure apart from the plant state it carries between cycles
 * (timers, start history, lock-outs). No sockets, no clock reads: {@code now} is passed in.
 * {@code commands} are the validated external commands received since the last cycle; the
 * returned report's timing fields are filled in by the loop.
 */
public interface CycleStep {
    StepOutput step(ProcessImage image, GridStatus grid, Instant now, List<Command> commands);
}
