package io.plantd.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/** Small helpers shared by the benchmark mains: arguments, repository paths, table rows. */
final class BenchArgs {
    private BenchArgs() {
    }

    static double number(String[] args, int index, double fallback) {
        return args.length > index ? Double.parseDouble(args[index]) : fallback;
    }

    /** config/profiles of the checkout the benchmark runs from (the working directory or above). */
    static Path repoProfiles() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("config").resolve("profiles");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("run from the plantd checkout: no config/profiles found above "
                + Path.of("").toAbsolutePath());
    }

    static Histogram histogram() {
        return new Histogram(120_000_000_000L, 3);
    }

    static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : String.format("%.3f", h.getValueAtPercentile(percentile) / 1e6);
    }

    static String maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? "-" : String.format("%.3f", h.getMaxValue() / 1e6);
    }

    static String machine() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format("%d cores, load average %.1f at the end, Java %s",
                Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.version"));
    }
}
