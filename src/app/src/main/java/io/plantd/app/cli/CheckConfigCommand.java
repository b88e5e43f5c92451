package io.plantd.app.cli;

import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Validate a site config and the device profiles it uses, without touching any device.",
            "Prints every error at once, one per line, as FILE:LINE:COLUMN: path.to.field: reason."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The config is valid.",
            "1:The config has errors (listed on stderr) or cannot be read.",
            ExitCodes.USAGE_LINE})
public final class CheckConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The site config (YAML).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
            err.flush();
            return ExitCodes.FAILED;
        }
        try {
            SiteConfig config = SiteConfigLoader.load(file);
            out.printf("OK: %s (%d devices, %d chillers, %d profiles)%n", file, config.devices().size(),
                    config.chillers().size(), config.profiles().size());
            out.flush();
            return ExitCodes.OK;
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                err.println(error);
            }
            err.flush();
            return ExitCodes.FAILED;
        }
    }
}
