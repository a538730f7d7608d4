package dev.jautograd.kernel.display;

import dev.jautograd.viz.GraphPicture;
import dev.jautograd.viz.NameResolver;
import java.util.function.Supplier;

/**
 * A computation graph ({@code Viz.makeDot(y)}) as inline SVG, its boxes named after the notebook
 * variables that hold the tensors, which torchviz can only do with a hand-written params dict.
 */
public final class GraphRenderer implements Renderer<GraphPicture> {
    private final Supplier<NameResolver> notebookNames;

    /** @param notebookNames names of the notebook's tensors, read when a graph is shown */
    public GraphRenderer(Supplier<NameResolver> notebookNames) {
        this.notebookNames = notebookNames;
    }

    @Override
    public MimeBundle render(GraphPicture picture, String shellText) {
        return new MimeBundle(picture.withNames(notebookNames.get()).mimeBundle());
    }
}
