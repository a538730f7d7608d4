package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names by identity, gradients after backward, freed saved tensors: what torchviz cannot show. */
class NamesAndStateTest {
    private final Tensor a = Torch.tensor(new double[] {5}).requiresGrad_();
    private final Tensor b = Torch.tensor(new double[] {6}).requiresGrad_();
    private final Tensor y = a.pow(3).sub(b.pow(2));

    private static List<String> linesOfKind(GraphPicture picture, NodeKind kind) {
        var graph = picture.graph();
        return graph.nodesOf(kind).stream().map(n -> String.join(" ", picture.boxLines().get(n.id()))).toList();
    }

    private static Map<String, Tensor> named(Object... pairs) {
        var map = new LinkedHashMap<String, Tensor>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], (Tensor) pairs[i + 1]);
        return map;
    }

    @Test
    void withoutNamesLeavesShowTheirShapeLikeTorchviz() {
        assertEquals(List.of("(1)", "(1)"), linesOfKind(Viz.makeDot(y), NodeKind.LEAF));
    }

    @Test
    void paramsNameTheLeavesAndTheOutput() {
        var picture = Viz.makeDot(y, named("a", a, "b", b, "y", y));
        assertEquals(List.of("a (1)", "b (1)"), linesOfKind(picture, NodeKind.LEAF));
        assertEquals(List.of("y (1)"), linesOfKind(picture, NodeKind.OUTPUT));
        assertTrue(picture.toText().startsWith("autograd graph of y (1): 5 functions, 2 leaves\n"));
    }

    @Test
    void namesFollowIdentityNotEqualValues() {
        Tensor twin = Torch.tensor(new double[] {5}).requiresGrad_();
        Tensor sum = a.add(twin);
        var picture = Viz.makeDot(sum, named("twin", twin, "a", a));
        assertEquals(List.of("a (1)", "twin (1)"), linesOfKind(picture, NodeKind.LEAF));
    }

    @Test
    void kernelNamesFillOnlyWhatParamsLeaveUnnamed() {
        var picture = Viz.makeDot(y, named("alpha", a)).withNames(NameResolver.of(named("a", a, "b", b)));
        assertEquals(List.of("alpha (1)", "b (1)"), linesOfKind(picture, NodeKind.LEAF));
    }

    @Test
    void afterBackwardLeavesShowTheirGradientAsPyTorchPrintsIt() {
        y.backward();
        var picture = Viz.makeDot(y, named("a", a, "b", b));
        // The reference notebook prints tensor([75.]) and tensor([-12.]) for a.grad and b.grad.
        assertEquals(List.of("a (1) grad=tensor([75.])", "b (1) grad=tensor([-12.])"),
                linesOfKind(picture, NodeKind.LEAF));
        var quiet = Viz.makeDot(y, VizOptions.defaults().withShowGrads(false));
        assertEquals(List.of("(1)", "(1)"), linesOfKind(quiet, NodeKind.LEAF));
    }

    @Test
    void largeGradientsShowOnlyTheirShape() {
        Tensor loss = GoldenGraphs.seedLoss();
        loss.backward();
        var leaves = linesOfKind(Viz.makeDot(loss), NodeKind.LEAF);
        assertEquals(List.of("(1, 10) grad: (1, 10)", "(10, 1) grad: (10, 1)", "(1) grad=tensor([-1.])"), leaves);
    }

    @Test
    void savedTensorsAreDrawnOnceAndTiedByDashedEdges() {
        var picture = Viz.makeDot(y, VizOptions.defaults().withShowSaved(true));
        var graph = picture.graph();
        // PowBackward0 saves its input, which is the leaf itself: no second box for it.
        assertTrue(graph.nodesOf(NodeKind.SAVED).isEmpty());
        var saved = graph.edges().stream().filter(GraphEdge::saved).toList();
        assertEquals(2, saved.size());
        for (GraphEdge edge : saved) {
            assertEquals(NodeKind.LEAF, graph.node(edge.from()).kind());
            assertEquals("PowBackward0", graph.node(edge.to()).title());
        }
        assertFalse(graph.freed());
    }

    @Test
    void aTensorSavedTwiceByOneFunctionGetsOneLine() {
        Tensor square = a.mul(a);
        var graph = Viz.makeDot(square, VizOptions.defaults().withShowSaved(true)).graph();
        assertEquals(1, graph.edges().stream().filter(GraphEdge::saved).count());
    }

    @Test
    void aGraphFreedByBackwardSaysSoInsteadOfFailing() throws Exception {
        y.backward();
        var picture = Viz.makeDot(y, VizOptions.defaults().withShowSaved(true));
        var graph = picture.graph();
        assertTrue(graph.freed());
        assertTrue(graph.edges().stream().noneMatch(GraphEdge::saved));
        var pows = graph.nodes().stream().filter(n -> n.title().equals("PowBackward0")).toList();
        assertEquals(2, pows.size());
        pows.forEach(p -> assertEquals(List.of("saved: freed by backward()"), p.details()));
        assertTrue(picture.toText().endsWith("backward() has run: saved tensors are freed (retain_graph=True keeps them)"));
        var caption = new SvgCheck(picture.toSvg()).elements("text").stream()
                .filter(t -> t.getAttribute("class").equals("jag-caption")).toList();
        assertEquals(1, caption.size());
    }

    @Test
    void retainGraphKeepsSavedTensorsVisible() {
        y.backward(Torch.onesLike(y), true);
        var graph = Viz.makeDot(y, VizOptions.defaults().withShowSaved(true)).graph();
        assertFalse(graph.freed());
        assertEquals(2, graph.edges().stream().filter(GraphEdge::saved).count());
    }

    @Test
    void tensorsWithoutHistoryAreASingleBox() {
        for (Tensor t : List.of(a, Torch.ones(2, 3))) {
            var graph = Viz.makeDot(t).graph();
            assertEquals(1, graph.nodes().size());
            assertEquals(NodeKind.OUTPUT, graph.node(0).kind());
            assertTrue(graph.edges().isEmpty());
        }
    }

    @Test
    void severalOutputsShareTheirCommonPart() {
        Tensor cube = a.pow(3);
        Tensor twice = cube.mul(2), half = cube.div(2);
        var graph = Viz.makeDot(List.of(twice, half), VizOptions.defaults()).graph();
        assertEquals(2, graph.nodesOf(NodeKind.OUTPUT).size());
        assertEquals(1, graph.nodes().stream().filter(n -> n.title().equals("PowBackward0")).count());
        assertEquals(1, graph.nodesOf(NodeKind.LEAF).size());
    }

    @Test
    void mimeBundleHasTextAnImgOfTheSvgTheSvgAndAPngThatSurviveSanitisers() {
        var picture = Viz.makeDot(y);
        var bundle = picture.mimeBundle();
        assertEquals(List.of("text/plain", "text/html", "image/svg+xml", "image/png"), List.copyOf(bundle.keySet()));
        assertEquals(picture.toText(), bundle.get("text/plain"));
        assertEquals(picture.toSvg(), bundle.get("image/svg+xml"));
        assertTrue(bundle.get("image/svg+xml").startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        // The HTML is one <img>: no inline <svg>, whose text a sanitiser would leave jumbled.
        String html = bundle.get("text/html");
        assertTrue(html.startsWith("<img class=\"jag-graph unconfined\" src=\"data:image/svg+xml;base64,"), html);
        assertFalse(html.contains("<svg"));
        String base64 = html.split("base64,", 2)[1].split("\"", 2)[0];
        assertEquals(picture.toSvg(), new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        assertTrue(html.contains("alt=\"autograd graph of (1): 5 functions, 2 leaves\""), html);
        assertArrayEquals(picture.toPng(), Base64.getDecoder().decode(bundle.get("image/png")));
        double[] size = picture.size();
        assertEquals(Map.of("image/png", Map.of("width", (int) Math.ceil(size[0]), "height", (int) Math.ceil(size[1]))),
                picture.mimeMetadata());
    }

    @Test
    void aHugeGraphIsCutAtTheBoxLimitAndSaysSo() {
        Tensor x = a;
        for (int i = 0; i < 1000; i++) x = x.mul(1.0001);
        var picture = Viz.makeDot(x);
        assertTrue(picture.graph().truncated());
        assertEquals(GraphBuilder.MAX_NODES, picture.graph().nodes().size());
        assertTrue(picture.toText().endsWith("truncated at " + GraphBuilder.MAX_NODES + " boxes"));
    }

    @Test
    void theTextIsATreeFromTheOutputToItsLeaves() {
        y.backward();
        String text = Viz.makeDot(y, named("a", a, "b", b, "y", y)).toText();
        assertEquals("""
                autograd graph of y (1): 5 functions, 2 leaves
                y (1)
                └─ SubBackward0
                   ├─ PowBackward0
                   │  └─ AccumulateGrad
                   │     └─ a (1) grad=tensor([75.])
                   └─ PowBackward0
                      └─ AccumulateGrad
                         └─ b (1) grad=tensor([-12.])
                backward() has run: saved tensors are freed (retain_graph=True keeps them)""", text);
    }

    @Test
    void aBoxMetTwiceIsShownOnceWithItsInputs() {
        Tensor cube = a.pow(3);
        String text = Viz.makeDot(cube.mul(cube), named("a", a)).toText();
        assertEquals("""
                autograd graph of (1): 3 functions, 1 leaf
                (1)
                └─ MulBackward0
                   ├─ PowBackward0
                   │  └─ AccumulateGrad
                   │     └─ a (1)
                   └─ PowBackward0 (its inputs are above)""", text);
    }

    @Test
    void bigGraphsSummariseInAFewLines() {
        var text = Viz.makeDot(GoldenGraphs.mlp(4, 4, 4, 4, 4, 4, 4, 4, 1)).toText().split("\n");
        assertEquals("autograd graph of (): 42 functions, 16 leaves", text[0]);
        assertTrue(text.length <= 14, text.length + " lines");
        assertTrue(text[text.length - 1].matches("\\.\\.\\. \\d+ more lines \\(toSvg\\(\\), toDot\\(\\)\\)"), text[text.length - 1]);
    }
}
