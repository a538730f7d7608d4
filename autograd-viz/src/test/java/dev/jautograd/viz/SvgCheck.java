package dev.jautograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads an SVG written by {@link SvgCanvas} back with javax.xml, the way a browser would see it. */
final class SvgCheck {
    static final String SVG_NS = "http://www.w3.org/2000/svg";

    record Rect(double x, double y, double width, double height) {
        boolean overlaps(Rect o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        boolean contains(double px, double py, double slack) {
            return px >= x - slack && px <= x + width + slack && py >= y - slack && py <= y + height + slack;
        }

        boolean onBorder(double px, double py, double slack) {
            boolean inside = contains(px, py, slack);
            boolean nearVertical = Math.abs(px - x) <= slack || Math.abs(px - x - width) <= slack;
            boolean nearHorizontal = Math.abs(py - y) <= slack || Math.abs(py - y - height) <= slack;
            return inside && (nearVertical || nearHorizontal);
        }
    }

    /** One box as drawn: its rectangle and its text lines in order. */
    record DrawnBox(String kindClass, Rect rect, List<String> lines) {}

    final Document document;
    final Element root;

    SvgCheck(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        root = document.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
    }

    Rect viewBox() {
        String[] parts = root.getAttribute("viewBox").trim().split("\\s+");
        assertEquals(4, parts.length);
        var box = new Rect(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
        assertEquals(box.width(), Double.parseDouble(root.getAttribute("width")));
        assertEquals(box.height(), Double.parseDouble(root.getAttribute("height")));
        assertTrue(box.width() > 0 && box.height() > 0);
        return box;
    }

    List<DrawnBox> boxes() {
        var boxes = new ArrayList<DrawnBox>();
        for (Element group : elements("g")) {
            String classes = group.getAttribute("class");
            if (!classes.startsWith("jag-node ")) continue;
            var rects = group.getElementsByTagNameNS(SVG_NS, "rect");
            assertEquals(1, rects.getLength());
            var rect = (Element) rects.item(0);
            var lines = new ArrayList<String>();
            NodeList texts = group.getElementsByTagNameNS(SVG_NS, "text");
            for (int i = 0; i < texts.getLength(); i++) lines.add(texts.item(i).getTextContent());
            boxes.add(new DrawnBox(classes.substring("jag-node ".length()), new Rect(number(rect, "x"),
                    number(rect, "y"), number(rect, "width"), number(rect, "height")), lines));
        }
        return boxes;
    }

    /** Each edge path as its list of points (M x y L x y ...). */
    List<List<double[]>> edgePaths() {
        var paths = new ArrayList<List<double[]>>();
        for (Element path : elements("path")) {
            if (!path.getAttribute("class").startsWith("jag-edge")) continue;
            var points = new ArrayList<double[]>();
            for (String step : path.getAttribute("d").trim().split("\\s*[ML]\\s*")) {
                if (step.isBlank()) continue;
                String[] xy = step.trim().split("\\s+");
                points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
            }
            assertFalse(points.size() < 2, "an edge needs two points: " + path.getAttribute("d"));
            paths.add(points);
        }
        return paths;
    }

    List<Element> elements(String localName) {
        NodeList list = document.getElementsByTagNameNS(SVG_NS, localName);
        var out = new ArrayList<Element>();
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }
}
