package dev.jautograd.bench;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import dev.jautograd.nn.Linear;
import dev.jautograd.optim.SGD;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every workload of benchmarks/compare/, once: the JMH benchmarks and {@link FirstCall} both
 * build their step here, so steady state and first call time the same work. Names are the JMH
 * ids that torch_bench.py uses for the same work in PyTorch; a factory does the setup (inputs,
 * seeded) and returns the step, whose result the caller consumes.
 */
public final class Workloads {
    private Workloads() {}

    private static final Map<String, Supplier<Supplier<Object>>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("SmallBench.smallGraph", Workloads::smallGraph);
        ALL.put("SmallBench.smallOp", () -> { Tensor x = seeded(8); return () -> x.add(x); });
        for (int n : new int[] {256, 512, 1024}) ALL.put("MatmulBench.matmul:" + n, () -> matmul(n));
        ALL.put("MlpBench.step", Workloads::mlpStep);
        big("add", (x, y) -> () -> x.add(y));
        big("mul", (x, y) -> () -> x.mul(y));
        big("exp", (x, y) -> x::exp);
        big("sigmoid", (x, y) -> x::sigmoid);
        big("sum", (x, y) -> x::sum);
        big("meanDim", (x, y) -> { Tensor m = x.view(1000, 10_000); return () -> m.mean(1); });
        big("meanDim0", (x, y) -> { Tensor m = x.view(1000, 10_000); return () -> m.mean(0); });
        ALL.put("ClassroomBench.tanhLoop", Workloads::tanhLoop);
        ALL.put("ClassroomBench.moonsLoop", Workloads::moonsLoop);
        ALL.put("ClassroomBench.softmax", () -> { Tensor x = seeded(1000, 1000); return () -> x.softmax(1); });
        ALL.put("ClassroomBench.logSoftmax", () -> { Tensor x = seeded(1000, 1000); return () -> x.logSoftmax(1); });
        ALL.put("ClassroomBench.crossEntropy", Workloads::crossEntropy);
        ALL.put("ClassroomBench.chain", Workloads::chain);
        ALL.put("NotebookBench.notebook", () -> {
            // The sink is made in the setup: linking its method reference is the harness's cost, not the notebook's.
            List<Object> shown = new ArrayList<>();
            java.util.function.Consumer<Object> sink = shown::add;
            return () -> {
                shown.clear();
                NotebookBench.cells(sink);
                return shown;
            };
        });
    }

    /** The workloads' names, in table order. */
    public static Iterable<String> names() {
        return ALL.keySet();
    }

    /** Sets up the named workload and returns its step. */
    public static Supplier<Object> make(String name) {
        Supplier<Supplier<Object>> factory = ALL.get(name);
        if (factory == null) throw new IllegalArgumentException("no workload " + name + "; known: " + ALL.keySet());
        return factory.get();
    }

    private static Tensor seeded(int... shape) {
        Torch.manualSeed(0);
        return Torch.randn(shape);
    }

    /** Elementwise ops and reductions over 10⁷ floats (1000×10000 for the means over a dim). */
    private static void big(String name, java.util.function.BiFunction<Tensor, Tensor, Supplier<Object>> op) {
        ALL.put("ElementwiseBench." + name, () -> {
            Tensor x = seeded(1000 * 10_000), y = Torch.randn(1000 * 10_000);
            return op.apply(x, y);
        });
    }

    /** y = (a*a + a).sum(); y.backward(): a four-node graph on 8 floats, built and differentiated. */
    private static Supplier<Object> smallGraph() {
        Tensor a = seeded(8).requiresGrad_();
        return () -> {
            Tensor y = a.mul(a).add(a).sum();
            y.backward();
            return y;
        };
    }

    private static Supplier<Object> matmul(int n) {
        Tensor a = seeded(n, n), b = Torch.randn(n, n);
        return () -> a.matmul(b);
    }

    /** One MLP step 784→256→10, batch 128, ReLU, cross-entropy, SGD: zero_grad, forward, backward, step. */
    private static Supplier<Object> mlpStep() {
        Torch.manualSeed(0);
        Linear hidden = new Linear(784, 256), output = new Linear(256, 10);
        SGD optimizer = sgd(0.01, hidden, output);
        Tensor images = Torch.randn(128, 784), labels = Torch.randint(0, 10, 128);
        return () -> {
            optimizer.zeroGrad();
            Tensor loss = Functional.crossEntropy(output.forward(hidden.forward(images).relu()), labels);
            loss.backward();
            optimizer.step();
            return loss;
        };
    }

    /** The classroom's teaching loop: 1000 SGD steps of a 2→16→16→1 tanh MLP on 100 points, MSE loss. */
    private static Supplier<Object> tanhLoop() {
        Torch.manualSeed(0);
        Linear l1 = new Linear(2, 16), l2 = new Linear(16, 16), l3 = new Linear(16, 1);
        SGD optimizer = sgd(0.01, l1, l2, l3);
        Tensor x = Torch.randn(100, 2), y = Torch.randn(100, 1);
        return () -> {
            Tensor loss = null;
            for (int step = 0; step < 1000; step++) {
                optimizer.zeroGrad();
                loss = Functional.mseLoss(l3.forward(l2.forward(l1.forward(x).tanh()).tanh()), y);
                loss.backward();
                optimizer.step();
            }
            return loss;
        };
    }

    /**
     * notebooks/training.ipynb's loop: 300 SGD steps (lr 0.5) of a 2→16→2 tanh MLP on 200 points,
     * cross-entropy. Its hidden layer has twice the teaching loop's rows (3,200 floats a tanh).
     */
    private static Supplier<Object> moonsLoop() {
        Torch.manualSeed(0);
        Linear l1 = new Linear(2, 16), l2 = new Linear(16, 2);
        SGD optimizer = sgd(0.5, l1, l2);
        Tensor x = Torch.randn(200, 2), labels = Torch.randint(0, 2, 200);
        return () -> {
            Tensor loss = null;
            for (int step = 0; step < 300; step++) {
                loss = Functional.crossEntropy(l2.forward(l1.forward(x).tanh()), labels);
                optimizer.zeroGrad();
                loss.backward();
                optimizer.step();
            }
            return loss;
        };
    }

    /** Cross-entropy of 1000×1000 logits against 1000 labels, forward and backward (the grad reset each call). */
    private static Supplier<Object> crossEntropy() {
        Tensor logits = seeded(1000, 1000).requiresGrad_(), labels = Torch.randint(0, 1000, 1000);
        return () -> {
            logits.setGrad(null);
            Tensor loss = Functional.crossEntropy(logits, labels);
            loss.backward();
            return loss;
        };
    }

    /** 100 elementwise ops (25 × mul, add, tanh, sigmoid) on 1000 floats, then sum and backward: per-op overhead. */
    private static Supplier<Object> chain() {
        Tensor x = seeded(1000).requiresGrad_();
        return () -> {
            x.setGrad(null);
            Tensor y = x;
            for (int i = 0; i < 25; i++) y = y.mul(0.9).add(0.1).tanh().sigmoid();
            Tensor total = y.sum();
            total.backward();
            return total;
        };
    }

    private static SGD sgd(double lr, Linear... layers) {
        List<Tensor> params = new ArrayList<>();
        for (Linear layer : layers) params.addAll(layer.parameters());
        return new SGD(params, lr);
    }
}
