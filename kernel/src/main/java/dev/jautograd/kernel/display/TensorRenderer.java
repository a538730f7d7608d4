package dev.jautograd.kernel.display;

import dev.jautograd.Tensor;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A {@link Tensor} as a notebook shows it: {@code text/plain} is exactly its PyTorch repr; the
 * HTML keeps that familiar text and adds a smaller line of facts under it (shape, dtype, autograd
 * state), and a leaf's gradient, which is what a learner checks next.
 *
 * <p>The HTML is one {@code <pre>} with {@code <small>} lines and no style attributes: an untrusted
 * notebook's sanitiser (Notebook 6, JupyterLab) drops every {@code style}, so the facts are placed
 * where they read the same with or without CSS, trusted or not.
 */
public final class TensorRenderer implements Renderer<Tensor> {
    static void register(DisplayRegistry registry) {
        registry.register(Tensor.class, new TensorRenderer());
    }

    @Override
    public MimeBundle render(Tensor tensor, String shellText) {
        String repr = tensor.toString();
        var html = new StringBuilder();
        html.append("<pre class=\"jautograd-tensor\">").append(Html.escape(repr));
        html.append("\n<small>").append(Html.escape(facts(tensor))).append("</small>");
        if (tensor.isLeaf() && tensor.grad() != null) {
            html.append("\n<small>grad: ").append(Html.escape(tensor.grad().toString())).append("</small>");
        }
        html.append("</pre>");
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
