package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.viz.GoldenGraphs.Case;
import dev.jautograd.viz.SvgCheck.Rect;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden graph, plain and with saved tensors and attributes, drawn and read back as XML. */
class SvgOutputTest {
    /** Slack for comparing ELK's coordinates with the two-decimal numbers written in the SVG. */
    private static final double SLACK = 0.02;

    static Stream<Arguments> pictures() {
        return GoldenGraphs.load().stream().map(Case::name).sorted().flatMap(name -> Stream.of(
                Arguments.of(name + " plain", picture(name, VizOptions.defaults())),
                Arguments.of(name + " saved+attrs",
                        picture(name, VizOptions.defaults().withShowSaved(true).withShowAttrs(true)))));
    }

    private static GraphPicture picture(String caseName, VizOptions options) {
        return Viz.makeDot(GoldenGraphs.CASES.get(caseName).get(), options);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pictures")
    void boxesCarryTheirLabelsDoNotOverlapAndStayInsideTheViewBox(String name, GraphPicture picture) throws Exception {
        var svg = new SvgCheck(picture.toSvg());
        Rect viewBox = svg.viewBox();
        var boxes = svg.boxes();
        assertEquals(picture.boxLines(), boxes.stream().map(SvgCheck.DrawnBox::lines).toList());
        for (int i = 0; i < boxes.size(); i++) {
            Rect box = boxes.get(i).rect();
            assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= viewBox.width()
                    && box.y() + box.height() <= viewBox.height(), "box " + i + " outside the viewBox");
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(box.overlaps(boxes.get(j).rect()), "boxes " + i + " and " + j + " overlap");
            }
            for (String line : boxes.get(i).lines()) {
                assertTrue(line.length() * TextMetrics.CHAR_WIDTH <= box.width(), "'" + line + "' is wider than its box");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pictures")
    void boxesAreColouredByKind(String name, GraphPicture picture) throws Exception {
        var kinds = new SvgCheck(picture.toSvg()).boxes().stream().map(SvgCheck.DrawnBox::kindClass).toList();
        var expected = picture.graph().nodes().stream().map(n -> "jag-" + n.kind().cssName()).toList();
        assertEquals(expected, kinds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pictures")
    void edgesRunFromTheSourceBoxToTheTargetBoxWithAHeadUnlessSaved(String name, GraphPicture picture)
            throws Exception {
        var svg = new SvgCheck(picture.toSvg());
        var boxes = svg.boxes();
        var paths = svg.edgePaths();
        var edges = picture.graph().edges();
        assertEquals(edges.size(), paths.size());
        for (int i = 0; i < edges.size(); i++) {
            var points = paths.get(i);
            double[] start = points.get(0), end = points.get(points.size() - 1);
            assertTrue(boxes.get(edges.get(i).from()).rect().onBorder(start[0], start[1], SLACK), "edge " + i + " start");
            assertTrue(boxes.get(edges.get(i).to()).rect().onBorder(end[0], end[1], SLACK), "edge " + i + " end");
        }
        long heads = edges.stream().filter(e -> !e.saved()).count();
        assertEquals(heads, svg.elements("polygon").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pictures")
    void dotListsEveryBoxAndEveryEdge(String name, GraphPicture picture) {
        String dot = picture.toDot();
        assertTrue(dot.startsWith("digraph autograd {\n") && dot.endsWith("}\n"));
        var graph = picture.graph();
        for (GraphNode node : graph.nodes()) {
            String label = String.join("\\n", graph.lines(node, NameResolver.none()));
            assertTrue(dot.contains("  n" + node.id() + " [label=\"" + label + "\""), "node " + node.id());
        }
        var arrows = new ArrayList<String>();
        for (String line : dot.split("\n")) if (line.contains(" -> ")) arrows.add(line.trim());
        var expected = new ArrayList<String>();
        for (GraphEdge e : graph.edges()) {
            expected.add("n" + e.from() + " -> n" + e.to() + (e.saved() ? " [style=dashed, arrowhead=none]" : "") + ";");
        }
        assertEquals(expected, arrows);
    }

    @Test
    void theDeepMlpHasMoreThanFortyBoxes() {
        var graph = picture("mlp_deep", VizOptions.defaults()).graph();
        assertTrue(graph.nodes().size() > 40, "only " + graph.nodes().size() + " boxes");
    }

    @Test
    void drawingIsDeterministic() {
        var options = VizOptions.defaults().withShowSaved(true);
        assertEquals(picture("mlp_small", options).toSvg(), picture("mlp_small", options).toSvg());
    }

    @Test
    void themeFollowsJupyterVariablesThenTheSystemScheme() throws Exception {
        String svg = picture("seed_y", VizOptions.defaults()).toSvg();
        assertTrue(svg.contains("var(--jp-ui-font-color1,var(--jag-fg))"));
        assertTrue(svg.contains("var(--jp-layout-color0,var(--jag-bg))"));
        assertTrue(svg.contains("@media (prefers-color-scheme:dark)"));
        var background = new SvgCheck(svg).elements("rect").get(0);
        assertEquals("jag-bg", background.getAttribute("class"));
    }
}
