package dev.cloakroom.bench.micro;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs this package's JMH benchmarks in a forked JVM and returns their scores. */
public final class MicroRunner {

    /**
     * How long JMH runs each benchmark.
     *
     * @param forks forked JVMs per benchmark
     * @param warmups warm-up iterations
     * @param iterations measured iterations
     * @param seconds length of each iteration
     */
    public record Config(int forks, int warmups, int iterations, int seconds) {

        /** 1 fork × (1 warm-up + 3 measured) iterations of 2 s. */
        public static Config full() {
            return new Config(1, 1, 3, 2);
        }

        /** 1 fork × (1 warm-up + 1 measured) iteration of 1 s: only to see it run. */
        public static Config quick() {
            return new Config(1, 1, 1, 1);
        }

        @Override
        public String toString() {
            return forks + " fork × (" + warmups + " warm-up + " + iterations + " measured) iterations of "
                    + seconds + " s";
        }
    }

    private MicroRunner() {
    }

    /** Runs every benchmark of this package. */
    public static List<MicroResult> run(Config config) throws RunnerException {
        return run(config, ".*Benchmark");
    }

    /**
     * Runs the benchmarks of this package whose simple class name matches {@code classPattern} (a regular
     * expression, e.g. {@code MetricsBenchmark}).
     */
    public static List<MicroResult> run(Config config, String classPattern) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(MicroRunner.class.getPackageName().replace(".", "\\.") + "\\." + classPattern
                        + "\\.")
                .forks(config.forks())
                .warmupIterations(config.warmups())
                .warmupTime(TimeValue.seconds(config.seconds()))
                .measurementIterations(config.iterations())
                .measurementTime(TimeValue.seconds(config.seconds()))
                .jvmArgsAppend("-Xms512m", "-Xmx512m")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        List<MicroResult> results = new ArrayList<>();
        for (RunResult run : runs) {
            BenchmarkParams params = run.getParams();
            String benchmark = params.getBenchmark();
            int dot = benchmark.lastIndexOf('.');
            String className = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
            String size = params.getParam("size");
            Result<?> primary = run.getPrimaryResult();
            StringBuilder operation = new StringBuilder(benchmark.substring(dot + 1));
            for (String name : params.getParamsKeys()) {
                if (!name.equals("size")) {
                    operation.append(' ').append(name).append('=').append(params.getParam(name));
                }
            }
            results.add(new MicroResult(className, operation.toString(),
                    size == null ? 0 : Integer.parseInt(size), primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit()));
        }
        results.sort(Comparator.comparing(MicroResult::benchmark).thenComparing(MicroResult::operation)
                .thenComparingInt(MicroResult::size));
        return results;
    }
}
