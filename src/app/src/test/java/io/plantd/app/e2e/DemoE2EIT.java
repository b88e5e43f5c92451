package io.plantd.app.e2e;

import io.plantd.app.decisions.DecisionLogFile;
import io.plantd.app.soak.wire.DaemonProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's acceptance: {@code plantd demo} (the packaged jar, real time) shows a chiller moving
 * to engine ahead of a predicted cap breach within a minute or so, with its reason on the console
 * and the same decision as JSON in the decision log it points at.
 */
class DemoE2EIT {
    private static final Pattern TO_ENGINE = Pattern.compile(
            "^>> (\\S+) (\\S+) -> ENGINE\\s+reason CAP_PREDICTED_EXCEEDED.*$", Pattern.MULTILINE);
    private static final Pattern DECISION_LOG = Pattern.compile("^decision log:\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    @TempDir
    Path folder;

    @Test
    void a_chiller_moves_to_engine_ahead_of_the_predicted_breach_and_the_decision_is_logged() throws Exception {
        Path root = E2eSite.repoRoot();
        try (DaemonProcess demo = PackagedPlantd.launch(folder, "demo", List.of("-Dplantd.root=" + root),
                List.of("demo", "--duration", "90", "--status-every", "5"))) {
            long t0 = System.nanoTime();
            Matcher[] found = new Matcher[1];
            await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(250)).until(() -> {
                Matcher m = TO_ENGINE.matcher(demo.stdout());
                if (m.find()) {
                    found[0] = m;
                    return true;
                }
                assertThat(demo.isAlive()).as("demo still running: %s", demo.describe()).isTrue();
                return false;
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            String chiller = found[0].group(1);
            System.out.printf("demo: '%s' after %.1f s%n", found[0].group(), seconds);

            Matcher log = DECISION_LOG.matcher(demo.stdout());
            assertThat(log.find()).as("the demo prints its decision log: %s", demo.describe()).isTrue();
            Path decisions = Path.of(log.group(1));
            // the log is written by its own publisher thread: give it a moment
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(decisions)
                    && findDecision(decisions, chiller).isPresent());
            DecisionLogFile.Entry entry = findDecision(decisions, chiller).orElseThrow();
            assertThat(entry.text("to")).isEqualTo("ENGINE");
            assertThat(entry.text("detail")).as("the numbers behind the decision").contains("predicted");
            // the detail carries the prediction the decision was made on; inputs carry the cap it was held to
            Matcher predicted = Pattern.compile("predicted ([0-9.]+) kW at \\+([0-9]+) s").matcher(entry.text("detail"));
            assertThat(predicted.find()).as(entry.text("detail")).isTrue();
            assertThat(Double.parseDouble(predicted.group(1))).as("ahead of a predicted breach")
                    .isGreaterThan(entry.input("effectiveCapKw"));
            assertThat(entry.input("siteKw")).as("the site is still under the cap when the engine is called")
                    .isLessThan(entry.input("effectiveCapKw"));
            assertThat(entry.json().path("inputs").path("units").has(chiller)).isTrue();

            assertThat(PackagedPlantd.terminate(demo, Duration.ofSeconds(15)))
                    .as("exit code after SIGTERM: %s", demo.describe()).isZero();
        }
    }

    private static Optional<DecisionLogFile.Entry> findDecision(Path log, String chiller) {
        return DecisionLogFile.read(log).stream().filter(e -> e.event().equals("command")
                && e.text("chiller").equals(chiller) && e.text("reason").equals("CAP_PREDICTED_EXCEEDED")).findFirst();
    }
}
