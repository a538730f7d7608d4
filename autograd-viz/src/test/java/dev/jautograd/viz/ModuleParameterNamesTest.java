package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Linear;
import dev.jautograd.nn.Module;
import dev.jautograd.nn.ReLU;
import dev.jautograd.nn.Sequential;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameters are named by module path, as torchviz with params=dict(model.named_parameters()). */
class ModuleParameterNamesTest {
    private static List<String> leaves(GraphPicture picture) {
        return picture.graph().nodesOf(NodeKind.LEAF).stream()
                .map(n -> String.join(" ", picture.boxLines().get(n.id()))).toList();
    }

    static final class Net extends Module {
        final Linear l1 = registerModule("l1", new Linear(2, 3));
        final Tensor scale = registerParameter("scale", Torch.ones(3));

        @Override
        public Tensor forward(Tensor x) {
            return l1.forward(x).mul(scale);
        }
    }

    @Test
    void sequentialLayersAreNamedByIndex() {
        Torch.manualSeed(0);
        var model = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1));
        var picture = Viz.makeDot(model.forward(Torch.randn(4, 2)).sum());
        assertEquals(List.of("2.bias (1)", "0.bias (3)", "0.weight (3, 2)", "2.weight (1, 3)"), leaves(picture));
        assertEquals(picture.toDot().contains("label=\"0.weight\\n(3, 2)\"") || picture.toDot().contains("0.weight"), true);
        assertEquals(true, picture.toSvg().contains(">0.weight<"));
    }

    @Test
    void aLayerRegisteredLaterIsNamedFromItsNewParent() {
        var layer = new Linear(2, 3);
        Tensor out = layer.forward(Torch.randn(1, 2)).sum();
        assertEquals(List.of("bias (3)", "weight (3, 2)"), leaves(Viz.makeDot(out)));
        var model = new Net();
        model.registerModule("first", layer);
        assertEquals(List.of("first.bias (3)", "first.weight (3, 2)"), leaves(Viz.makeDot(out)));
        Tensor net = model.forward(Torch.randn(1, 2)).sum();
        assertEquals(List.of("l1.bias (3)", "l1.weight (3, 2)", "scale (3)"), leaves(Viz.makeDot(net)));
    }

    @Test
    void givenNamesStillWin() {
        var layer = new Linear(2, 1);
        var picture = Viz.makeDot(layer.forward(Torch.randn(1, 2)).sum(), Map.of("w", layer.weight()));
        assertEquals(List.of("bias (1)", "w (1, 2)"), leaves(picture));
    }
}
