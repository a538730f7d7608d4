package dev.jautograd.nn;

import dev.jautograd.Tensor;
import dev.jautograd.random.Generator;
import dev.jautograd.storage.FloatStorage;
import java.util.List;

/**
 * {@code torch.nn.Linear(in, out)}: weight (out×in) and bias (out), initialised as PyTorch does
 * (kaiming_uniform_ with a = √5, then the bias uniform in ±1/√in), drawing from the default
 * generator in the same order, so after the same seed the parameters are the same numbers.
 */
public final class Linear {
    private final Tensor weight;
    private final Tensor bias;

    public Linear(int inFeatures, int outFeatures) {
        this.weight = uniform(kaimingBound(inFeatures), outFeatures, inFeatures);
        this.bias = uniform(1 / Math.sqrt(inFeatures), outFeatures);
    }

    /** The bound of kaiming_uniform_(a=√5): gain √(2/(1+a²)), std gain/√fan_in, bound √3·std, in Python's order. */
    private static double kaimingBound(int fanIn) {
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + Math.pow(a, 2)));
        double std = gain / Math.sqrt(fanIn);
        return Math.sqrt(3.0) * std;
    }

    private static Tensor uniform(double bound, int... shape) {
        Tensor t = Tensor.empty(dev.jautograd.DType.FLOAT32, shape);
        Generator.defaultGenerator().uniform(((FloatStorage) t.storage()).array(), -bound, bound);
        return t.requiresGrad_();
    }

    public Tensor forward(Tensor input) {
        return Functional.linear(input, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    public List<Tensor> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public String toString() {
        return "Linear(in_features=" + weight.size(1) + ", out_features=" + weight.size(0) + ", bias=True)";
    }
}
