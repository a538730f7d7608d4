package dev.jautograd.kernel.display;

import dev.jautograd.Tensor;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A {@link Tensor} as a notebook shows it: {@code text/plain} is exactly its PyTorch repr; the
 * HTML keeps that familiar text in a {@code <pre>} and adds one line of facts under it (shape,
 * dtype, autograd state, and a leaf's gradient), which is what a learner checks next.
 */
public final class TensorRenderer implements Renderer<Tensor> {
    static void register(DisplayRegistry registry) {
        registry.register(Tensor.class, new TensorRenderer());
    }

    @Override
    public MimeBundle render(Tensor tensor, String shellText) {
        String repr = tensor.toString();
        var html = new StringBuilder();
        html.append("<div class=\"jautograd-tensor\">");
        html.append("<pre style=\"font-family: monospace; margin: 0;\">").append(Html.escape(repr)).append("</pre>");
        html.append("<div style=\"font-family: monospace; font-size: 85%; opacity: 0.75;\">")
                .append(Html.escape(facts(tensor)))
                .append("</div>");
        if (tensor.isLeaf() && tensor.grad() != null) {
            html.append("<div style=\"font-family: monospace; font-size: 85%; opacity: 0.75;\">grad:</div>")
                    .append("<pre style=\"font-family: monospace; font-size: 85%; margin: 0;\">")
                    .append(Html.escape(tensor.grad().toString()))
                    .append("</pre>");
        }
        html.append("</div>");
        return MimeBundle.of(repr, html.toString());
    }

    /** e.g. {@code torch.Size([10, 1]) · torch.float32 · requires_grad=True · leaf}, in PyTorch's words. */
    static String facts(Tensor tensor) {
        var parts = new StringBuilder();
        parts.append(size(tensor.shape()));
        parts.append(" \u00b7 ").append(tensor.dtype());
        parts.append(" \u00b7 requires_grad=").append(tensor.requiresGrad() ? "True" : "False");
        var gradFn = tensor.gradFn();
        parts.append(" \u00b7 ").append(gradFn != null ? "grad_fn=<" + gradFn.name() + ">" : "leaf");
        return parts.toString();
    }

    /** As PyTorch prints {@code tensor.shape}: {@code torch.Size([10, 1])}, {@code torch.Size([])}. */
    static String size(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "torch.Size([", "])"));
    }
}
