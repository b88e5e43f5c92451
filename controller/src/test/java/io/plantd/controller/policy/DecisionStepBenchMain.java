package io.plantd.controller.policy;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/** Runs {@link DecisionStepBenchmark} and prints its latency percentiles as a table. */
public final class DecisionStepBenchMain {
    private DecisionStepBenchMain() {
    }

    /** @param args "gc" adds JMH's allocation profiler, "stack" its sampling stack profiler */
    public static void main(String[] args) throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        if (java.util.Arrays.asList(args).contains("gc")) {
            builder.addProfiler(org.openjdk.jmh.profile.GCProfiler.class);
        }
        if (java.util.Arrays.asList(args).contains("stack")) {
            builder.addProfiler(org.openjdk.jmh.profile.StackProfiler.class, "lines=2;top=25;detailLine=false");
        }
        Options options = builder
                .include(DecisionStepBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(10)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx256m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println("| benchmark | chillers | samples | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            System.out.printf("| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    r.getParams().getBenchmark().replaceAll(".*\\.", ""), DecisionStepBenchmark.CHILLERS, s.getN(),
                    s.getPercentile(50), s.getPercentile(90), s.getPercentile(99), s.getPercentile(99.9), s.getMax());
        }
    }
}
