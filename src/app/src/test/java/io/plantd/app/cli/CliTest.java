package io.plantd.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.app.PlantdMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The CLI run in-process through picocli, exactly as main() wires it. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    static Run run(String... args) {
        CommandLine cli = PlantdMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path root() {
        return Path.of(System.getProperty("plantd.root"));
    }

    static Stream<String> subcommands() {
        return Stream.of("run", "check-config", "probe", "simulate", "demo", "backtest");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandHasHelpWithExitCodes(String name) {
        Run r = run(name, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: plantd " + name).contains("Exit codes:");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandPrintsTheVersion(String name) {
        Run r = run(name, "--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("plantd ");
    }

    @Test
    void topLevelHelpListsEverySubcommand() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        subcommands().forEach(name -> assertThat(r.out()).contains(name));
        assertThat(run("--version").out()).startsWith("plantd ");
    }

    @Test
    void checkConfigAcceptsTheShippedExample() {
        Path example = root().resolve("config/sites/example-10mw.yaml");
        Run r = run("check-config", example.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("OK: " + example + " (6 devices, 4 chillers, 3 profiles)");
    }

    @Test
    void checkConfigListsEveryErrorAndExitsOne() throws IOException {
        String example = Files.readString(root().resolve("config/sites/example-10mw.yaml"));
        String broken = example
                .replace("serviceCapacityKw: 10000", "serviceCapacityKw: -10000")
                .replace("  periodMs: 1000 ", "  perodMs: 1000 ")
                .replace("    device: chiller-3", "    device: chiller-9")
                .replace("bms-main: [override, cap, mode, rebirth]", "bms-main: [override, reboot]");
        assertThat(broken).isNotEqualTo(example);
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken);
        Files.createSymbolicLink(dir.resolve("profiles"), root().resolve("config/profiles"));

        Run r = run("check-config", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.errLines();
        assertThat(lines).hasSize(4);
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("\\Q" + file + "\\E:\\d+:\\d+: [\\w.\\[\\]-]+: .+"));
        assertThat(lines.get(0)).contains(": site.serviceCapacityKw: must be greater than 0");
        assertThat(lines.get(1)).contains(": control.perodMs: unknown key");
        assertThat(lines.get(2)).contains(": chillers[2].device: undefined device 'chiller-9'");
        assertThat(lines.get(3)).contains(": mqtt.principals.bms-main[1]: unknown command 'reboot'");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void unknownOptionsAreUsageErrors(String name) {
        assertThat(run(name, "--no-such-option").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void checkConfigOnAMissingFileExitsOne() {
        Path missing = dir.resolve("nope.yaml");
        Run r = run("check-config", missing.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo(missing + ": no such file");
    }

    @Test
    void checkConfigWithoutAFileIsAUsageError() {
        Run r = run("check-config");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Missing required parameter: 'FILE'");
    }
}
