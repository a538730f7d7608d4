package dev.jautograd.bench;

import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Base of the JMH benchmarks that time a {@link Workloads} step: each benchmark method's id
 * (class.method, then :param values, as compare.sh's table names it) picks the workload.
 */
@State(Scope.Thread)
public abstract class WorkloadBench {
    protected Supplier<Object> step;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        StringBuilder id = new StringBuilder(params.getBenchmark().replace("dev.jautograd.bench.", ""));
        String separator = ":";
        for (String key : params.getParamsKeys()) {
            id.append(separator).append(params.getParam(key));
            separator = ",";
        }
        step = Workloads.make(id.toString());
    }
}
