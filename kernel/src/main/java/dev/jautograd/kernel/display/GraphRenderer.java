package dev.jautograd.kernel.display;

import dev.jautograd.viz.GraphPicture;
import dev.jautograd.viz.NameResolver;
import java.util.function.Supplier;

/**
 * A computation graph ({@code Viz.makeDot(y)}) as a picture, its boxes named after the notebook
 * variables that hold the tensors, which torchviz can only do with a hand-written params dict.
 * The bundle is {@link GraphPicture#mimeBundle()}: text, an {@code <img>} of the SVG, the SVG and a
 * PNG, so it shows in trusted and untrusted notebooks and in nbconvert's HTML alike.
 */
public final class GraphRenderer implements Renderer<GraphPicture> {
    private final Supplier<NameResolver> notebookNames;

    /** @param notebookNames names of the notebook's tensors, read when a graph is shown */
    public GraphRenderer(Supplier<NameResolver> notebookNames) {
        this.notebookNames = notebookNames;
    }

    @Override
    public MimeBundle render(GraphPicture picture, String shellText) {
        var named = picture.withNames(notebookNames.get());
        return new MimeBundle(named.mimeBundle(), named.mimeMetadata());
    }
}
