package dev.jautograd.ops;

import dev.jautograd.Tensor;
import dev.jautograd.autograd.Node;
import dev.jautograd.autograd.SavedTensor;

/**
 * log Σ exp(x) over dims (LogsumexpBackward0), shifted by the maximum so large inputs do not
 * overflow (an infinite maximum is not subtracted, as in PyTorch). Gradient: exp(x - result)·grad.
 */
public final class LogSumExp extends Node {
    private final SavedTensor input;
    private final SavedTensor result;
    private final Dims dims;

    private LogSumExp(Tensor input, Tensor result, Dims dims) {
        super("LogsumexpBackward0", input);
        this.input = save(input);
        this.result = saveOutput(result);
        this.dims = dims;
    }

    public static Tensor apply(Tensor input, int[] dims, boolean keepdim) {
        Dims d = Dims.of(dims, input.dim(), keepdim);
        int[] all = java.util.stream.IntStream.range(0, input.dim()).filter(i -> d.reduced()[i]).toArray();
        Tensor x = input.detach().to(Graph.floatResult(input));
        Tensor max = x;
        for (int dim : all) max = Extremes.along(max, dim, true, true).values();
        max = Where.apply(max.abs().eq(Double.POSITIVE_INFINITY), Graph.scalar(0, max), max);
        Tensor out = x.sub(max).exp().sum(all, true).log().add(max);
        if (!keepdim) out = out.reshape(x.sum(all, false).shape());
        return Graph.records(input) ? Graph.attach(out, new LogSumExp(input, out, d)) : out;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Tensor x = input.get();
        return new Tensor[] {dims.restore(grad).mul(x.sub(dims.restore(result.get())).exp())};
    }
}
