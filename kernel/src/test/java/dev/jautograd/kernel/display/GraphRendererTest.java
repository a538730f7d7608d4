package dev.jautograd.kernel.display;

import static dev.jautograd.Options.requiresGrad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.viz.GraphPicture;
import dev.jautograd.viz.NameResolver;
import dev.jautograd.viz.Viz;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A graph value through the registry: SVG+PNG bundle with the PNG's size, boxes named by the notebook, cell names first. */
class GraphRendererTest {
    private final Tensor a = Torch.tensor(new double[] {5.}, requiresGrad());
    private final Tensor b = Torch.tensor(new double[] {6.}, requiresGrad());
    private final Tensor y = a.pow(3).sub(b.pow(2));

    @Test
    void aGraphRendersAsSvgWithTheNotebookNames() {
        var names = new LinkedHashMap<String, Tensor>();
        names.put("a", a);
        names.put("b", b);
        names.put("y", y);
        var registry = new DisplayRegistry().register(GraphPicture.class,
                new GraphRenderer(() -> NameResolver.of(names)));
        var bundle = registry.render(Viz.makeDot(y), "ignored");
        assertEquals(List.of("text/plain", "text/html", "image/svg+xml", "image/png"),
                List.copyOf(bundle.data().keySet()));
        assertTrue(bundle.data().get("text/html").startsWith("<img "), bundle.data().get("text/html"));
        var png = bundle.metadata().get("image/png");
        assertTrue((Integer) png.get("width") > 100 && (Integer) png.get("height") > 100, png.toString());
        assertTrue(bundle.plainText().startsWith("autograd graph of y (1): 5 functions, 2 leaves"), bundle.plainText());
        String svg = bundle.data().get("image/svg+xml");
        for (String label : List.of(">a</text>", ">b</text>", ">y</text>", ">SubBackward0</text>")) {
            assertTrue(svg.contains(label), label);
        }
    }

    @Test
    void namesGivenInTheCellWinOverNotebookNames() {
        var renderer = new GraphRenderer(() -> NameResolver.of(Map.of("a", a)));
        var bundle = renderer.render(Viz.makeDot(y, Map.of("alpha", a)), "ignored");
        assertTrue(bundle.plainText().contains("└─ alpha (1)"), bundle.plainText());
        assertFalse(bundle.plainText().contains("└─ a (1)"), bundle.plainText());
    }
}
