package io.plantd.app;

import io.plantd.app.cli.BacktestCommand;
import io.plantd.app.cli.CheckConfigCommand;
import io.plantd.app.cli.DemoCommand;
import io.plantd.app.cli.ExitCodes;
import io.plantd.app.cli.ProbeCommand;
import io.plantd.app.cli.RunCommand;
import io.plantd.app.cli.SimulateCommand;
import io.plantd.app.cli.SoakCommand;
import io.plantd.app.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code plantd} command line. */
@Command(
        name = "plantd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Real-time hybrid-drive chiller plant controller: keeps the site under its power cap "
                + "by moving chillers between motor and engine drive.",
        subcommands = {
            RunCommand.class,
            CheckConfigCommand.class,
            ProbeCommand.class,
            SimulateCommand.class,
            DemoCommand.class,
            BacktestCommand.class,
            SoakCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK_LINE,
            ExitCodes.FAILED_LINE,
            ExitCodes.USAGE_LINE
        })
public final class PlantdMain implements Runnable {
    static {
        // before the first logger exists; an operator's -Dlogback.configurationFile still wins
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "plantd-logback.xml");
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PlantdMain());
        setUsageExitCode(cli);
        return cli;
    }

    /** picocli's default for invalid input is 2, which plantd uses for "not available yet". */
    private static void setUsageExitCode(CommandLine cli) {
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cli.getSubcommands().values().forEach(PlantdMain::setUsageExitCode);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
