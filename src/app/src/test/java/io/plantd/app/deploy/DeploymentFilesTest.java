package io.plantd.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The systemd unit and the container build say what docs/operations.md promises. */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("plantd.root", "../.."));
    private static final Path UNIT = ROOT.resolve("deploy/systemd/plantd.service");

    @Test
    void unitIsNotifyTypeWithWatchdogAndHardened() throws IOException {
        Map<String, List<String>> service = section(UNIT, "Service");
        assertThat(one(service, "Type")).isEqualTo("notify");
        assertThat(one(service, "NotifyAccess")).as("systemd-notify runs as a child process").isEqualTo("all");
        assertThat(seconds(one(service, "WatchdogSec"))).isBetween(Duration.ofSeconds(3), Duration.ofMinutes(5));
        assertThat(one(service, "ExecStartPre")).contains("plantd.jar check-config ");
        assertThat(one(service, "ExecStart")).contains("plantd.jar run --config ");
        assertThat(seconds(one(service, "TimeoutStopSec")))
                .as("longer than the 10 s shutdown sequence").isGreaterThan(Duration.ofSeconds(10));
        assertThat(one(service, "Restart")).isIn("on-failure", "always");
        for (String yes : List.of("DynamicUser", "NoNewPrivileges", "PrivateTmp", "ProtectHome")) {
            assertThat(one(service, yes)).as(yes).isEqualTo("yes");
        }
        assertThat(one(service, "ProtectSystem")).isEqualTo("strict");
        assertThat(one(service, "StateDirectory")).isEqualTo("plantd");
        assertThat(one(service, "ConfigurationDirectory")).isEqualTo("plantd");
        assertThat(one(service, "RestrictAddressFamilies").split("\\s+"))
                .containsExactlyInAnyOrder("AF_INET", "AF_INET6", "AF_UNIX");
        assertThat(one(service, "CapabilityBoundingSet")).as("empty: no capabilities").isEmpty();
        assertThat(service).as("breaks the JIT").doesNotContainKey("MemoryDenyWriteExecute");
        assertThat(section(UNIT, "Install").get("WantedBy")).containsExactly("multi-user.target");
    }

    /** systemd's own parser, where this machine has it: no unknown keys, no bad values. */
    @Test
    void systemdAnalyzeVerifyFindsNothing() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")) && Files.isExecutable(Path.of("/usr/bin/java")),
                "needs systemd-analyze and /usr/bin/java");
        Process verify = new ProcessBuilder("/usr/bin/systemd-analyze", "verify", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output.lines().filter(l -> l.contains("plantd.service"))).as(output).isEmpty();
        assertThat(verify.exitValue()).as(output).isZero();
    }

    @Test
    void containerfileIsMultiStageJlinkNonRootExecForm() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("deploy/container/Containerfile"));
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSize(3);
        assertThat(lines).anyMatch(l -> l.contains("mvnw") && l.contains("package"));
        assertThat(lines).anyMatch(l -> l.contains("jlink --add-modules"));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
        String entrypoint = lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
        assertThat(entrypoint).as("exec form, so java is PID 1 and gets SIGTERM")
                .matches("ENTRYPOINT \\[\"[^\"]+\"(, \"[^\"]+\")*]");
    }

    private static Map<String, List<String>> section(Path unit, String name) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String current = null;
        for (String raw : Files.readAllLines(unit)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = line.substring(1, line.length() - 1);
                continue;
            }
            if (name.equals(current)) {
                int eq = line.indexOf('=');
                out.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        return out;
    }

    private static String one(Map<String, List<String>> section, String key) {
        List<String> values = section.get(key);
        assertThat(values).as(key).isNotNull().hasSize(1);
        return values.get(0);
    }

    private static Duration seconds(String value) {
        Matcher m = Pattern.compile("(\\d+)(s|min)?").matcher(value);
        assertThat(m.matches()).as(value).isTrue();
        long n = Long.parseLong(m.group(1));
        return "min".equals(m.group(2)) ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    }
}
