package dev.jautograd.bench;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import dev.jautograd.nn.Linear;
import dev.jautograd.optim.SGD;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;

/**
 * A bounded training loop for the memory claim: the live heap after a full GC must stay flat
 * however many steps run, i.e. every step's graph and saved tensors are released after
 * backward. Run with GC logging to see it from the collector's side too:
 * {@code java -Xlog:gc -cp benchmarks.jar dev.jautograd.bench.TrainingLoop small 1000000}.
 */
public final class TrainingLoop {
    private TrainingLoop() {}

    public static void main(String[] args) {
        String workload = args.length > 0 ? args[0] : "small";
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Runnable step = workload.equals("mlp") ? mlpStep() : smallGraphStep();
        long checkpoint = Math.max(1, steps / 10);
        for (long i = 1; i <= steps; i++) {
            step.run();
            if (i % checkpoint == 0) {
                System.gc();
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("step %,d: live heap after GC %.2f MB%n", i, used / 1e6);
            }
        }
    }

    private static Runnable smallGraphStep() {
        Tensor a = Torch.randn(8).requiresGrad_();
        return () -> a.mul(a).add(a).sum().backward();
    }

    private static Runnable mlpStep() {
        Torch.manualSeed(0);
        Linear hidden = new Linear(784, 256), output = new Linear(256, 10);
        var params = new ArrayList<>(hidden.parameters());
        params.addAll(output.parameters());
        SGD optimizer = new SGD(params, 0.01);
        Tensor images = Torch.randn(128, 784), labels = Torch.randint(0, 10, 128);
        return () -> {
            optimizer.zeroGrad();
            Functional.crossEntropy(output.forward(hidden.forward(images).relu()), labels).backward();
            optimizer.step();
        };
    }
}
