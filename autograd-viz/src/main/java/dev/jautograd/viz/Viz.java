package dev.jautograd.viz;

import dev.jautograd.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * torchviz's {@code make_dot} for jautograd, in pure Java: the graph behind a tensor as a picture
 * that a notebook shows inline. No Graphviz, no {@code params} needed (a kernel names the leaves
 * from its variables), though {@code params} still works.
 */
public final class Viz {
    private static volatile Supplier<NameResolver> notebookNames = NameResolver::none;

    private Viz() {}

    /**
     * Where pictures find the names a notebook gives its tensors; a Jupyter kernel sets this once.
     * It is asked each time a picture is drawn (SVG, PNG, DOT or text), after the names given to
     * {@code makeDot}, so every form of a picture names the same tensors.
     */
    public static void useNotebookNames(Supplier<NameResolver> names) {
        notebookNames = names == null ? NameResolver::none : names;
    }

    static NameResolver notebookNames() {
        NameResolver names = notebookNames.get();
        return names == null ? NameResolver.none() : names;
    }

    public static GraphPicture makeDot(Tensor output) {
        return makeDot(one(output), VizOptions.defaults());
    }

    /** As {@code make_dot(var, params)}: {@code params} names tensors (null for none). */
    public static GraphPicture makeDot(Tensor output, Map<String, Tensor> params) {
        return makeDot(output, params, false, false);
    }

    /** As {@code make_dot(var, params, show_attrs, show_saved)}. */
    public static GraphPicture makeDot(Tensor output, Map<String, Tensor> params, boolean showAttrs,
                                       boolean showSaved) {
        var options = VizOptions.defaults().withShowAttrs(showAttrs).withShowSaved(showSaved);
        return makeDot(one(output), params == null ? options : options.withParams(params));
    }

    public static GraphPicture makeDot(Tensor output, VizOptions options) {
        return makeDot(one(output), options);
    }

    /** One picture for several outputs (torchviz accepts a tuple); shared parts are drawn once. */
    public static GraphPicture makeDot(List<Tensor> outputs, VizOptions options) {
        for (int i = 0; outputs != null && i < outputs.size(); i++) {
            if (outputs.get(i) == null) {
                throw new NullPointerException("makeDot: output " + i + " of " + outputs.size() + " is null");
            }
        }
        return new GraphPicture(GraphBuilder.build(outputs, options), options.names());
    }

    /**
     * The one output as a list. {@code List.of(null)} threw a NullPointerException with no message
     * at all, and a student's graph cell showed just "NullPointerException".
     */
    private static List<Tensor> one(Tensor output) {
        if (output == null) {
            throw new NullPointerException("makeDot: the tensor to draw is null (a variable not assigned yet, "
                    + "e.g. a loss set only inside a loop that has not run?)");
        }
        return List.of(output);
    }
}
