package dev.jautograd.viz;

import dev.jautograd.viz.Drawing.Box;
import dev.jautograd.viz.Drawing.Point;
import dev.jautograd.viz.Drawing.Route;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the boxes with ELK's layered (Sugiyama) algorithm: layers in the direction values flow,
 * few crossings, orthogonal edge routes. Box sizes come from {@link TextMetrics}.
 *
 * <p>A frontend shrinks a picture wider than its output area, and a graph 4,000 px wide would
 * end with ~7 px labels. So the first of these that fits {@link #MAX_WIDTH} wins, else the
 * narrowest: layers top to bottom with ELK's default placement (Brandes-Koepf: straight, centred
 * edges); top to bottom with linear segments (no staircase, which is what makes a long chain such
 * as {@code sum = sum.add(x)} in a loop wide); layers left to right, which stacks the boxes of one
 * wide layer in a column (notebooks scroll down readily).
 */
final class ElkLayout {
    private static final double NODE_SPACING = 24;
    private static final double LAYER_SPACING = 36;
    private static final double PADDING = 16;
    /** About the width of a notebook's output area (Notebook 6: ~940 px; nbconvert: ~1000 px). */
    static final double MAX_WIDTH = 900;

    private ElkLayout() {}

    /** @param lines the text of each box, indexed like the graph's nodes */
    static Drawing layout(AutogradGraph graph, List<List<String>> lines) {
        Drawing narrowest = null;
        for (var attempt : List.of(new Attempt(Direction.DOWN, NodePlacementStrategy.BRANDES_KOEPF),
                new Attempt(Direction.DOWN, NodePlacementStrategy.LINEAR_SEGMENTS),
                new Attempt(Direction.RIGHT, NodePlacementStrategy.BRANDES_KOEPF))) {
            Drawing drawing = layout(graph, lines, attempt.direction(), attempt.placement());
            if (drawing.width() <= MAX_WIDTH) return drawing;
            if (narrowest == null || drawing.width() < narrowest.width()) narrowest = drawing;
        }
        return narrowest;
    }

    private record Attempt(Direction direction, NodePlacementStrategy placement) {}

    static Drawing layout(AutogradGraph graph, List<List<String>> lines, Direction direction,
                          NodePlacementStrategy placement) {
        ElkNode root = configuredRoot(direction, placement);
        var elkNodes = new ArrayList<ElkNode>();
        for (var boxLines : lines) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setDimensions(TextMetrics.boxWidth(boxLines), TextMetrics.boxHeight(boxLines.size()));
            elkNodes.add(node);
        }
        var elkEdges = new ArrayList<ElkEdge>();
        for (GraphEdge edge : graph.edges()) {
            elkEdges.add(ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.from()), elkNodes.get(edge.to())));
        }
        synchronized (ElkLayout.class) { // ELK's option registry is shared; one layout at a time
            new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        }
        return new Drawing(root.getWidth(), root.getHeight(), boxes(elkNodes, lines), routes(elkEdges));
    }

    private static ElkNode configuredRoot(Direction direction, NodePlacementStrategy placement) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, direction);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, placement);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_SPACING);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(PADDING));
        // Keep the walk's order where crossings allow: an op's first operand stays on the left.
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        return root;
    }

    private static List<Box> boxes(List<ElkNode> nodes, List<List<String>> lines) {
        var boxes = new ArrayList<Box>();
        for (int i = 0; i < nodes.size(); i++) {
            ElkNode n = nodes.get(i);
            boxes.add(new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight(), lines.get(i)));
        }
        return boxes;
    }

    // Simple edges between children of the root have one section, in the root's coordinates.
    private static List<Route> routes(List<ElkEdge> edges) {
        var routes = new ArrayList<Route>();
        for (ElkEdge edge : edges) {
            ElkEdgeSection section = edge.getSections().get(0);
            var points = new ArrayList<Point>();
            points.add(new Point(section.getStartX(), section.getStartY()));
            section.getBendPoints().forEach(b -> points.add(new Point(b.getX(), b.getY())));
            points.add(new Point(section.getEndX(), section.getEndY()));
            routes.add(new Route(points));
        }
        return routes;
    }
}
