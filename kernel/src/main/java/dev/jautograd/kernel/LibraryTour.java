package dev.jautograd.kernel;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import dev.jautograd.nn.Linear;
import dev.jautograd.optim.SGD;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --warmup}'s last step: the library's classroom paths at classroom sizes, a few times
 * each, so the class-data-sharing archive install.sh trains with it holds their classes. The
 * notebooks' cells use tensors of a few elements, which never reach the parallel, vectorised
 * and BLAS paths a lesson's first real batch takes: an MNIST-sized MLP step, a tanh regression
 * loop, softmax and log-softmax of a batch, cross-entropy, reductions and elementwise ops over a
 * million floats, a chain of small ops. Without them in the archive a student's first such cell
 * loads, verifies and links them. An archive trained on the benchmark's workloads themselves cut
 * their first calls' CPU by 0-28% (an upper bound, docs/performance.md). This tour's own effect,
 * 10 fresh processes a side alternating (2026-12-02, quiet): the calling thread's median CPU
 * 5-15% lower on each of six workloads, within overlapping ranges; wall time within the noise.
 *
 * <p>Training only: it runs in install.sh's training process, never in a student's kernel, and
 * seeds nothing a cell could see.
 */
final class LibraryTour {
    /** Enough calls that each kernel's vector-path trials (HotPath) run, and lose or win. */
    private static final int ROUNDS = 12;

    private LibraryTour() {
    }

    static void run() {
        Torch.manualSeed(0);
        Runnable[] steps = {mlpStep(), tanhLoop(), rows(), crossEntropy(), reductions(), chain(), matmul()};
        for (int round = 0; round < ROUNDS; round++) {
            for (Runnable step : steps) {
                step.run();
            }
        }
    }

    /** 784 -> 256 -> 10 with ReLU, batch 128, cross-entropy, SGD: zero_grad, forward, backward, step. */
    private static Runnable mlpStep() {
        Linear hidden = new Linear(784, 256), output = new Linear(256, 10);
        SGD optimizer = sgd(hidden, output);
        Tensor images = Torch.randn(128, 784), labels = Torch.randint(0, 10, 128);
        return () -> {
            optimizer.zeroGrad();
            Functional.crossEntropy(output.forward(hidden.forward(images).relu()), labels).backward();
            optimizer.step();
        };
    }

    /** 50 steps of a 2 -> 16 -> 1 tanh network on 100 points, MSE. */
    private static Runnable tanhLoop() {
        Linear l1 = new Linear(2, 16), l2 = new Linear(16, 1);
        SGD optimizer = sgd(l1, l2);
        Tensor x = Torch.randn(100, 2), y = Torch.randn(100, 1);
        return () -> {
            for (int step = 0; step < 50; step++) {
                optimizer.zeroGrad();
                Functional.mseLoss(l2.forward(l1.forward(x).tanh()), y).backward();
                optimizer.step();
            }
        };
    }

    /** softmax and log-softmax over the rows of a 1000 x 1000 batch, and over its columns. */
    private static Runnable rows() {
        Tensor x = Torch.randn(1000, 1000);
        return () -> {
            x.softmax(1);
            x.logSoftmax(1);
            x.softmax(0);
        };
    }

    private static Runnable crossEntropy() {
        Tensor logits = Torch.randn(1000, 1000).requiresGrad_(), labels = Torch.randint(0, 1000, 1000);
        return () -> {
            logits.setGrad(null);
            Functional.crossEntropy(logits, labels).backward();
        };
    }

    /** Sums and means of a million floats, whole and over either dim; exp, sigmoid, add, mul of them. */
    private static Runnable reductions() {
        Tensor x = Torch.randn(1000, 1000), y = Torch.randn(1000, 1000);
        return () -> {
            x.sum().item();
            x.mean(0);
            x.mean(1);
            x.exp().sigmoid().add(y).mul(y);
        };
    }

    /** 40 elementwise ops on 1000 floats, then sum and backward: the per-op paths of autograd. */
    private static Runnable chain() {
        Tensor x = Torch.randn(1000).requiresGrad_();
        return () -> {
            x.setGrad(null);
            Tensor y = x;
            for (int i = 0; i < 10; i++) {
                y = y.mul(0.9).add(0.1).tanh().sigmoid();
            }
            y.sum().backward();
        };
    }

    private static Runnable matmul() {
        Tensor a = Torch.randn(256, 256), b = Torch.randn(256, 256);
        return () -> a.matmul(b).t().matmul(a);
    }

    private static SGD sgd(Linear... layers) {
        List<Tensor> params = new ArrayList<>();
        for (Linear layer : layers) {
            params.addAll(layer.parameters());
        }
        return new SGD(params, 0.01);
    }
}
