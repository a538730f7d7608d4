package dev.jautograd.viz;

import java.util.List;

/**
 * A laid-out graph: where each box is and the path of each edge, in pixels from the top left.
 *
 * @param boxes  one per graph node, indexed like {@link AutogradGraph#nodes()}
 * @param routes one per graph edge, indexed like {@link AutogradGraph#edges()}
 */
record Drawing(double width, double height, List<Box> boxes, List<Route> routes) {
    record Box(double x, double y, double width, double height, List<String> lines) {}

    record Point(double x, double y) {}

    /** Start on the source box's border, ELK's bend points, end on the target box's border. */
    record Route(List<Point> points) {}
}
