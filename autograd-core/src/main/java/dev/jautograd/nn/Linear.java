package dev.jautograd.nn;

import static dev.jautograd.internal.TensorInternals.storage;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.random.Generator;
import dev.jautograd.storage.FloatStorage;

/**
 * {@code torch.nn.Linear(in, out, bias=True)}: weight (out×in) and bias (out), initialised as
 * PyTorch does (kaiming_uniform_ with a = √5, then the bias uniform in ±1/√in), drawing from the
 * default generator in the same order, so after the same seed the parameters are the same numbers.
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Tensor weight;
    private final Tensor bias;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", uniform(kaimingBound(inFeatures), outFeatures, inFeatures));
        // Without a bias PyTorch draws nothing more, so later layers get the same numbers either way.
        this.bias = registerParameter("bias", bias ? uniform(1 / Math.sqrt(inFeatures), outFeatures) : null);
        dev.jautograd.loops.Blas.loadInBackground(); // a layer multiplies matrices next: no first forward waits for the BLAS
    }

    /** The bound of kaiming_uniform_(a=√5): gain √(2/(1+a²)), std gain/√fan_in, bound √3·std, in Python's order. */
    private static double kaimingBound(int fanIn) {
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + Math.pow(a, 2)));
        double std = gain / Math.sqrt(fanIn);
        return Math.sqrt(3.0) * std;
    }

    private static Tensor uniform(double bound, int... shape) {
        Tensor t = TensorInternals.empty(DType.FLOAT32, shape);
        Generator.defaultGenerator().uniform(((FloatStorage) storage(t)).array(), -bound, bound);
        return t;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.linear(input, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null for {@code Linear(in, out, false)}. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + PyRepr.bool(bias != null);
    }
}
