package dev.jautograd.viz;

import dev.jautograd.Tensor;
import java.util.Map;

/**
 * What a graph picture shows. The defaults match torchviz's {@code make_dot} (no saved tensors,
 * no attributes) plus two things torchviz cannot do: leaves named from the notebook and their
 * gradients after {@code backward()}.
 *
 * @param showSaved show the tensors each function saved for backward (torchviz's {@code show_saved})
 * @param showAttrs show function attributes such as a pow's exponent (torchviz's {@code show_attrs})
 * @param showGrads show a leaf's {@code .grad} inside its box once backward has run
 * @param names     names for tensors, tried before any names a kernel adds at display time
 */
public record VizOptions(boolean showSaved, boolean showAttrs, boolean showGrads, NameResolver names) {
    public VizOptions {
        if (names == null) names = NameResolver.none();
    }

    public static VizOptions defaults() {
        return new VizOptions(false, false, true, NameResolver.none());
    }

    public VizOptions withShowSaved(boolean show) {
        return new VizOptions(show, showAttrs, showGrads, names);
    }

    public VizOptions withShowAttrs(boolean show) {
        return new VizOptions(showSaved, show, showGrads, names);
    }

    public VizOptions withShowGrads(boolean show) {
        return new VizOptions(showSaved, showAttrs, show, names);
    }

    public VizOptions withNames(NameResolver resolver) {
        return new VizOptions(showSaved, showAttrs, showGrads, resolver);
    }

    /** torchviz's {@code params}: a name for each tensor given. */
    public VizOptions withParams(Map<String, Tensor> params) {
        return withNames(NameResolver.of(params).orElse(names));
    }
}
