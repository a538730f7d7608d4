package dev.jautograd.autograd;

import static dev.jautograd.internal.TensorInternals.storage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jautograd.Autograd;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.nn.Functional;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-off rule (Handoff, Node#owned, Node#isOwned): a gradient buffer nobody else holds may
 * become a leaf's .grad without a copy, or take the next node's result in place, as PyTorch's
 * AccumulateGrad steals a gradient whose use_count is 1. Each case where someone else could see
 * the buffer must leave every value as the copying path gives it, and never alias two tensors.
 */
class GradientHandoffTest {
    private static final long[] TARGETS = {2, 0, 4, 4};

    /** 4×5 logits whose cross-entropy gradient is not symmetric (so a wrong write shows). */
    private static Tensor logits() {
        Torch.manualSeed(7);
        return Torch.randn(4, 5).requiresGrad_();
    }

    private static Tensor nll(Tensor logProbabilities) {
        return Functional.nllLoss(logProbabilities, Torch.tensor(TARGETS));
    }

    /** nll_loss's gradient for the mean over 4 rows: -1/4 at each row's target, +0 elsewhere. */
    private static double[] nllGradient() {
        double[] g = new double[20];
        for (int row = 0; row < 4; row++) g[row * 5 + (int) TARGETS[row]] = -0.25;
        return g;
    }

    /** Cross-entropy's gradient of these logits by the copying path: a hook on the log-probabilities stops every hand-off. */
    private static double[] copiedGradient() {
        Tensor x = logits(), y = x.logSoftmax(1);
        y.registerHook(g -> null);
        nll(y).backward();
        return x.grad().toDoubleArray();
    }

    /** x · 2 with a gradient it hands over (and, against the contract, remembers, so the test can see the buffer). */
    private static final class Twice extends Node {
        Tensor last;

        private Twice(Tensor x) {
            super("TwiceBackward", x);
        }

        static Twice apply(Tensor x, List<Tensor> out) {
            Twice node = new Twice(x);
            Tensor y;
            try (var noGrad = GradMode.disabled()) {
                y = x.mul(2);
            }
            TensorInternals.setGradFn(y, node);
            out.add(y);
            return node;
        }

        @Override
        protected Tensor[] backward(Tensor grad) {
            last = grad.mul(2);
            return new Tensor[] {owned(last)};
        }
    }

    /**
     * a + b whose backward hands one fresh buffer to both inputs, as the same tensor or through a
     * second view of it: a node error the engine must catch.
     */
    private static final class SharedPair extends Node {
        private final boolean view;

        private SharedPair(Tensor a, Tensor b, boolean view) {
            super("SharedPairBackward", a, b);
            this.view = view;
        }

        @Override
        protected Tensor[] backward(Tensor grad) {
            Tensor g = owned(grad.mul(1));
            return new Tensor[] {g, view ? owned(g.view(g.shape())) : g};
        }
    }

    @Test
    void aHandedOverGradientBecomesTheLeafsGradWithoutACopy() {
        Tensor x = Torch.randn(3).requiresGrad_();
        List<Tensor> out = new ArrayList<>();
        Twice node = Twice.apply(x, out);
        out.get(0).sum().backward();
        assertSame(storage(node.last), storage(x.grad()));
        assertArrayEquals(new double[] {2, 2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void crossEntropyHandsOffWithTheCopyingPathsBits() {
        Tensor x = logits();
        nll(x.logSoftmax(1)).backward();
        assertArrayEquals(copiedGradient(), x.grad().toDoubleArray());
    }

    @Test
    void aHookOnTheLogProbabilitiesKeepsWhatItSaw() {
        Tensor x = logits(), y = x.logSoftmax(1);
        Tensor[] seen = new Tensor[1];
        y.registerHook(g -> {
            seen[0] = g;
            return null;
        });
        nll(y).backward();
        assertArrayEquals(nllGradient(), seen[0].toDoubleArray());
        assertArrayEquals(copiedGradient(), x.grad().toDoubleArray());
    }

    @Test
    void aHookOnTheLeafKeepsWhatItSawThroughASecondPass() {
        Tensor x = logits();
        List<Tensor> seen = new ArrayList<>();
        x.registerHook(g -> {
            seen.add(g);
            return null;
        });
        nll(x.logSoftmax(1)).backward();
        nll(x.logSoftmax(1)).backward();
        double[] once = copiedGradient();
        assertArrayEquals(once, seen.get(0).toDoubleArray());
        assertArrayEquals(twice(once), x.grad().toDoubleArray());
    }

    @Test
    void aHookOnAReluOutputKeepsWhatItSaw() {
        Torch.manualSeed(3);
        Tensor x = Torch.randn(4, 3).requiresGrad_(), w = Torch.randn(3, 2);
        Tensor r = x.relu();
        Tensor[] seen = new Tensor[1];
        r.registerHook(g -> {
            seen[0] = g;
            return null;
        });
        r.mm(w).sum().backward(); // mm's gradient is a new buffer: without the hook relu would overwrite it
        Tensor expected = Torch.ones(4, 2).mm(w.t());
        assertArrayEquals(expected.toDoubleArray(), seen[0].toDoubleArray());
        double[] passed = expected.toDoubleArray(), input = x.detach().toDoubleArray();
        for (int i = 0; i < passed.length; i++) passed[i] = input[i] > 0 ? passed[i] : 0.0;
        assertArrayEquals(passed, x.grad().toDoubleArray());
    }

    @Test
    void reluTakesAnOwnedGradientInPlaceWithTheSameBits() {
        Torch.manualSeed(3);
        Tensor x = Torch.randn(64, 40).requiresGrad_(), w = Torch.randn(40, 30);
        x.relu().mm(w).sum().backward();
        Tensor copied = x.detach().clone().requiresGrad_(), r = copied.relu();
        r.registerHook(g -> null);
        r.mm(w).sum().backward();
        assertArrayEquals(copied.grad().toDoubleArray(), x.grad().toDoubleArray());
    }

    /** Three SGD steps of a small MLP; with set_to_none every .grad is a handed-over buffer. */
    private static List<Tensor> trained(boolean setToNone) {
        Torch.manualSeed(5);
        var hidden = new dev.jautograd.nn.Linear(6, 8);
        var output = new dev.jautograd.nn.Linear(8, 3);
        List<Tensor> params = new ArrayList<>(hidden.parameters());
        params.addAll(output.parameters());
        var sgd = new dev.jautograd.optim.SGD(params, 0.1);
        Tensor images = Torch.randn(5, 6), labels = Torch.tensor(new long[] {0, 2, 1, 1, 0});
        for (int step = 0; step < 3; step++) {
            sgd.zeroGrad(setToNone);
            Functional.crossEntropy(output.forward(hidden.forward(images).relu()), labels).backward();
            sgd.step();
        }
        return params;
    }

    @Test
    void setToNoneTrainsAsZeroedGradientsDo() {
        List<Tensor> stolen = trained(true), accumulated = trained(false);
        for (int i = 0; i < stolen.size(); i++) {
            assertArrayEquals(accumulated.get(i).toDoubleArray(), stolen.get(i).toDoubleArray());
            assertArrayEquals(accumulated.get(i).grad().toDoubleArray(), stolen.get(i).grad().toDoubleArray());
            for (int j = 0; j < i; j++) assertNotSame(storage(stolen.get(j).grad()), storage(stolen.get(i).grad()));
        }
    }

    @Test
    void retainGradOnTheLogProbabilitiesKeepsNllsGradient() {
        Tensor x = logits(), y = x.logSoftmax(1).retainGrad();
        nll(y).backward();
        assertArrayEquals(nllGradient(), y.grad().toDoubleArray());
        assertArrayEquals(copiedGradient(), x.grad().toDoubleArray());
    }

    @Test
    void aGradientAddPassesToTwoLeavesIsCopiedForEach() {
        Tensor a = logits(), b = Torch.zeros(4, 5).requiresGrad_();
        nll(a.add(b).logSoftmax(1)).backward();
        assertNotSame(storage(a.grad()), storage(b.grad()));
        double[] expected = copiedGradient();
        a.grad().add_(1);
        assertArrayEquals(expected, b.grad().toDoubleArray());
    }

    @Test
    void oneBufferHandedToTwoInputsIsCopiedForEach() {
        for (boolean view : new boolean[] {false, true}) {
            Tensor a = Torch.randn(3).requiresGrad_(), b = Torch.randn(3).requiresGrad_();
            Tensor y;
            try (var noGrad = GradMode.disabled()) {
                y = a.add(b);
            }
            TensorInternals.setGradFn(y, new SharedPair(a, b, view));
            y.sum().backward();
            assertNotSame(storage(a.grad()), storage(b.grad()));
            a.grad().add_(1);
            assertArrayEquals(new double[] {1, 1, 1}, b.grad().toDoubleArray());
        }
    }

    @Test
    void twoBackwardPassesAccumulateIntoTheSameGrad() {
        Tensor x = logits();
        nll(x.logSoftmax(1)).backward();
        Tensor first = x.grad();
        nll(x.logSoftmax(1)).backward();
        assertSame(first, x.grad()); // accumulated in place, as PyTorch
        assertArrayEquals(twice(copiedGradient()), x.grad().toDoubleArray());
    }

    @Test
    void aLeafReachedTwiceGetsTheSum() {
        Tensor x = logits();
        nll(x.logSoftmax(1)).add(nll(x.logSoftmax(1))).backward();
        assertArrayEquals(twice(copiedGradient()), x.grad().toDoubleArray());
    }

    @Test
    void createGraphCopiesIntoADifferentiableGrad() {
        Tensor x = Torch.randn(3).requiresGrad_();
        List<Tensor> out = new ArrayList<>();
        Twice node = Twice.apply(x, out);
        out.get(0).mul(x).sum().backward(null, true, true);
        assertNotSame(storage(node.last), storage(x.grad()));
        assertNotNull(x.grad().gradFn());
    }

    @Test
    void autogradGradReturnsCapturedGradientsUntouched() {
        Tensor x = logits(), y = x.logSoftmax(1);
        Tensor[] grads = Autograd.grad(new Tensor[] {nll(y)}, new Tensor[] {y, x}, null, null, false, false);
        assertArrayEquals(nllGradient(), grads[0].toDoubleArray());
        assertArrayEquals(copiedGradient(), grads[1].toDoubleArray());
    }

    @Test
    void anObserverSeesEveryGradientAsItWasSent() {
        Tensor x = logits(), loss = nll(x.logSoftmax(1));
        List<Tensor> sentByNll = new ArrayList<>();
        Engine.observe(new Tensor[] {loss}, new Tensor[] {null}, (node, grad, sent) -> {
            if (node.name().equals("NllLossBackward0")) sentByNll.add(sent[0]);
        });
        assertArrayEquals(nllGradient(), sentByNll.get(0).toDoubleArray());
    }

    @Test
    void aGradientTheUserPassesIsNeverWrittenInto() {
        Tensor x = logits(), y = x.logSoftmax(1);
        Tensor seed = Torch.tensor(nllGradient()).view(4, 5);
        y.backward(seed);
        assertArrayEquals(nllGradient(), seed.toDoubleArray());
        assertArrayEquals(copiedGradient(), x.grad().toDoubleArray());
        assertNotSame(storage(seed), storage(x.grad()));
    }

    private static double[] twice(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) out[i] *= 2;
        return out;
    }
}
