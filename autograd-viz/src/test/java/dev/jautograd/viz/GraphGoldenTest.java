package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jautograd.Tensor;
import dev.jautograd.viz.GoldenGraphs.Case;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The graph model against the functions PyTorch 1.13 reports by walking grad_fn.next_functions. */
class GraphGoldenTest {
    static Stream<Case> cases() {
        return GoldenGraphs.load().stream();
    }

    private static AutogradGraph graphOf(Case golden) {
        var build = GoldenGraphs.CASES.get(golden.name());
        assertNotNull(build, "no Java construction for golden case " + golden.name());
        return Viz.makeDot(build.get(), VizOptions.defaults().withShowAttrs(true)).graph();
    }

    /** Function boxes in walk order, numbered as the generator numbers PyTorch's functions. */
    private static Map<Integer, Integer> functionIndex(AutogradGraph graph) {
        var index = new HashMap<Integer, Integer>();
        for (GraphNode node : graph.nodes()) if (!node.kind().isTensor()) index.put(node.id(), index.size());
        return index;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void functionNamesAndAttributesMatchPyTorch(Case golden) {
        var graph = graphOf(golden);
        var functions = graph.nodes().stream().filter(n -> !n.kind().isTensor()).toList();
        assertEquals(golden.nodes().stream().map(GoldenGraphs.NodeRow::name).toList(),
                functions.stream().map(GraphNode::title).toList());
        assertEquals(golden.nodes().stream().map(GoldenGraphs.NodeRow::attributes).toList(),
                functions.stream().map(f -> comparableAttributes(f.details())).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void edgesFollowNextFunctionsInOrder(Case golden) {
        var graph = graphOf(golden);
        var index = functionIndex(graph);
        var edges = new ArrayList<List<Integer>>();
        for (GraphEdge edge : graph.edges()) {
            if (index.containsKey(edge.from()) && index.containsKey(edge.to())) {
                edges.add(List.of(index.get(edge.to()), index.get(edge.from()), edge.inputNr()));
            }
        }
        assertEquals(golden.edges(), edges);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void leavesHangUnderTheirAccumulateGradWithTheirShape(Case golden) {
        var graph = graphOf(golden);
        var index = functionIndex(graph);
        var leafShapes = new ArrayList<List<Integer>>();
        for (int i = 0; i < golden.nodes().size(); i++) leafShapes.add(null);
        for (GraphEdge edge : graph.edges()) {
            GraphNode from = graph.node(edge.from());
            if (from.kind() == NodeKind.LEAF) {
                assertEquals(NodeKind.ACCUMULATE_GRAD, graph.node(edge.to()).kind());
                leafShapes.set(index.get(edge.to()), shape(from.tensor()));
                assertEquals(GraphBuilder.shapeText(from.tensor().shape()), from.details().get(0));
            }
        }
        assertEquals(golden.nodes().stream().map(GoldenGraphs.NodeRow::leafShape).toList(), leafShapes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theOutputBoxComesFirstAndReceivesTheRootFunction(Case golden) {
        var graph = graphOf(golden);
        GraphNode output = graph.node(0);
        assertEquals(NodeKind.OUTPUT, output.kind());
        assertEquals(golden.outputShape(), shape(output.tensor()));
        var into = graph.edges().stream().filter(e -> e.to() == 0).toList();
        assertEquals(1, into.size());
        assertEquals(golden.nodes().get(0).name(), graph.node(into.get(0).from()).title());
    }

    /**
     * The attributes gen_graphs.py reads from PyTorch's _saved_* fields; others a Java node shows
     * (e.g. NllLoss's batch size) have no PyTorch counterpart to check.
     */
    private static List<String> comparableAttributes(List<String> attributes) {
        return attributes.stream().filter(a -> COMPARED_KEYS.contains(a.substring(0, a.indexOf('=')))).toList();
    }

    private static final Set<String> COMPARED_KEYS = Set.of("exponent", "dim", "keepdim");

    private static List<Integer> shape(Tensor tensor) {
        return Arrays.stream(tensor.shape()).boxed().toList();
    }
}
