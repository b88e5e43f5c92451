package io.plantd.controller.cycle;

import java.util.List;

/** One cycle's result: the report to publish and the command for every chiller under control. */
public record StepOutput(CycleReport report, List<DriveCommand> commands) {
    public StepOutput {
        commands = List.copyOf(commands);
    }
}
