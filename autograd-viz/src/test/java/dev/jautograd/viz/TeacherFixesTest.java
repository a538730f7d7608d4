package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.options.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a teacher noticed in the graph pictures (issue 12): freed caption, wide graphs, DOT names. */
class TeacherFixesTest {
    private static final String FREED = "backward() has run: saved tensors are freed";

    @AfterEach
    void forgetNotebookNames() {
        Viz.useNotebookNames(null);
    }

    /** graphs.ipynb: {@code b} got a gradient from y's backward(); loss's graph never ran backward. */
    @Test
    void aLeafsGradientFromAnotherGraphDoesNotMakeThisGraphFreed() {
        Tensor a = Torch.tensor(new double[] {5}).requiresGrad_();
        Tensor b = Torch.tensor(new double[] {6}).requiresGrad_();
        a.pow(3).sub(b.pow(2)).backward();
        Tensor w = Torch.randn(10, 1).requiresGrad_();
        Tensor x = Torch.randn(1, 10).requiresGrad_();
        Tensor loss = Torch.matmul(x, w).add(b).rsub(1);
        var picture = Viz.makeDot(loss, VizOptions.defaults().withShowSaved(true));
        assertFalse(picture.graph().freed());
        assertFalse(picture.toText().contains(FREED), picture.toText());
        assertFalse(picture.toSvg().contains(FREED));
        assertTrue(picture.graph().nodes().stream().noneMatch(n -> n.details().contains("saved: freed by backward()")));
    }

    @Test
    void aGraphSharingAFunctionFreedByAnotherBackwardIsFreed() {
        Tensor a = Torch.tensor(new double[] {2, 3}).requiresGrad_();
        Tensor h = a.mul(a);                    // MulBackward0 saves a twice
        h.sum().backward();                     // frees it
        Tensor other = h.mul(2).sum();          // never backpropagated, but h's function is freed
        var picture = Viz.makeDot(other);
        assertTrue(picture.graph().freed());
        assertTrue(picture.toText().contains(FREED));
    }

    /** {@code sum = sum.add(w)} in a loop: ELK's default placement draws a staircase 3,800 px wide. */
    @Test
    void aLongChainFitsAnOutputAtFullSize() throws Exception {
        Tensor sum = Torch.zeros(1);
        var names = new LinkedHashMap<String, Tensor>();
        for (int i = 0; i < 30; i++) {
            Tensor leaf = Torch.ones(1).requiresGrad_();
            names.put("weight" + i, leaf);
            sum = sum.add(leaf);
        }
        fitsAtFullSize(Viz.makeDot(sum, names));
    }

    /** 32 leaves multiplied pairwise: one layer of 32 boxes, 4,700 px wide top to bottom. */
    @Test
    void aWideLayerIsLaidOutLeftToRight() throws Exception {
        var names = new LinkedHashMap<String, Tensor>();
        var level = new ArrayList<Tensor>();
        for (int i = 0; i < 32; i++) {
            Tensor leaf = Torch.ones(1).requiresGrad_();
            names.put("w" + i, leaf);
            level.add(leaf);
        }
        while (level.size() > 1) {
            var next = new ArrayList<Tensor>();
            for (int i = 0; i < level.size(); i += 2) next.add(level.get(i).mul(level.get(i + 1)));
            level = next;
        }
        var picture = Viz.makeDot(level.get(0), names);
        var svg = new SvgCheck(picture.toSvg());
        assertTrue(svg.viewBox().height() > 2 * svg.viewBox().width(), "left to right: tall, not wide");
        assertTrue(svg.viewBox().width() < 1100, "width " + svg.viewBox().width());
        var leaves = svg.boxes().stream().filter(b -> b.kindClass().equals("jag-leaf")).toList();
        assertTrue(leaves.stream().allMatch(b -> b.rect().x() == leaves.get(0).rect().x()), "leaves in one column");
    }

    private static void fitsAtFullSize(GraphPicture picture) throws Exception {
        var down = ElkLayout.layout(picture.graph(), picture.boxLines(), Direction.DOWN,
                NodePlacementStrategy.BRANDES_KOEPF);
        assertTrue(down.width() > 1500, "the default layout should be the wide one: " + down.width());
        var svg = new SvgCheck(picture.toSvg());
        assertTrue(svg.viewBox().width() <= ElkLayout.MAX_WIDTH, "width " + svg.viewBox().width());
        assertEquals(picture.boxLines(), svg.boxes().stream().map(SvgCheck.DrawnBox::lines).toList());
        // Text keeps its 12 px: the picture is not scaled, and the PNG is the same size at 2x.
        assertTrue(picture.toSvg().contains("font-size:12px"));
        var png = PngCheck.decode(picture.toPng());
        assertEquals((int) Math.ceil(svg.viewBox().width() * 2), png.getWidth());
    }

    @Test
    void aNarrowGraphStaysTopDown() {
        Tensor a = Torch.tensor(new double[] {5}).requiresGrad_();
        var picture = Viz.makeDot(a.pow(3).sub(a.mul(2)));
        var boxes = ElkLayout.layout(picture.graph(), picture.boxLines()).boxes();
        // The output (box 0) is below everything else: values flow down.
        for (int i = 1; i < boxes.size(); i++) assertTrue(boxes.get(i).y() < boxes.get(0).y());
    }

    @Test
    void toDotNamesWhatThePictureShowsNotebookNamesIncluded() {
        Tensor w1 = Torch.randn(3, 2).requiresGrad_();
        Tensor x = Torch.randn(1, 3);
        Tensor out = x.matmul(w1).sum();
        Viz.useNotebookNames(() -> NameResolver.of(Map.of("w1", w1, "out", out)));
        var picture = Viz.makeDot(out);
        String dot = picture.toDot();
        assertTrue(dot.contains("label=\"w1\\n(3, 2)\""), dot);
        assertTrue(dot.contains("label=\"out\\n()\""), dot);
        for (List<String> lines : picture.boxLines()) {
            assertTrue(dot.contains("label=\"" + String.join("\\n", lines) + "\""), lines + " not in\n" + dot);
        }
        assertTrue(picture.toText().contains("w1 (3, 2)"));
        assertTrue(picture.toSvg().contains(">w1</text>"));
    }

    @Test
    void aNameGivenLaterRedrawsThePicture() {
        Tensor a = Torch.tensor(new double[] {5}).requiresGrad_();
        Tensor y = a.mul(3);
        var picture = Viz.makeDot(y);
        assertFalse(picture.toSvg().contains(">a</text>"));
        Viz.useNotebookNames(() -> NameResolver.of(Map.of("a", a)));
        assertTrue(picture.toSvg().contains(">a</text>"));
        assertTrue(picture.toDot().contains("label=\"a\\n(1)\""));
    }
}
